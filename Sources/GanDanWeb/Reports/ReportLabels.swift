import GanDanCore

/// The words of the report pages, in both languages.
enum ReportLabels {
    static let all: [String: BilingualText] = [
        "impact": BilingualText(vi: "Hiệu quả sau bố trí", en: "Impact of the placement"),
        "impactBefore": BilingualText(vi: "Trước bố trí", en: "Before"),
        "impactAfter": BilingualText(vi: "Sau bố trí", en: "After"),
        "impactPlacement": BilingualText(vi: "Ngày bố trí", en: "Placement date"),
        "impactMonths": BilingualText(vi: "Số tháng mỗi bên", en: "Months each side"),
        "impactMeetings": BilingualText(vi: "Số buổi sinh hoạt", en: "Meetings held"),
        "impactOnTime": BilingualText(vi: "Họp đúng giờ", en: "Started on time"),
        "impactNotice": BilingualText(vi: "Thông báo đúng hạn", en: "Notice in time"),
        "impactDuration": BilingualText(vi: "Thời lượng bình quân", en: "Mean duration"),
        "impactAttendance": BilingualText(vi: "Tỷ lệ dự họp", en: "Attendance"),
        "impactTopics": BilingualText(vi: "Nội dung mỗi buổi", en: "Topics per meeting"),
        "impactQuality": BilingualText(vi: "Điểm chất lượng", en: "Quality score"),
        "impactTasks": BilingualText(vi: "Nhiệm vụ hoàn thành", en: "Tasks done"),
        "impactFeedback": BilingualText(vi: "Ý kiến đã được trả lời", en: "Feedback answered"),
        "impactPoor": BilingualText(vi: "Hộ nghèo (rà soát cuối năm)", en: "Poor households (year-end review)"),
        "impactCriteria": BilingualText(
            vi: "Tiêu chí NTM đạt (rà soát cuối năm)", en: "Criteria met (year-end review)"),
        "impactAdmitted": BilingualText(vi: "Kết nạp đảng viên", en: "Members admitted"),
        "impactReading": BilingualText(vi: "Nhận định", en: "Reading"),
        "impactImproved": BilingualText(vi: "Chi bộ có chuyển biến rõ", en: "Cells that improved"),
        "impactUnchanged": BilingualText(vi: "Chi bộ chưa chuyển biến", en: "Cells with little change"),
        "impactDeclined": BilingualText(vi: "Chi bộ giảm chất lượng", en: "Cells that declined"),
        "impactSummary": BilingualText(
            vi: "chi bộ có so sánh được; ngưỡng chuyển biến ±", en: "cells compared; threshold ±"),
        "impactByCell": BilingualText(
            vi: "Thay đổi điểm chất lượng sinh hoạt theo chi bộ", en: "Change in meeting quality by cell"),
        "impactNoData": BilingualText(vi: "chi bộ không đủ số liệu", en: "cells without data on one side"),
        "impactByLeader": BilingualText(
            vi: "So sánh chi bộ có và không có đồng chí lãnh đạo chủ chốt về sinh hoạt",
            en: "Cells that received a key leader and cells that did not"),
        "impactWithLeader": BilingualText(
            vi: "Chi bộ có lãnh đạo chủ chốt về sinh hoạt", en: "Cells that received a key leader"),
        "impactWithoutLeader": BilingualText(
            vi: "Chi bộ không có lãnh đạo chủ chốt về", en: "Cells that received no key leader"),
        "impactCells": BilingualText(vi: "Số chi bộ", en: "Cells"),
        "impactReview": BilingualText(
            vi: "Hộ nghèo và tiêu chí theo kết quả rà soát cuối năm trong từng kỳ",
            en: "Poor households and criteria from the year-end review inside each period"),
        "impactNoReview": BilingualText(
            vi: "không có rà soát cuối năm trong kỳ", en: "no year-end review in the period"),
    ]
}
