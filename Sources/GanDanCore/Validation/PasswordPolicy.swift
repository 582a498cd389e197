import Foundation

/// The rules a new password must meet (issue 21): long enough, not the user name, not a common password,
/// not one character repeated. Applied wherever a password is set (CLI user commands, any web form).
public enum PasswordPolicy {
    /// The shortest password accepted.
    public static let minimumLength = 12

    /// Throws an `InputError` on `field` naming the first rule the password breaks, in Vietnamese then English.
    public static func check(_ password: String, username: String, field: String = "password") throws {
        if let message = problem(password, username: username) {
            throw InputError.invalid(field: field, message)
        }
    }

    /// The message for the first rule broken, or nil when the password is acceptable.
    public static func problem(_ password: String, username: String) -> String? {
        let folded = password.lowercased()
        if password.count < minimumLength {
            return "Mật khẩu phải có ít nhất \(minimumLength) ký tự / "
                + "The password must have at least \(minimumLength) characters"
        }
        if Set(password).count == 1 {
            return "Mật khẩu không được chỉ lặp lại một ký tự / The password may not repeat a single character"
        }
        let name = username.lowercased().trimmingCharacters(in: .whitespaces)
        if !name.isEmpty && folded.contains(name) {
            return "Mật khẩu không được chứa tên đăng nhập / The password may not contain the user name"
        }
        if commonPasswords.contains(folded) {
            return "Mật khẩu quá phổ biến, dễ đoán / The password is a common one, easy to guess"
        }
        return nil
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
