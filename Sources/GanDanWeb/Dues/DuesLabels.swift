import GanDanCore

/// The words of the party dues pages, in both languages.
enum DuesLabels {
    static let all: [String: BilingualText] = [
        "dues": BilingualText(vi: "Đảng phí", en: "Party dues"),
        "duesRegister": BilingualText(vi: "Sổ thu đảng phí", en: "Dues register"),
        "duesCommune": BilingualText(vi: "Đảng phí các chi bộ nộp lên", en: "Dues passed up by the cells"),
        "duesMember": BilingualText(vi: "Đảng viên", en: "Member"),
        "duesBand": BilingualText(vi: "Đối tượng", en: "Band"),
        "duesBandSalaried": BilingualText(vi: "Hưởng lương", en: "Salaried"),
        "duesBandPensioner": BilingualText(vi: "Hưởng lương hưu", en: "Pensioner"),
        "duesBandOther": BilingualText(vi: "Đảng viên khác (nông dân...)", en: "Other (farmers...)"),
        "duesIncome": BilingualText(vi: "Lương / lương hưu (đồng/tháng)", en: "Salary / pension (đồng a month)"),
        "duesAmount": BilingualText(vi: "Số phải nộp (đồng)", en: "Due (đồng)"),
        "duesPaid": BilingualText(vi: "Đã nộp", en: "Paid"),
        "duesUnpaid": BilingualText(vi: "Chưa nộp", en: "Not paid"),
        "duesMarkPaid": BilingualText(vi: "Đã nộp", en: "Mark paid"),
        "duesUndo": BilingualText(vi: "Bỏ đánh dấu", en: "Undo"),
        "duesPaidOn": BilingualText(vi: "Ngày thu", en: "Collected on"),
        "duesCollectedBy": BilingualText(vi: "Người thu", en: "Collected by"),
        "duesSaveBands": BilingualText(vi: "Lưu đối tượng và mức lương", en: "Save bands and incomes"),
        "duesCollected": BilingualText(vi: "Đã thu", en: "Collected"),
        "duesMembersPaid": BilingualText(vi: "Số đảng viên đã nộp", en: "Members paid"),
        "duesMembersRecorded": BilingualText(vi: "Số đảng viên trong sổ", en: "Members in the register"),
        "duesPassUp": BilingualText(vi: "Nộp lên Đảng ủy xã", en: "Pass up to the commune"),
        "duesPassedOn": BilingualText(vi: "Ngày nộp lên", en: "Passed up on"),
        "duesPassedBy": BilingualText(vi: "Người nộp lên", en: "Passed up by"),
        "duesPassedTotal": BilingualText(vi: "Số tiền nộp lên (đồng)", en: "Amount passed up (đồng)"),
        "duesNotPassed": BilingualText(vi: "Chưa nộp lên", en: "Not passed up"),
        "duesRatesInForce": BilingualText(vi: "Mức đóng áp dụng", en: "Rates in force"),
        "duesRateSalaried": BilingualText(vi: "lương", en: "of salary"),
        "duesRatePension": BilingualText(vi: "lương hưu", en: "of pension"),
        "duesRateOther": BilingualText(vi: "đồng/tháng", en: "đồng a month"),
        "duesFlags": BilingualText(
            vi: "Đảng viên 3 tháng liền không nộp đảng phí (đề nghị xóa tên)",
            en: "Members who have not paid dues for 3 months running (removal proposal)"),
        "duesNoFlags": BilingualText(vi: "Không có đảng viên nào.", en: "No member."),
        "duesFlagShort": BilingualText(vi: "3 tháng chưa nộp đảng phí", en: "3 months of dues unpaid"),
        "duesNoIncome": BilingualText(vi: "chưa ghi lương", en: "salary not written"),
        "duesSaved": BilingualText(vi: "Đã lưu.", en: "Saved."),
        "duesTotal": BilingualText(vi: "Cộng", en: "Total"),
        "duesPreviousMonth": BilingualText(vi: "Tháng trước", en: "Previous month"),
        "duesNextMonth": BilingualText(vi: "Tháng sau", en: "Next month"),
    ]

    static func word(_ band: DuesBand) -> String {
        switch band {
        case .salaried: return "duesBandSalaried"
        case .pensioner: return "duesBandPensioner"
        case .other: return "duesBandOther"
        }
    }

    /// Đồng with dots between thousands, as Vietnamese papers write them: 1.250.000.
    static func money(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (amount < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// A percent as people write it: 1 %, 0,5 % in Vietnamese, 0.5 % in English.
    static func percent(_ value: Double, _ language: Language) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return (language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
    }
}
