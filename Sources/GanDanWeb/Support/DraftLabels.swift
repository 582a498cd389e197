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
        "minutesChanged": BilingualText(
            vi: "Biên bản này đã được lưu ở nơi khác sau khi bạn mở trang",
            en: "These minutes were saved elsewhere after you opened this page"),
        "minutesChangedBy": BilingualText(vi: "người lưu", en: "saved by"),
        "minutesChangedChoose": BilingualText(
            vi:
                "Bản bạn vừa nhập chưa được lưu và vẫn nằm trong biểu mẫu dưới đây. Muốn giữ bản của bạn: ghi lý do sửa rồi bấm Lưu. Muốn dùng bản đang lưu: bỏ bản của bạn.",
            en:
                "What you typed is not saved yet and is still in the form below. To keep yours: give the reason for the correction and press Save. To keep the stored one: leave yours."
        ),
        "storedNow": BilingualText(vi: "Bản đang lưu", en: "Stored now"),
        "yourText": BilingualText(vi: "Bản bạn vừa nhập", en: "What you typed"),
        "takeStored": BilingualText(vi: "Dùng bản đang lưu, bỏ bản của tôi", en: "Keep the stored one, leave mine"),
    ]
}
