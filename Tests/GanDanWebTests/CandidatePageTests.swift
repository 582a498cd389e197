import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("The candidate page's education exception (rules.md R21)")
struct CandidatePageTests {
    @Test(
        "R21: the candidate page says in plain words that Nà Coóc's profile makes it a mountain village; a hand override needs a reason and shows who set it",
        arguments: TestDatabase.all)
    func educationException(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            try await app.testing().test(.GET, "/cells/\(cell)/candidates", headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Theo hồ sơ thôn, thôn Nà Coóc thuộc vùng cao"))
                #expect(!res.body.string.contains("inDifficultArea"))
            }
            var candidate = ""
            try await app.testing().test(
                .POST, "/cells/\(cell)/candidates", headers: headers,
                body: ByteBuffer(
                    string: "fullName=Ma+Th%E1%BB%8B+Hoa&birthDate=1998-03-01&education=5%2F12&areaOverride="
                        + "&areaReason=&listedOn=2019-09-02")
            ) { res in
                #expect(res.status == .seeOther)
                candidate = res.headers.first(name: .location) ?? ""
            }
            try await app.testing().test(.GET, candidate, headers: users.secretary.bearer) { res in
                let page = res.body.string
                #expect(page.contains("Áp dụng ngoại lệ vùng cao, vùng dân tộc thiểu số: yêu cầu trình độ tiểu học"))
                #expect(page.contains("Theo hồ sơ thôn, thôn Nà Coóc thuộc vùng cao"))
                #expect(!page.contains("Ghi tay"))
            }
            try await app.testing().test(.GET, candidate + "?lang=en", headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("By its village profile, Village Nà Coóc is a mountain area"))
            }
            try await app.testing().test(
                .POST, candidate + "/area", headers: headers,
                body: ByteBuffer(string: "areaOverride=notApplies&areaReason=")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Hãy ghi lý do không áp dụng ngoại lệ"))
            }
            try await app.testing().test(
                .POST, candidate + "/area", headers: headers,
                body: ByteBuffer(
                    string: "areaOverride=notApplies&areaReason=S%E1%BB%91ng+%E1%BB%9F+th%E1%BB%8B+tr%E1%BA%A5n")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, candidate, headers: users.secretary.bearer) { res in
                let page = res.body.string
                #expect(page.contains("Không áp dụng ngoại lệ: yêu cầu trình độ trung học cơ sở"))
                #expect(page.contains("Ghi tay là không áp dụng, thay cho hồ sơ thôn: secretary ghi ngày"))
                #expect(page.contains("lý do: Sống ở thị trấn"))
                #expect(page.contains("thấp hơn trình độ trung học cơ sở cần có"))
            }
        }
    }
}
