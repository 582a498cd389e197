import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("The party dues register of a cell and the commune's totals (rules.md R12)")
struct DuesPageTests {
    @Test(
        "a secretary marks a member paid with one tap, a bad salary is named in Vietnamese, another cell is not found, and the commune sees the total passed up",
        arguments: TestDatabase.all)
    func secretaryRegister(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let other = try #require(try await tree.organisation(code: "CB-00002.01")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-06-01"))).id
            let tai = try await app.member("Hoàng Văn Tài")
            let page = "/cells/\(cell)/dues?month=2019-06"
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Sổ thu đảng phí"))
                #expect(res.body.string.contains(#"name="pay" value="\#(tai)""#))
            }
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            let pay = "month=2019-06&collectedBy=\(tai)&paidOn=2019-06-12&pay=\(tai)&band[\(tai)]="
            try await app.testing().test(
                .POST, "/cells/\(cell)/dues", headers: headers,
                body: ByteBuffer(string: pay + "salaried&income[\(tai)]=")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Hoàng Văn Tài: ghi mức lương hoặc lương hưu hằng tháng"))
            }
            try await app.testing().test(
                .POST, "/cells/\(cell)/dues", headers: headers,
                body: ByteBuffer(string: pay + "salaried&income[\(tai)]=5.500.000")
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/cells/\(cell)/dues?month=2019-06#m-\(tai)")
            }
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("12/06/2019"))
                #expect(res.body.string.contains("55.000"))
                #expect(!res.body.string.contains(#"name="pay" value="\#(tai)""#))
            }
            try await app.testing().test(
                .POST, "/cells/\(cell)/dues/handover", headers: headers,
                body: ByteBuffer(string: "month=2019-06&passedOn=2019-06-28&passedBy=\(tai)")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(
                .GET, "/cells/\(other)/dues?month=2019-06", headers: users.secretary.bearer
            ) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/dues?month=2019-06&format=csv", headers: users.planner.bearer
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Chi bộ thôn Nà Coóc"))
                #expect(res.body.string.contains("55000"))
                #expect(res.body.string.contains("2019-06-28"))
            }
        }
    }
}
