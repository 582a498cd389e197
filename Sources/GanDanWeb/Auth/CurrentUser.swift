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

/// Sends anonymous visitors of a page to the sign-in page (a form sent, to sign-in and back to the form's page), and
/// answers 401 to anonymous API calls.
struct RequireLogin: AsyncMiddleware {
    /// Pages send a GET without a user to the sign-in page; the API answers 401.
    var answer: ErrorResponder.Answer

    init(_ answer: ErrorResponder.Answer) {
        self.answer = answer
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            if answer == .json {
                throw Abort(.unauthorized, reason: "sign in, or send an API token as Authorization: Bearer …")
            }
            guard request.method == .GET else {
                // A form sent after the session ended (issue 20): through sign-in back to the page it came from, where
                // the draft kept in the browser fills it again; never a bare 401.
                let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
                let next = (request.formPage ?? "/").addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
                return request.redirect(to: "/login?next=\(next)&expired=1")
            }
            var components = URLComponents()
            components.path = "/login"
            components.queryItems = [URLQueryItem(name: "next", value: request.url.string)]
            return request.redirect(to: components.string ?? "/login")
        }
        return try await next.respond(to: request)
    }
}
