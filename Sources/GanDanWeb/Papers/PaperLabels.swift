import GanDanCore

/// The words around the papers (links and buttons) in both languages; the papers themselves are Vietnamese only.
enum PaperLabels {
    static let all: [String: BilingualText] = [
        "papers": BilingualText(vi: "Giấy tờ để in, ký", en: "Papers to print and sign"),
        "paperNotice": BilingualText(vi: "Thông báo họp", en: "Meeting notice"),
        "paperMinutes": BilingualText(vi: "Biên bản và danh sách ký", en: "Minutes and attendance sheet"),
        "paperResolution": BilingualText(vi: "Nghị quyết tháng", en: "The month's resolution"),
        "paperDecision": BilingualText(vi: "Quyết định phân bổ đảng viên", en: "Placement decision"),
        "paperLetters": BilingualText(vi: "Giấy giới thiệu sinh hoạt đảng", en: "Transfer letters"),
        "downloadDocx": BilingualText(vi: "Tải bản Word (.docx) để sửa", en: "Download as Word (.docx) to adjust"),
        "paperOnlyVietnamese": BilingualText(
            vi: "Giấy tờ chính thức chỉ in bằng tiếng Việt.", en: "Official papers are printed in Vietnamese only."),
    ]
}
