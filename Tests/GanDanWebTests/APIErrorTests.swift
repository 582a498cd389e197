import Foundation
import GanDanTesting
import Testing
import VaporTesting

@Suite("Every answer under /api is JSON, errors included; pages keep their HTML errors")
struct APIErrorTests {
    /// Signs `Planner` in with the form and returns the signed-in session's cookie and CSRF token.
    static func session(_ app: Application) async throws -> (cookie: String, csrf: String) {
        let (cookie, csrf) = try await AuthTests.loginForm(app)
        var session = cookie
        try await AuthTests.post(
            app, "/login", "csrf=\(csrf)&username=Planner&password=correct+horse+battery&next=/members", cookie: cookie
        ) { res in
            #expect(res.status == .seeOther)
            session = res.headers.setCookie?["gandan_session"]?.string ?? cookie
        }
        // The signed-in session has its own token: the page's forms (sign-out among them) carry it.
        var token = ""
        try await app.testing().test(.GET, "/members", headers: ["Cookie": "gandan_session=\(session)"]) { res in
            let html = res.body.string
            if let range = html.range(of: #"name="csrf" value=""#) {
                token = String(html[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        #expect(!token.isEmpty)
        return (session, token)
    }

    static func isJSON(_ res: TestingHTTPResponse) -> Bool {
        res.headers.contentType == .json && res.body.string.hasPrefix("{")
    }

    @Test("an address under /api that no route matches answers 404 as JSON", arguments: TestDatabase.all)
    func unknownAddress(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await app.testing().test(.GET, "/api/nothing", headers: users.planner.bearer) { res in
                #expect(res.status == .notFound)
                #expect(Self.isJSON(res))
            }
            try await app.testing().test(.DELETE, "/api/nothing/at/all", headers: users.planner.bearer) { res in
                #expect(res.status == .notFound)
                #expect(Self.isJSON(res))
            }
            try await app.testing().test(.GET, "/nothing", headers: users.planner.bearer) { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.subType == "html")
            }
        }
    }

    @Test(
        "a cookie-session write to the API without the CSRF token is refused with 403 as JSON; a page's as HTML",
        arguments: TestDatabase.all)
    func csrf(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let (cookie, csrf) = try await Self.session(app)
            var headers: HTTPHeaders = ["Cookie": "gandan_session=\(cookie)"]
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/tokens", headers: headers, body: ByteBuffer(string: #"{"name":"x"}"#)
            ) { res in
                #expect(res.status == .forbidden)
                #expect(Self.isJSON(res))
            }
            headers.add(name: "X-CSRF-Token", value: csrf)
            try await app.testing().test(
                .POST, "/api/tokens", headers: headers, body: ByteBuffer(string: #"{"name":"x"}"#)
            ) { res in
                #expect(res.status != .forbidden)
            }
            try await AuthTests.post(app, "/logout", "", cookie: cookie) { res in
                #expect(res.status == .forbidden)
                #expect(res.headers.contentType?.subType == "html")
            }
        }
    }
}
