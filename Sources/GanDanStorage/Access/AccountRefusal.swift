import Foundation
import GanDanCore

/// Why an account change was refused, naming the form field at fault; nothing was written (issue 18).
///
/// Pages show `sentence` in their language next to the field; the CLI prints the English one.
public struct AccountRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The form field at fault: `username`, `displayName`, `role`, `place`, `code`, `account`.
    public var field: String
    public var sentence: BilingualText

    public init(field: String, vi: String, en: String) {
        self.field = field
        self.sentence = BilingualText(vi: vi, en: en)
    }

    public var description: String { "\(field): \(sentence.en)" }

    public static let usernameShape = AccountRefusal(
        field: "username", vi: "Tên đăng nhập phải có từ 1 đến 64 chữ cái, chữ số hoặc các dấu . - _ @.",
        en: "The user name must have 1 to 64 letters, digits or the signs . - _ @.")
    public static let usernameTaken = AccountRefusal(
        field: "username", vi: "Tên đăng nhập này đã có người dùng; hãy chọn tên khác.",
        en: "This user name is already taken; choose another.")
    public static let displayNameShape = AccountRefusal(
        field: "displayName", vi: "Họ tên hiển thị không được quá 100 ký tự.",
        en: "The display name may not be longer than 100 characters.")
    public static let placeUnknown = AccountRefusal(
        field: "place", vi: "Mã đơn vị hoặc chi bộ không có trong phạm vi bạn quản lý.",
        en: "The unit or cell code is not one within the part of the tree you manage.")
    public static let placeNeeded = AccountRefusal(
        field: "place", vi: "Mã đơn vị hoặc chi bộ cần cho vai trò này; bí thư cần mã chi bộ.",
        en: "The unit or cell code is needed for this role; a secretary needs a cell code.")
    public static let roleAboveOwn = AccountRefusal(
        field: "role", vi: "Vai trò quản trị và vai trò kiểm tra chỉ quản trị viên mới cấp hoặc thu hồi được.",
        en: "The administrator and auditor roles can only be granted or revoked by an administrator.")
    public static let roleHeld = AccountRefusal(
        field: "role", vi: "Vai trò này người dùng đã có ở nơi đó.", en: "The role is already held there.")
    public static let roleNotHeld = AccountRefusal(
        field: "role", vi: "Vai trò này người dùng không có ở nơi đó.", en: "The role is not held there.")
    public static let lastAdministrator = AccountRefusal(
        field: "account",
        vi: "Tài khoản là quản trị viên cuối cùng đang hoạt động; hãy cấp quyền quản trị cho người khác trước.",
        en: "The account is the last active administrator; grant the administrator role to someone else first.")
    public static let ownAccount = AccountRefusal(
        field: "account", vi: "Tài khoản của chính bạn không khóa được ở đây.",
        en: "The account is your own; you cannot disable it here.")
    public static let codeInvalid = AccountRefusal(
        field: "code", vi: "Mã đặt lại mật khẩu không đúng, đã dùng hoặc đã hết hạn; hãy xin mã mới.",
        en: "The reset code is wrong, already used or expired; ask for a new one.")
}
