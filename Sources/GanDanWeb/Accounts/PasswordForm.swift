import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// What the password forms share: per-field messages in the page's language, each a sentence naming the field by its
/// label, shown next to the field (issue 18).
struct FieldErrors: Encodable, Sendable {
    var messages: [String: String] = [:]

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ field: String, _ text: BilingualText, _ language: Language) {
        if messages[field] == nil { messages[field] = text.text(in: language) }
    }

    func encode(to encoder: any Encoder) throws {
        try messages.encode(to: encoder)
    }

    /// Checks a new password and its repetition: the policy (named by the new password's label) and the match.
    static func newPassword(
        _ password: String, repeated: String, username: String, _ req: Request
    ) -> FieldErrors {
        var errors = FieldErrors()
        let label = AccountLabels.all["newPassword"] ?? BilingualText(vi: "Mật khẩu mới", en: "New password")
        if password.isEmpty {
            errors.add(
                "newPassword", BilingualText(vi: "Mật khẩu mới cần được nhập.", en: "The new password is needed."),
                req.language)
        } else if let rule = PasswordPolicy.broken(password, username: username) {
            errors.add(
                "newPassword",
                PasswordPolicy.sentence(rule, field: BilingualText(vi: label.vi, en: "The " + label.en.lowercased())),
                req.language)
        } else if repeated != password {
            errors.add(
                "repeatPassword",
                BilingualText(
                    vi: "Nhập lại mật khẩu mới chưa khớp với mật khẩu mới.",
                    en: "The new password again does not match the new password."), req.language)
        }
        return errors
    }

    /// The message of a refused account change, on its field.
    static func refusal(_ refusal: AccountRefusal, _ req: Request) -> FieldErrors {
        var errors = FieldErrors()
        errors.add(refusal.field, refusal.sentence, req.language)
        return errors
    }
}
