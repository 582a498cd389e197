import GanDanCore

/// The words of forms that keep what was typed: drafts, keys sent twice, sessions that ended (issue 20).
enum DraftLabels {
    /// A form sent with a token this server did not give (or long expired).
    static let formNotFromHere = BilingualText(
        vi: "Biểu mẫu đã hết hạn hoặc không được gửi từ GanDan. Xin mở lại trang rồi gửi lại.",
        en: "The form has expired or did not come from GanDan. Please open the page again and send it again.")

    static let all: [String: BilingualText] = [
        "sessionExpired": BilingualText(
            vi:
                "Phiên làm việc đã hết hạn. Xin đăng nhập lại; nội dung đã gõ vẫn được giữ trên máy này và sẽ hiện lại.",
            en:
                "Your session has ended. Please sign in again; what you typed is kept on this device and will come back."
        ),
        "formExpired": BilingualText(
            vi: "Trang đã mở quá lâu. Xin đăng nhập lại.", en: "The page was open too long. Please sign in again."),
        "formNotFromHere": formNotFromHere,
        "formBeingSaved": BilingualText(
            vi: "Biểu mẫu này đang được lưu. Xin đợi một lát rồi mở lại trang.",
            en: "This form is being saved. Please wait a moment, then open the page again."),
    ]
}
