import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("The ratings page for a term and an ad hoc review (rules.md R18)")
struct RatingPageTests {
    @Test(
        "R18: a secretary opens the 2015–2020 term on the ratings page, rates a member for it, and the API reads it back by its key",
        arguments: TestDatabase.all)
    func termRatings(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let tai = try await app.member("Hoàng Văn Tài")
            let open = "/cells/\(cell)/ratings?kind=term&from=2015-06-01&until=2020-05-31"
            try await app.testing().test(.GET, open, headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Nhiệm kỳ 01/06/2015 – 31/05/2020"))
                #expect(res.body.string.contains(#"name="period" value="term-2015-06-01-2020-05-31""#))
            }
            try await app.testing().test(
                .GET, "/cells/\(cell)/ratings?kind=adHoc&from=2020-06-01&until=2019-05-31",
                headers: users.secretary.bearer
            ) { res in
                #expect(res.status == .badRequest)
            }
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/cells/\(cell)/ratings", headers: headers,
                body: ByteBuffer(string: "period=term-2015-06-01-2020-05-31&score[\(tai)]=85")
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasSuffix("?period=term-2015-06-01-2020-05-31") == true)
            }
            try await app.testing().test(
                .GET, "/api/cells/\(cell)/ratings/term-2015-06-01-2020-05-31", headers: users.secretary.bearer
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""period":"term-2015-06-01-2020-05-31""#))
                #expect(res.body.string.contains(#""level":"good""#))
            }
            try await app.testing().test(.GET, "/api/cells/\(cell)/ratings/2020", headers: users.secretary.bearer) {
                res in
                #expect(!res.body.string.contains(#""level":"good""#))
            }
        }
    }
}
