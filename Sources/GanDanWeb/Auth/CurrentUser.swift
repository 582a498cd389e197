import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The signed-in user of a request, by session cookie or API token.
struct CurrentUser: SessionAuthenticatable {
    var account: UserAccount
    /// True when the request came with an API token: no cookie, so no CSRF check.
    var viaToken: Bool

    var sessionID: String { account.id.uuidString }
}

/// Restores the user from the session cookie; a disabled or deleted account is signed out.
struct UserSessionAuthenticator: AsyncSessionAuthenticator {
    typealias User = CurrentUser

    func authenticate(sessionID: String, for request: Request) async throws {
        guard let id = UUID(uuidString: sessionID),
            let account = try await UserDirectory(db: request.store).account(id),
            !account.disabled
        else { return }
        request.auth.login(CurrentUser(account: account, viaToken: false))
    }
}

/// `Authorization: Bearer gd_…` for scripts; revoked tokens and disabled users are refused.
struct TokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard let account = try await UserDirectory(db: request.store).account(forToken: bearer.token) else { return }
        request.auth.login(CurrentUser(account: account, viaToken: true))
    }
}

/// Sends anonymous visitors of a page to the sign-in page, and answers 401 to anonymous API calls.
struct RequireLogin: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            if request.url.path.hasPrefix("/api") {
                throw Abort(.unauthorized, reason: "sign in, or send an API token as Authorization: Bearer …")
            }
            guard request.method == .GET else { throw Abort(.unauthorized, reason: "please sign in again") }
            var components = URLComponents()
            components.path = "/login"
            components.queryItems = [URLQueryItem(name: "next", value: request.url.string)]
            return request.redirect(to: components.string ?? "/login")
        }
        return try await next.respond(to: request)
    }
}

/// A request's user and what they may see, change and audit on the date asked (rules.md R30).
struct RequestAccess {
    var account: UserAccount
    var scopes: ScopeResolver.Scopes
    var actor: Actor
}

extension Request {
    private struct AccessKey: StorageKey {
        typealias Value = RequestAccess
    }

    /// The current user and their scopes; throws 401 when nobody is signed in.
    func access() async throws -> RequestAccess {
        if let cached = storage[AccessKey.self] { return cached }
        guard let user = auth.get(CurrentUser.self) else { throw Abort(.unauthorized) }
        let scopes = try await ScopeResolver(db: store).scopes(for: user.account, on: try asOfDate())
        let access = RequestAccess(
            account: user.account, scopes: scopes, actor: Actor(name: user.account.username, requestID: id))
        storage[AccessKey.self] = access
        return access
    }

    /// Records a read of personal data (rules.md R30) in the audit trail.
    func auditRead(_ entity: String, id: String?, unit: UUID? = nil) async throws {
        let access = try await access()
        try await AuditTrail(db: store).record(
            AuditEvent(
                actor: access.actor.name, action: "read", entity: entity, entityID: id,
                requestID: access.actor.requestID,
                unitID: unit))
    }
}
