import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `/reset-password`: a user sets a new password with the one-time code an administrator or planner issued (issue
/// 18). Open like sign-in, throttled like it; a wrong, used or expired code gets one answer that tells nothing more.
struct ResetPasswordPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let open = routes.open()
        open.get("reset-password", use: form)
        open.post("reset-password", use: reset)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var username: String
        var errors: FieldErrors
        var done: Bool
    }

    func render(_ req: Request, username: String = "", errors: FieldErrors = FieldErrors(), done: Bool = false)
        async throws -> Response
    {
        let context = Context(
            page: PageContext(req, title: Labels.text("resetPassword", req)), csrf: req.csrfToken,
            username: username, errors: errors, done: done)
        let response = try await req.view.render("reset-password", context).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await render(req)
    }

    struct Input: Content {
        var username: String?
        var code: String?
        var newPassword: String?
        var repeatPassword: String?
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let input = (try? req.content.decode(Input.self)) ?? Input()
        let username = UserDirectory.normalised(input.username ?? "")
        let code = input.code ?? ""
        var errors = FieldErrors()
        if username.isEmpty {
            errors.add(
                "username", BilingualText(vi: "Tên đăng nhập cần được nhập.", en: "The username is needed."),
                req.language)
        }
        if code.isEmpty {
            errors.add(
                "code",
                BilingualText(vi: "Mã đặt lại mật khẩu cần được nhập.", en: "The reset code is needed."),
                req.language)
        }
        if errors.isEmpty {
            errors = FieldErrors.newPassword(
                input.newPassword ?? "", repeated: input.repeatPassword ?? "", username: username, req)
        }
        guard errors.isEmpty else { return try await render(req, username: username, errors: errors) }
        let throttle = LoginThrottle(db: req.store)
        if try await throttle.wait(account: username, address: req.clientAddress) != nil {
            errors.add("code", PasswordPages.tooManyCodes, req.language)
            return try await render(req, username: username, errors: errors)
        }
        let hash = try await req.password.async.hash(input.newPassword ?? "")
        do {
            try await UserDirectory(db: req.store).redeemResetCode(
                username: username, code: code, hash: hash, requestID: req.requestID)
        } catch let refusal as AccountRefusal {
            try await throttle.recordFailure(account: username, address: req.clientAddress)
            return try await render(req, username: username, errors: .refusal(refusal, req))
        }
        try await throttle.recordSuccess(account: username, address: req.clientAddress)
        return try await render(req, done: true)
    }
}

extension PasswordPages {
    static let tooManyCodes = BilingualText(
        vi: "Mã đặt lại mật khẩu đã nhập sai nhiều lần; hãy thử lại sau 15 phút.",
        en: "The reset code was wrong too many times; try again in 15 minutes.")
}
