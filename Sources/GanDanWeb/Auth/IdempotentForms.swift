import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A form that carries an idempotency key (hidden field `idem`, made when the form was shown) is saved once per user
/// and key (issue 20): the send that claims the key runs the write; a send of the same key afterwards (Save pressed
/// again after the line dropped, a draft restored after sign-in) is sent where the first save led, and one arriving
/// while the first is being saved waits for it. A save that wrote nothing (bad input, an error) gives the key back.
///
/// The key is stored with the form's address, so two forms of one page never answer for each other. A finished save
/// also names its key in the `gandan_saved` cookie, which the page's draft script reads to drop the draft it kept.
struct IdempotentForms: AsyncMiddleware {
    static let field = "idem"
    static let savedCookie = "gandan_saved"
    /// How long a second send waits for the first to finish before it is told to try later.
    static let wait: Duration = .seconds(20)
    /// How long a used key is kept (pruned at the user's next sign-in).
    static let keptFor: TimeInterval = 30 * 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, request.headers.contentType == .urlEncodedForm,
            let user = request.auth.get(CurrentUser.self)
        else { return try await next.respond(to: request) }
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        guard let given = try? request.content.get(String.self, at: Self.field), Self.isWellFormed(given) else {
            return try await next.respond(to: request)
        }
        let key = "\(request.url.path) \(given)"
        let forms = FormSubmissions(db: request.store)
        let userID = user.account.id
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.wait)
        while true {
            switch try await forms.claim(user: userID, key: key) {
            case .done(let location):
                let response = request.redirect(to: location)
                Self.markSaved(response, key: given, request: request)
                return Self.answer(response, request)
            case .inProgress:
                guard clock.now < deadline else {
                    throw Abort(.conflict, reason: Labels.text("formBeingSaved", request))
                }
                try await Task.sleep(for: .milliseconds(150))
            case .claimed(let token):
                return try await save(request, next, forms: forms, user: userID, key: key, given: given, token: token)
            }
        }
    }

    /// Runs the write under the claim; a redirect is the save's result, anything else gives the key back.
    private func save(
        _ request: Request, _ next: any AsyncResponder, forms: FormSubmissions, user: UUID, key: String, given: String,
        token: String
    ) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try? await forms.release(user: user, key: key, token: token)
            throw error
        }
        if (300..<400).contains(response.status.code), let location = response.headers.first(name: .location) {
            try await forms.complete(user: user, key: key, token: token, location: location)
            Self.markSaved(response, key: given, request: request)
        } else {
            try await forms.release(user: user, key: key, token: token)
        }
        return Self.answer(response, request)
    }

    /// A form sent in the background by the draft script (`X-GanDan-Send: background`) is told where its save led in
    /// `X-GanDan-Location`, with no body, instead of a redirect its `fetch` would follow: the page is then loaded once,
    /// not twice, on a slow line.
    static func answer(_ response: Response, _ request: Request) -> Response {
        guard request.headers.first(name: "X-GanDan-Send") == "background",
            (300..<400).contains(response.status.code), let location = response.headers.first(name: .location)
        else { return response }
        response.status = .noContent
        response.headers.remove(name: .location)
        response.headers.replaceOrAdd(name: "X-GanDan-Location", value: location)
        return response
    }

    /// 8 to 64 letters, digits and dashes (a UUID as the pages make it).
    static func isWellFormed(_ key: String) -> Bool {
        (8...64).contains(key.utf8.count)
            && key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" }
    }

    /// Names the saved key in a cookie the draft script reads (the last few keys, so several tabs do not race).
    static func markSaved(_ response: Response, key: String, request: Request) {
        let earlier = (request.cookies[savedCookie]?.string ?? "").split(separator: ".").map(String.init)
            .filter { isWellFormed($0) && $0 != key }
        let value = (earlier.suffix(3) + [key]).joined(separator: ".")
        response.cookies[savedCookie] = HTTPCookies.Value(
            string: value, maxAge: 7 * 24 * 3600, path: "/", isSecure: request.application.settings.secureCookies,
            isHTTPOnly: false, sameSite: .lax)
    }
}

extension Request {
    /// The page a form was sent from: the path of its `Referer` (pages send it only to this site), nil when there is
    /// none or it is not a plain path here. Only the path is kept, so it never leads to another host, even behind a
    /// proxy that changes `Host`.
    var formPage: String? {
        guard let referer = headers.first(name: .referer), let url = URLComponents(string: referer) else {
            return nil
        }
        var path = url.percentEncodedPath
        if let query = url.percentEncodedQuery { path += "?" + query }
        let safe = LoginPages.safeNext(path)
        return safe == "/" && path != "/" ? nil : safe
    }
}
