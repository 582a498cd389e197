import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Sign-in and sign-out. Errors are generic: they never tell whether the username exists.
struct LoginPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let open = routes.open()
        open.get("login", use: form).reading(.next, .expired)
        open.post("login", use: login)
        open.post("logout", use: logout)
    }

    struct LoginContext: Encodable {
        var page: PageContext
        var csrf: String
        var next: String
        var username: String
        var error: String?
        /// Set when a form was sent after the session ended: what was typed waits in the browser (issue 20).
        var expired: Bool = false
    }

    @Sendable func form(req: Request) async throws -> View {
        let page = PageContext(req, title: Labels.text("signIn", req))
        return try await req.view.render(
            "login",
            LoginContext(
                page: page, csrf: req.csrfToken, next: Self.safeNext(try req.queryText(.next)), username: "",
                expired: try req.queryFlag(.expired)))
    }

    /// The sign-in page again with `message` (a sign-in form whose token had expired), with a new token.
    static func refused(_ req: Request, _ message: String, next: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let page = PageContext(req, title: Labels.text("signIn", req))
        let context = LoginContext(page: page, csrf: req.csrfToken, next: safeNext(next), username: "", error: message)
        let response = try await req.view.render("login", context).encodeResponse(for: req)
        response.status = status
        return response
    }

    struct Credentials: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable func login(req: Request) async throws -> Response {
        let input = try req.content.decode(Credentials.self)
        let username = UserDirectory.normalised(input.username ?? "")
        let address = req.clientAddress
        let throttle = LoginThrottle(db: req.store)
        let next = Self.safeNext(input.next)
        func refuse(_ message: String, status: HTTPResponseStatus) async throws -> Response {
            let page = PageContext(req, title: Labels.text("signIn", req))
            let context = LoginContext(
                page: page, csrf: req.csrfToken, next: next, username: username, error: message)
            let response = try await req.view.render("login", context).encodeResponse(for: req)
            response.status = status
            return response
        }
        let password = input.password ?? ""
        // An empty field guesses nothing: answer without counting it against the account.
        if username.isEmpty || password.isEmpty {
            return try await refuse(Labels.text("badLogin", req), status: .unauthorized)
        }
        if let wait = try await throttle.wait(account: username, address: address) {
            let minutes = max(1, Int((wait / 60).rounded(.up)))
            return try await refuse(
                Labels.text("tooManyAttempts", req).replacingOccurrences(of: "{minutes}", with: String(minutes)),
                status: .tooManyRequests)
        }
        let found = try await UserDirectory(db: req.store).credentials(username: username)
        // Verify against a stand-in hash when the user is unknown, so timing does not tell who exists.
        let hash = found?.passwordHash ?? req.application.standInHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let found, matches, !found.account.disabled else {
            try await throttle.recordFailure(account: username, address: address)
            return try await refuse(Labels.text("badLogin", req), status: .unauthorized)
        }
        try await throttle.recordSuccess(account: username, address: address)
        // A form's key answers for its save for a month, long enough for any draft to come back (issue 20).
        try await FormSubmissions(db: req.store).prune(
            user: found.account.id, before: Date().addingTimeInterval(-IdempotentForms.keptFor))
        let user = CurrentUser(account: found.account, viaToken: false)
        // A new session id and CSRF token after sign-in, so a session planted before it is worth nothing.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data["csrf"] = nil
        req.auth.login(user)
        req.session.authenticate(user)
        // The sign-in is filed under the units the user's roles open today, so their auditors see it (rules.md R30).
        let scope = try await ScopeResolver(db: req.store).scopes(for: found.account, on: CivilDate.today()).read
        var units: Set<UUID> = []
        if case .restricted(let opened, _) = scope { units = opened }
        try await AuditTrail(db: req.store, scope: scope).record(
            AuditEvent(
                actor: found.account.username, action: "login", entity: "user", entityID: found.account.id.uuidString,
                requestID: req.requestID, units: units))
        return req.redirect(to: next)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        req.auth.logout(CurrentUser.self)
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    /// Only a path on this site: never another host (no open redirect).
    /// `next` when it is a path on this site, else "/": one leading "/", no "/" or "\\" right after it, no backslash,
    /// control character or whitespace, checked on the value and on its percent-decoded forms (no open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next, !next.isEmpty else { return "/" }
        var forms = [next]
        while forms.count < 4, let decoded = forms[forms.count - 1].removingPercentEncoding, decoded != forms.last {
            forms.append(decoded)
        }
        return forms.allSatisfy(isSameSitePath) ? next : "/"
    }

    /// Whether `path` starts with a single "/" and holds no backslash, control character or whitespace.
    private static func isSameSitePath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        guard scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" { return false }
        let unsafe = CharacterSet.controlCharacters.union(.whitespacesAndNewlines).union(.illegalCharacters)
        return !scalars.contains { $0 == "\\" || unsafe.contains($0) }
    }

}

struct StandInHashKey: StorageKey {
    typealias Value = String
}

extension Application {
    /// A bcrypt hash (at the configured cost) of a random password nobody knows, made at start-up.
    var standInHash: String { storage[StandInHashKey.self] ?? "" }
}
