import Crypto
import Foundation
import GanDanStorage
import Vapor

/// Refuses state-changing requests of a cookie session, and sign-in forms, that do not carry the session's
/// CSRF token (form field `csrf` or header `X-CSRF-Token`). Requests with an API token carry no cookie and need
/// none; other anonymous requests go on to be refused as not signed in.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await next.respond(to: request) }
        let user = request.auth.get(CurrentUser.self)
        let isSignIn = ["/login", "/reset-password"].contains(request.url.path)
        if user?.viaToken == true || (user == nil && !isSignIn) { return try await next.respond(to: request) }
        let expected = request.hasSession ? request.session.data["csrf"] : nil
        // A middleware runs before the route collects the body: a form sent in several packets (a long
        // minutes form on a slow line) must be collected here first, or its token would look missing.
        if request.headers.first(name: "X-CSRF-Token") == nil && request.body.data == nil {
            // An import upload (multipart) may be as large as an import file; other forms keep the default limit.
            let limit =
                request.headers.contentType?.type == "multipart"
                ? ImportUploads.maxBytes + 65_536 : request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
        }
        let given = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: "csrf"))
        guard let expected, let given, constantTimeEqual(expected, given) else {
            if request.url.path.hasPrefix("/api/") {
                throw Abort(
                    .forbidden,
                    reason: "the form has expired or did not come from GanDan; reload the page and try again")
            }
            // A page's form with an old token (signed in again meanwhile, issue 20): the sign-in form is shown again;
            // another form's page is opened again, where the draft kept in the browser fills it.
            if isSignIn {
                return try await LoginPages.refused(
                    request, Labels.text("formExpired", request),
                    next: try? request.content.get(String.self, at: "next"), status: .forbidden)
            }
            guard request.url.path != "/logout", let page = request.formPage else {
                throw Abort(.forbidden, reason: Labels.text("formNotFromHere", request))
            }
            return request.redirect(to: page)
        }
        return try await next.respond(to: request)
    }

}

/// Compares secrets in time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

extension Request {
    /// The session's CSRF token, created on first use; forms put it in a hidden `csrf` field.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }
            .joined()
        session.data["csrf"] = token
        return token
    }
}
