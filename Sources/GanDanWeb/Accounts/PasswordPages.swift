import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The user's own password (`/account/password`): the current one is required and the new one must meet
/// `PasswordPolicy`. A change ends the user's other sessions and their API tokens; the session it was made in goes on
/// (issue 18).
struct PasswordPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let own = pages.requiring(.read)
        own.get("account", "password", use: form)
        own.post("account", "password", use: change)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var errors: FieldErrors
        var done: Bool
    }

    func render(_ req: Request, errors: FieldErrors = FieldErrors(), done: Bool = false) async throws -> Response {
        let context = Context(
            page: PageContext(req, title: Labels.text("changePassword", req)), csrf: req.csrfToken, errors: errors,
            done: done)
        let response = try await req.view.render("account-password", context).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await render(req)
    }

    struct Change: Content {
        var currentPassword: String?
        var newPassword: String?
        var repeatPassword: String?
    }

    @Sendable func change(req: Request) async throws -> Response {
        let input = (try? req.content.decode(Change.self)) ?? Change()
        let account = try await req.account()
        let current = input.currentPassword ?? ""
        let throttle = LoginThrottle(db: req.store)
        if try await throttle.wait(account: account.username, address: req.clientAddress) != nil {
            var errors = FieldErrors()
            errors.add("currentPassword", Self.tooManyTries, req.language)
            return try await render(req, errors: errors)
        }
        let stored = try await UserDirectory(db: req.store).credentials(username: account.username)?.passwordHash
        var matches = false
        if !current.isEmpty, let stored {
            matches = (try? await req.password.async.verify(current, created: stored)) ?? false
        }
        guard matches else {
            if !current.isEmpty {
                try await throttle.recordFailure(account: account.username, address: req.clientAddress)
            }
            var errors = FieldErrors()
            errors.add(
                "currentPassword",
                current.isEmpty
                    ? BilingualText(vi: "Mật khẩu hiện tại cần được nhập.", en: "The current password is needed.")
                    : BilingualText(
                        vi: "Mật khẩu hiện tại không đúng.", en: "The current password is not correct."), req.language)
            return try await render(req, errors: errors)
        }
        let new = input.newPassword ?? ""
        let errors = FieldErrors.newPassword(
            new, repeated: input.repeatPassword ?? "", username: account.username, req)
        guard errors.isEmpty else { return try await render(req, errors: errors) }
        let hash = try await req.password.async.hash(new)
        try await UserDirectory(db: req.store).changeOwnPassword(
            account.id, hash: hash, keepingSession: req.hasSession ? req.session.id?.string : nil,
            actor: try await req.actor())
        return try await render(req, done: true)
    }

    static let tooManyTries = BilingualText(
        vi: "Mật khẩu hiện tại đã nhập sai nhiều lần; hãy thử lại sau 15 phút.",
        en: "The current password was wrong too many times; try again in 15 minutes.")
}
