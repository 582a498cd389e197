import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

/// Issue 20 item 2: a form sent back shows each sentence right under the field it names, as well as summed up at the
/// top, and only in the form that was sent when a page holds several.
@Suite("Messages beside their fields")
struct FieldProblemTests {
    @Test(
        "a wrong birth date and a missing reason are told under those fields of the correction form only",
        arguments: TestDatabase.all)
    func besideTheField(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tai = try await app.member("Hoàng Văn Tài")
            var headers = users.planner.bearer
            headers.contentType = .urlEncodedForm
            let body = ByteBuffer(
                string:
                    "fullName=Hoàng+Văn+Tài&birthDate=1975-02-30&admittedOn=2000-01-01&officialOn=2001-01-01&reason=")
            try await app.testing().test(.POST, "/members/\(tai)/correct", headers: headers, body: body) { res in
                let html = res.body.string
                #expect(res.status == .unprocessableEntity)
                let birth = try #require(html.range(of: "name=\"birthDate\""))
                let next = try #require(html.range(of: "<label", range: birth.upperBound..<html.endIndex))
                let between = html[birth.upperBound..<next.lowerBound]
                #expect(
                    between.contains(
                        "<p class=\"field-error\" role=\"alert\">Ngày sinh: “1975-02-30” không phải là một ngày"))
                #expect(
                    html.components(separatedBy: "Cần ghi lý do sửa đổi").count == 3,
                    "once at the top, once beside the field")
                #expect(html.components(separatedBy: "class=\"field-error\"").count == 3, "the other forms show none")
            }
            try await app.testing().test(.GET, "/members/\(tai)/registry", headers: users.planner.bearer) { res in
                #expect(!res.body.string.contains("field-error"), "a form opened afresh shows no problem")
            }
        }
    }
}
