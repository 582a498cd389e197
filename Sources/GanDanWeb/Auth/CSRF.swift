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
        guard let expected, let given, CSRFMask.matches(given, session: expected) else {
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
                throw SaidAbort(status: .forbidden, text: DraftLabels.formNotFromHere)
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
    /// The session's CSRF token, created on first use, masked afresh for this page; forms put it in a hidden `csrf`
    /// field. Pages are gzip-compressed, so a secret repeated byte for byte on every page could be guessed from the
    /// compressed sizes (BREACH); a masked token differs on every page.
    var csrfToken: String {
        if let token = session.data["csrf"] { return CSRFMask.mask(token) }
        let token = CSRFMask.hex(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        session.data["csrf"] = token
        return CSRFMask.mask(token)
    }
}

/// A CSRF token sent as a random pad and the token XOR the pad, both hex; the session keeps the plain token.
enum CSRFMask {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            result.append(byte)
        }
        return result
    }

    /// The token masked with a fresh pad: `pad ‖ token ⊕ pad`.
    static func mask(_ token: String) -> String {
        guard let plain = bytes(token) else { return token }
        let pad = SymmetricKey(size: SymmetricKeySize(bitCount: plain.count * 8)).withUnsafeBytes { Array($0) }
        return hex(pad) + hex(zip(plain, pad).map { $0 ^ $1 })
    }

    /// Whether `given` is the session's token, masked or plain (a header set by a script may send it plain).
    static func matches(_ given: String, session token: String) -> Bool {
        if given.utf8.count == token.utf8.count { return constantTimeEqual(given, token) }
        guard given.utf8.count == token.utf8.count * 2, let both = bytes(given) else { return false }
        let half = both.count / 2
        let unmasked = zip(both[half...], both[..<half]).map { $0 ^ $1 }
        return constantTimeEqual(hex(unmasked), token)
    }
}
