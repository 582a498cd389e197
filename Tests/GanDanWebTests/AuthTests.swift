import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Sign-in, CSRF, tokens and headers")
struct AuthTests {
    /// GETs the sign-in form and returns the session cookie and the form's CSRF token.
    static func loginForm(_ app: Application) async throws -> (cookie: String, csrf: String) {
        var cookie = ""
        var csrf = ""
        try await app.testing().test(.GET, "/login") { res in
            cookie = res.headers.setCookie?["gandan_session"]?.string ?? ""
            let html = res.body.string
            if let range = html.range(of: #"name="csrf" value=""#) {
                csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        return (cookie, csrf)
    }

    static func post(
        _ app: Application, _ path: String, _ form: String, cookie: String,
        _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        var headers: HTTPHeaders = ["Cookie": "gandan_session=\(cookie)"]
        headers.contentType = .urlEncodedForm
        try await app.testing().test(
            .POST, path, headers: headers, body: ByteBuffer(string: form), afterResponse: check)
    }

    @Test("a user signs in with the form, sees pages, and signs out", arguments: TestDatabase.all)
    func signIn(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let (cookie, csrf) = try await Self.loginForm(app)
            #expect(!cookie.isEmpty && !csrf.isEmpty)
            var session = cookie
            try await Self.post(
                app, "/login", "csrf=\(csrf)&username=Planner&password=correct+horse+battery&next=/members",
                cookie: cookie
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/members")
                let setCookie = res.headers.first(name: .setCookie) ?? ""
                #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
                session = res.headers.setCookie?["gandan_session"]?.string ?? cookie
                #expect(session != cookie)
            }
            try await app.testing().test(.GET, "/members", headers: ["Cookie": "gandan_session=\(session)"]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Hoàng Văn Tài"))
                #expect(!res.body.string.contains("Ma Thị Thu"))
            }
            try await app.testing().test(.GET, "/members") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
            }
        }
    }

    @Test("a form posted without the session's CSRF token is refused", arguments: TestDatabase.all)
    func csrf(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let (cookie, _) = try await Self.loginForm(app)
            try await Self.post(app, "/login", "username=planner&password=correct+horse+battery", cookie: cookie) {
                res in
                #expect(res.status == .forbidden)
            }
            try await Self.post(
                app, "/login", "csrf=forged&username=planner&password=correct+horse+battery", cookie: cookie
            ) {
                res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test("wrong passwords are rate limited per account, with one generic message", arguments: TestDatabase.all)
    func throttle(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let (cookie, csrf) = try await Self.loginForm(app)
            for attempt in 1...5 {
                try await Self.post(
                    app, "/login", "csrf=\(csrf)&username=planner&password=wrong\(attempt)", cookie: cookie
                ) { res in
                    #expect(res.status == .unauthorized)
                    #expect(res.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
                }
            }
            try await Self.post(app, "/login", "csrf=\(csrf)&username=nobody&password=x", cookie: cookie) { res in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            }
            // Even the right password waits now.
            try await Self.post(
                app, "/login", "csrf=\(csrf)&username=planner&password=correct+horse+battery", cookie: cookie
            ) { res in
                #expect(res.status == .tooManyRequests)
                // The wait counts down from 15 minutes; a slow machine may take a minute or two to get here.
                let body = res.body.string
                #expect((13...15).contains { body.contains("Vui lòng thử lại sau \($0) phút.") })
            }
        }
    }

    @Test("a token is shown once, works, and stops working when revoked", arguments: TestDatabase.all)
    func tokens(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            var token = ""
            var id = ""
            var headers = users.viewer.bearer
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/tokens", headers: headers, body: ByteBuffer(string: #"{"name":"script"}"#)
            ) { res in
                #expect(res.status == .created)
                let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                token = body?["token"] as? String ?? ""
                id = body?["id"] as? String ?? ""
            }
            #expect(token.hasPrefix("gd_"))
            try await app.testing().test(.GET, "/api/tokens", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains(token))
            }
            try await app.testing().test(.DELETE, "/api/tokens/\(id)", headers: ["Authorization": "Bearer \(token)"]) {
                res in
                #expect(res.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/units", headers: ["Authorization": "Bearer \(token)"]) { res in
                #expect(res.status == .unauthorized)
            }
            try await AccountAdministration(db: app.store, scope: .everything).setDisabled(
                users.viewer.account.id, true, actor: .system)
            try await app.testing().test(.GET, "/api/units", headers: users.viewer.bearer) { res in
                #expect(res.status == .unauthorized)
            }
        }
    }

    @Test("pages carry the security headers", arguments: TestDatabase.all)
    func headers(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            try await app.testing().test(.GET, "/login") { res in
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(!res.body.string.contains("onclick"))
            }
        }
    }
}
