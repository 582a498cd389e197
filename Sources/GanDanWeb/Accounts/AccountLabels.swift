import GanDanCore

/// The words of the password and account administration pages (issue 18).
enum AccountLabels {
    static let all: [String: BilingualText] = [
        "changePassword": BilingualText(vi: "Đổi mật khẩu", en: "Change password"),
        "currentPassword": BilingualText(vi: "Mật khẩu hiện tại", en: "Current password"),
        "newPassword": BilingualText(vi: "Mật khẩu mới", en: "New password"),
        "repeatPassword": BilingualText(vi: "Nhập lại mật khẩu mới", en: "New password again"),
        "passwordHint": BilingualText(
            vi: "Ít nhất 12 ký tự; không chứa tên đăng nhập; không dùng mật khẩu phổ biến.",
            en: "At least 12 characters; not containing the user name; not a common password."),
        "passwordChanged": BilingualText(
            vi: "Đã đổi mật khẩu. Các phiên đăng nhập khác và các mã truy cập API của bạn đã chấm dứt.",
            en: "Your password was changed. Your other sessions and your API tokens have ended."),
        "manageUsers": BilingualText(vi: "Quản lý tài khoản", en: "Manage accounts"),
        "users": BilingualText(vi: "Tài khoản người dùng", en: "User accounts"),
        "addUser": BilingualText(vi: "Thêm người dùng", en: "Add a user"),
        "displayName": BilingualText(vi: "Họ tên hiển thị", en: "Display name"),
        "role": BilingualText(vi: "Vai trò", en: "Role"),
        "place": BilingualText(vi: "Mã đơn vị hoặc chi bộ", en: "Unit or cell code"),
        "placeHint": BilingualText(
            vi: "Ví dụ 072 (huyện), 02284 (xã); bí thư: mã chi bộ, ví dụ CB-02284.11. Quản trị: để trống.",
            en:
                "E.g. 072 (district), 02284 (commune); a secretary: the cell code, e.g. CB-02284.11. Administrator: leave empty."
        ),
        "grantRole": BilingualText(vi: "Cấp vai trò", en: "Grant a role"),
        "active": BilingualText(vi: "Đang hoạt động", en: "Active"),
        "disabled": BilingualText(vi: "Đã khóa", en: "Disabled"),
        "disableAccount": BilingualText(vi: "Khóa tài khoản", en: "Disable the account"),
        "enableAccount": BilingualText(vi: "Mở khóa tài khoản", en: "Enable the account"),
        "issueResetCode": BilingualText(vi: "Cấp mã đặt lại mật khẩu", en: "Issue a password reset code"),
        "emailDigest": BilingualText(vi: "Thư nhắc việc hằng ngày", en: "Daily to-do e-mail"),
        "email": BilingualText(vi: "Thư điện tử", en: "E-mail address"),
        "emailHint": BilingualText(
            vi: "Mỗi sáng, nếu có việc cần làm, GanDan gửi danh sách việc đến địa chỉ này. Để trống: không gửi.",
            en: "Each morning with something to do, GanDan mails the to-do list here. Leave it empty to send nothing."),
        "saveEmail": BilingualText(vi: "Lưu địa chỉ thư", en: "Save the address"),
        "resetCodeOnce": BilingualText(
            vi: "Mã đặt lại mật khẩu chỉ hiện một lần này. Hãy trao tận tay người dùng; họ đặt mật khẩu mới ở trang "
                + "\"Đặt lại mật khẩu\" trước",
            en: "The reset code is shown this once. Hand it to the user; they set a new password on the "
                + "\"Reset password\" page before"),
        "resetPassword": BilingualText(vi: "Đặt lại mật khẩu", en: "Reset password"),
        "resetCode": BilingualText(vi: "Mã đặt lại mật khẩu", en: "Reset code"),
        "resetDone": BilingualText(
            vi: "Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu mới.",
            en: "Your new password is set. Sign in with it."),
        "noRoles": BilingualText(vi: "Chưa có vai trò nào.", en: "No roles yet."),
        "noUsers": BilingualText(vi: "Chưa có tài khoản nào bạn quản lý.", en: "No accounts you manage yet."),
        "haveResetCode": BilingualText(vi: "Có mã đặt lại mật khẩu?", en: "Have a reset code?"),
    ]
}
