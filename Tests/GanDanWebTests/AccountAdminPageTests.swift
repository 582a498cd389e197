import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Accounts on the web: own password, the administration page, reset codes (issue 18)")
struct AccountAdminPageTests {
    /// Signs `username` in with the form; the signed-in session's cookie and its CSRF token (nil when refused).
    static func session(_ app: Application, _ username: String, _ password: String) async throws
        -> (cookie: String, csrf: String)?
    {
        let (cookie, csrf) = try await AuthTests.loginForm(app)
        var session: String?
        let form = "csrf=\(csrf)&username=\(username)&password=\(password.replacingOccurrences(of: " ", with: "+"))"
        try await AuthTests.post(app, "/login", form, cookie: cookie) { res in
            if res.status == .seeOther { session = res.headers.setCookie?["gandan_session"]?.string ?? cookie }
        }
        guard let session else { return nil }
        return (session, try await token(app, "/account", cookie: session))
    }

    /// The CSRF token of the form on the page at `path`.
    static func token(_ app: Application, _ path: String, cookie: String) async throws -> String {
        var token = ""
        try await app.testing().test(.GET, path, headers: ["Cookie": "gandan_session=\(cookie)"]) { res in
            let html = res.body.string
            if let range = html.range(of: #"name="csrf" value=""#) {
                token = String(html[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        return token
    }

    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    static func post(
        _ app: Application, _ path: String, _ fields: [(String, String)], headers: HTTPHeaders,
        _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        var headers = headers
        headers.contentType = .urlEncodedForm
        try await app.testing().test(
            .POST, path, headers: headers, body: ByteBuffer(string: form(fields)), afterResponse: check)
    }

    @Test(
        "one's own password: a wrong current or weak new one is refused by its field; a good one ends the others",
        arguments: TestDatabase.all)
    func ownPassword(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let first = try #require(try await Self.session(app, "planner", TestUsers.password))
            let second = try #require(try await Self.session(app, "planner", TestUsers.password))
            let headers: HTTPHeaders = ["Cookie": "gandan_session=\(first.cookie)"]
            let change = { (current: String, new: String, again: String) in
                [("csrf", first.csrf), ("currentPassword", current), ("newPassword", new), ("repeatPassword", again)]
            }
            try await Self.post(
                app, "/account/password", change("wrong password here", "a fresh long phrase", "a fresh long phrase"),
                headers: headers
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Mật khẩu hiện tại không đúng."))
            }
            try await Self.post(
                app, "/account/password", change(TestUsers.password, "my planner secret", "my planner secret"),
                headers: headers
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Mật khẩu mới không được chứa tên đăng nhập."))
            }
            try await Self.post(
                app, "/account/password", change(TestUsers.password, "short", "short"),
                headers: ["Cookie": "gandan_session=\(first.cookie); lang=en"]
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("The new password must have at least 12 characters."))
            }
            try await Self.post(
                app, "/account/password", change(TestUsers.password, "a fresh long phrase", "a fresh long phrase"),
                headers: headers
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Đã đổi mật khẩu."))
            }
            try await app.testing().test(.GET, "/members", headers: headers) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/members", headers: ["Cookie": "gandan_session=\(second.cookie)"]) {
                #expect($0.status == .seeOther)
            }
            try await app.testing().test(.GET, "/api/units", headers: users.planner.bearer) {
                #expect($0.status == .unauthorized)
            }
            #expect(try await Self.session(app, "planner", TestUsers.password) == nil)
            #expect(try await Self.session(app, "planner", "a fresh long phrase") != nil)
            let actions = try await AuditTrail(db: app.store, scope: .everything).entries().map(\.action)
            #expect(actions.contains("change-password"))
        }
    }

    @Test(
        "an administrator adds a user, who sets a password with the reset code once and signs in; a role is granted",
        arguments: TestDatabase.all)
    func addUser(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            var code = ""
            try await Self.post(
                app, "/users",
                [
                    ("username", "lan"), ("displayName", "Nguyễn Thị Lan"), ("role", "viewer"),
                    ("place", "00001.01"),
                ], headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                if let range = html.range(of: #"id="reset-code">"#) {
                    code = String(html[range.upperBound...].prefix { $0 != "<" })
                }
            }
            #expect(code.count == 14)
            let lan = try #require(try await UserDirectory(db: app.store).credentials(username: "lan")?.account)
            #expect(lan.grants.count == 1)
            let (cookie, csrf) = try await Self.resetForm(app)
            let reset = [
                ("csrf", csrf), ("username", "lan"), ("code", code), ("newPassword", "rice fields at dawn"),
                ("repeatPassword", "rice fields at dawn"),
            ]
            try await Self.post(app, "/reset-password", reset, headers: ["Cookie": "gandan_session=\(cookie)"]) {
                #expect($0.status == .ok)
                #expect($0.body.string.contains("Đã đặt mật khẩu mới."))
            }
            #expect(try await Self.session(app, "lan", "rice fields at dawn") != nil)
            try await Self.post(app, "/reset-password", reset, headers: ["Cookie": "gandan_session=\(cookie)"]) {
                #expect($0.status == .unprocessableEntity)
                #expect($0.body.string.contains("Mã đặt lại mật khẩu không đúng, đã dùng hoặc đã hết hạn"))
            }
            try await Self.post(
                app, "/users/\(lan.id)/roles", [("role", "secretary"), ("place", "CB-00001.01")],
                headers: users.admin.bearer
            ) { #expect($0.status == .seeOther) }
            #expect(try await UserDirectory(db: app.store).account(lan.id)?.grants.count == 2)
            // A role without its place is refused next to the place field, in the page's language.
            try await Self.post(app, "/users/\(lan.id)/roles", [("role", "planner")], headers: users.admin.bearer) {
                #expect($0.status == .unprocessableEntity)
                #expect($0.body.string.contains(#"<p class="field-error" role="alert">Mã đơn vị hoặc chi bộ cần"#))
            }
            let entries = try await AuditTrail(db: app.store, scope: .everything).entries()
                .filter { $0.entityID == lan.id.uuidString }
            #expect(entries.map(\.action) == ["grant", "login", "reset-password", "issue-reset-code", "create"])
            #expect(entries.first { $0.action == "create" }?.actor == "admin")
        }
    }

    /// The reset page's anonymous cookie and CSRF token.
    static func resetForm(_ app: Application) async throws -> (cookie: String, csrf: String) {
        var cookie = ""
        var csrf = ""
        try await app.testing().test(.GET, "/reset-password") { res in
            cookie = res.headers.setCookie?["gandan_session"]?.string ?? ""
            if let range = res.body.string.range(of: #"name="csrf" value=""#) {
                csrf = String(res.body.string[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        return (cookie, csrf)
    }

    @Test(
        "a planner manages only the accounts of their commune: others are 404, the administrator role is refused",
        arguments: TestDatabase.all)
    func plannerSubtree(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let other = try #require(try await tree.unit(code: "00002", on: CivilDate.today())).id
            let outside = try await UserDirectory(db: app.store).create(
                username: "outside", displayName: "", passwordHash: "x",
                grants: [RoleGrant(role: .planner, unitID: other)])
            try await app.testing().test(.GET, "/users", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("(viewer)") && !res.body.string.contains("(outside)"))
                #expect(!res.body.string.contains("(admin)"))
                #expect(!res.body.string.contains(#"value="administrator""#))
                #expect(!res.body.string.contains(#"value="auditor""#) && !res.body.string.contains("(auditor)"))
            }
            for target in [users.admin.account.id, outside.id] {
                try await app.testing().test(.GET, "/users/\(target)", headers: users.planner.bearer) {
                    #expect($0.status == .notFound)
                }
                try await Self.post(app, "/users/\(target)/disable", [], headers: users.planner.bearer) {
                    #expect($0.status == .notFound)
                }
            }
            try await Self.post(
                app, "/users", [("username", "boss"), ("role", "administrator")], headers: users.planner.bearer
            ) { #expect($0.status == .unprocessableEntity) }
            try await Self.post(
                app, "/users", [("username", "far"), ("role", "viewer"), ("place", "00002")],
                headers: users.planner.bearer
            ) {
                #expect($0.status == .unprocessableEntity)
                #expect($0.body.string.contains("Mã đơn vị hoặc chi bộ không có trong phạm vi bạn quản lý."))
            }
            try await app.testing().test(.GET, "/users/\(users.viewer.account.id)", headers: users.viewer.bearer) {
                #expect($0.status == .forbidden)
            }
            #expect(try await UserDirectory(db: app.store).credentials(username: "boss") == nil)
            #expect(try await UserDirectory(db: app.store).credentials(username: "far") == nil)
        }
    }

    @Test(
        "a disabled account cannot sign in nor use its token; an administrator cannot disable their own account",
        arguments: TestDatabase.all)
    func disabled(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await Self.post(app, "/users/\(users.viewer.account.id)/disable", [], headers: users.planner.bearer) {
                #expect($0.status == .seeOther)
            }
            #expect(try await Self.session(app, "viewer", TestUsers.password) == nil)
            try await app.testing().test(.GET, "/api/units", headers: users.viewer.bearer) {
                #expect($0.status == .unauthorized)
            }
            try await Self.post(app, "/users/\(users.admin.account.id)/disable", [], headers: users.admin.bearer) {
                #expect($0.status == .unprocessableEntity)
                #expect($0.body.string.contains("Tài khoản của chính bạn không khóa được ở đây."))
            }
            #expect(try await UserDirectory(db: app.store).account(users.admin.account.id)?.disabled == false)
            let entry = try #require(try await AuditTrail(db: app.store, scope: .everything).entries().first)
            #expect(entry.action == "disable" && entry.actor == "planner")
            #expect(entry.entityID == users.viewer.account.id.uuidString && !entry.units.isEmpty)
            try await Self.post(app, "/users/\(users.viewer.account.id)/enable", [], headers: users.planner.bearer) {
                #expect($0.status == .seeOther)
            }
            #expect(try await Self.session(app, "viewer", TestUsers.password) != nil)
        }
    }
}
