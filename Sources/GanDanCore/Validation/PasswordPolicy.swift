import Foundation

/// The rules a new password must meet (issue 21): long enough, not the user name, not a common password,
/// not one character repeated. Applied wherever a password is set (CLI user commands, any web form).
public enum PasswordPolicy {
    /// The shortest password accepted.
    public static let minimumLength = 12

    /// Throws an `InputError` on `field` naming the first rule the password breaks, in Vietnamese then English.
    public static func check(_ password: String, username: String, field: String = "password") throws {
        if let rule = broken(password, username: username) {
            let text = sentence(rule, field: BilingualText(vi: "Mật khẩu", en: "The password"))
            throw InputError.invalid(field: field, vi: text.vi, en: text.en)
        }
    }

    /// A rule a password can break, first to last as they are checked.
    public enum Rule: String, Sendable, CaseIterable {
        case tooShort, oneCharacter, containsUsername, common
    }

    /// The first rule the password breaks, or nil when it is acceptable.
    public static func broken(_ password: String, username: String) -> Rule? {
        if password.count < minimumLength { return .tooShort }
        if Set(password).count == 1 { return .oneCharacter }
        let name = username.lowercased().trimmingCharacters(in: .whitespaces)
        let folded = password.lowercased()
        if !name.isEmpty && folded.contains(name) { return .containsUsername }
        if commonPasswords.contains(folded) { return .common }
        return nil
    }

    /// The message for the first rule broken, or nil when the password is acceptable.
    public static func problem(_ password: String, username: String) -> String? {
        guard let rule = broken(password, username: username) else { return nil }
        let text = sentence(rule, field: BilingualText(vi: "Mật khẩu", en: "The password"))
        return String(text.vi.dropLast()) + " / " + String(text.en.dropLast())
    }

    /// The rule as a sentence naming the field by its label (`field`, capitalised as a sentence's start), in both
    /// languages; a form shows it next to the field in the page's language.
    public static func sentence(_ rule: Rule, field: BilingualText) -> BilingualText {
        switch rule {
        case .tooShort:
            return BilingualText(
                vi: "\(field.vi) phải có ít nhất \(minimumLength) ký tự.",
                en: "\(field.en) must have at least \(minimumLength) characters.")
        case .oneCharacter:
            return BilingualText(
                vi: "\(field.vi) không được chỉ lặp lại một ký tự.",
                en: "\(field.en) may not repeat a single character.")
        case .containsUsername:
            return BilingualText(
                vi: "\(field.vi) không được chứa tên đăng nhập.", en: "\(field.en) may not contain the user name.")
        case .common:
            return BilingualText(
                vi: "\(field.vi) quá phổ biến, dễ đoán; hãy chọn mật khẩu khác.",
                en: "\(field.en) is a common one, easy to guess; choose another.")
        }
    }

    /// Common passwords of 12 characters or more (lower-cased), from public breach lists, plus local ones.
    static let commonPasswords: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789000", "1234567890qwe",
        "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1qaz2wsx3edc", "1q2w3e4r5t6y", "q1w2e3r4t5y6",
        "password1234", "password12345", "password123!", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
        "administrator", "admin1234567", "admin@123456", "adminadmin123", "iloveyou1234", "welcome12345",
        "letmein12345", "abc123456789", "abcdefghijkl", "abcd12345678", "aaaaaa111111", "111111222222",
        "123123123123", "123321123321", "147258369147", "987654321098", "qazwsxedcrfv", "zaq12wsxcde3",
        "asdfghjkl123", "zxcvbnm12345", "trustno11234", "football1234", "baseball1234", "sunshine1234",
        "princess1234", "dragon123456", "monkey123456", "superman1234", "changeme1234", "matkhau12345",
        "matkhau123456", "vietnam12345", "vietnam123456", "anhyeuem1234", "anhyeuem123456", "emyeuanh1234",
        "hanoi1234567", "saigon123456", "gandan123456", "dangvien1234", "dangcongsan1", "dangcongsan123",
        "correcthorsebatterystaple", "0123456789ab", "000000000001", "myp@ssw0rd12",
    ]
}
