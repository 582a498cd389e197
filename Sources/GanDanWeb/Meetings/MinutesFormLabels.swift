import GanDanCore

/// The words of the minutes form in sections (issue 20 item 5), in both languages.
enum MinutesFormLabels {
    static let all: [String: BilingualText] = [
        "sectionIndex": BilingualText(vi: "Các phần của biên bản", en: "Parts of the minutes"),
        "sectionAttendance": BilingualText(vi: "Điểm danh, chủ trì, nội dung", en: "Attendance, chair, agenda"),
        "sectionReview": BilingualText(vi: "Kiểm điểm nhiệm vụ tháng trước", en: "Review of last month's tasks"),
        "sectionPolicy": BilingualText(vi: "Thông tin, chủ trương cấp trên", en: "Policy relayed"),
        "sectionEvaluation": BilingualText(vi: "Đánh giá tháng này", en: "Evaluation of the month"),
        "sectionTasks": BilingualText(vi: "Giao nhiệm vụ tháng tới", en: "New tasks"),
        "sectionVote": BilingualText(vi: "Biểu quyết và kết luận", en: "Vote and conclusion"),
        "saveHint": BilingualText(
            vi: "Nút Lưu ở phần nào cũng lưu cả biên bản. Chưa ghi kết luận thì chỉ lưu bản nháp, chưa tính là biên "
                + "bản; ghi kết luận rồi bấm Lưu là ghi biên bản.",
            en: "Save in any part saves the whole form. Without a conclusion it is kept as an unfinished draft, not "
                + "minutes yet; with the conclusion written, Save records the minutes."),
        "savedAt": BilingualText(vi: "Đã lưu lúc", en: "Saved at"),
        "draftSavedAt": BilingualText(vi: "Bản nháp chưa xong, lưu lúc", en: "Unfinished draft, saved at"),
        "draftSavedBy": BilingualText(vi: "bởi", en: "by"),
        "continueMinutes": BilingualText(vi: "Viết tiếp biên bản", en: "Go on with the minutes"),
        "draftNotMinutes": BilingualText(
            vi: "Bản nháp chưa phải biên bản: ghi kết luận rồi bấm Lưu để ghi biên bản.",
            en: "A draft is not minutes yet: write the conclusion, then Save to record the minutes."),
        "agendaFromLastMonth": BilingualText(
            vi: "Lấy từ biên bản họp ngày", en: "Taken from the minutes of the meeting on"),
        "agendaFromLastMonthEdit": BilingualText(vi: "sửa lại nếu cần.", en: "change it as needed."),
        "votesFromAttendance": BilingualText(
            vi: "Gợi ý theo số đảng viên có quyền biểu quyết có mặt; sửa lại nếu khác.",
            en: "Suggested from the members with a vote who are present; change it if it differs."),
        "criterionPicked": BilingualText(vi: "Tiêu chí nông thôn mới", en: "New-rural criterion"),
    ]
}
