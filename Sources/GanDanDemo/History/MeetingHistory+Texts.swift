import GanDanCore

/// The Vietnamese phrases the generated minutes, tasks and reviews are written with (rules.md A6, A7, R10).
enum HistoryTexts {
    /// Tasks as weak minutes write them: nothing to check, nobody helped by name.
    static let vagueTasks = [
        "Tiếp tục thực hiện các nhiệm vụ được giao",
        "Tuyên truyền nhân dân thực hiện tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước",
        "Vận động nhân dân giữ gìn vệ sinh",
        "Nắm tình hình trong thôn, báo cáo chi bộ",
        "Đôn đốc nhân dân tập trung sản xuất",
    ]

    /// What a member does for a poor household.
    static let supports = [
        "hướng dẫn kỹ thuật chăn nuôi lợn, gà",
        "hỗ trợ làm hồ sơ vay vốn Ngân hàng Chính sách xã hội",
        "giúp giống ngô, lúa lai cho vụ tới",
        "hướng dẫn trồng cỏ nuôi trâu, bò",
        "giúp ngày công sửa chữa nhà ở",
        "giới thiệu con em đi học nghề, làm việc tại khu công nghiệp",
    ]

    /// Environment actions; the criterion's number and name are added (rules.md R24).
    static let environmentActions: [@Sendable (Int) -> String] = [
        { "Vận động \($0) hộ làm nhà tiêu hợp vệ sinh" },
        { "Vận động \($0) hộ di dời chuồng trại gia súc ra xa nhà ở" },
        { "Tổ chức thu gom rác thải, phát quang đường làng ngõ xóm cùng \($0) hộ" },
        { "Hướng dẫn \($0) hộ đào hố xử lý rác thải, bao gói thuốc bảo vệ thực vật" },
    ]

    /// Other criteria of the 19-criteria sets and what a member does for them.
    static let otherCriterionActions = [
        (2, "Vận động hộ dân hiến đất, góp ngày công làm đường bê tông nội thôn"),
        (9, "Rà soát nhà tạm, nhà dột nát, đề nghị hỗ trợ làm nhà"),
        (16, "Vận động các hộ thực hiện nếp sống văn minh trong việc cưới, việc tang"),
    ]

    /// Concrete tasks of kind `.other`: Party development first (rules.md A6).
    static let otherTasks = [
        "Rà soát, giới thiệu đoàn viên thanh niên ưu tú để chi bộ bồi dưỡng, tạo nguồn kết nạp Đảng",
        "Giúp quần chúng ưu tú hoàn thiện hồ sơ đề nghị kết nạp Đảng",
        "Nắm tình hình an ninh trật tự, tranh chấp đất đai trong thôn, báo cáo chi bộ",
        "Vận động các hộ tiêm phòng vắc xin cho đàn trâu, bò, lợn",
        "Tuyên truyền phòng cháy chữa cháy rừng mùa khô tới từng hộ",
        "Đôn đốc đảng viên nộp đảng phí đầy đủ, đúng hạn",
    ]

    /// Why a task was not done.
    static let notDoneReasons = [
        "đảng viên đi làm ăn xa", "mưa lũ, đường đi lại khó khăn", "đang vào vụ thu hoạch",
        "chưa bố trí được thời gian", "hộ dân chưa đồng thuận",
    ]

    /// Policies relayed by a cell that has no leader's agenda, for a year.
    static let generalPolicies: [@Sendable (Int) -> String] = [
        { _ in "Triển khai các văn bản của cấp ủy cấp trên" },
        { _ in "Thông báo tình hình thời sự trong nước và địa phương" },
        { "Nghị quyết của Đảng ủy xã về nhiệm vụ phát triển kinh tế - xã hội năm \($0)" },
    ]

    /// Policies a placed leader relays, for a year (rules.md A6).
    static let concretePolicies: [@Sendable (Int) -> String] = [
        { "Kế hoạch của UBND xã về thực hiện tiêu chí môi trường trong xây dựng nông thôn mới năm \($0)" },
        { "Chính sách hỗ trợ hộ nghèo của huyện năm \($0): vay vốn ưu đãi, hỗ trợ giống cây trồng, vật nuôi" },
        { "Chỉ tiêu phát triển đảng viên năm \($0) của Đảng ủy xã" },
    ]

    /// Hectares to one decimal with a decimal comma, as Vietnamese writes them ("4,5").
    static func hectares(_ value: Double) -> String {
        let tenths = Int((max(value, 0) * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }

    /// `MM/YYYY`, as `YearMonth.vietnamese` writes it, without Foundation's slow formatting.
    static func month(_ month: YearMonth) -> String {
        (month.month < 10 ? "0" : "") + "\(month.month)/\(month.year)"
    }

    /// `YYYY-MM`, as `YearMonth.iso` writes it, for task keys.
    static func iso(_ month: YearMonth) -> String {
        "\(month.year)-" + (month.month < 10 ? "0" : "") + "\(month.month)"
    }

    /// Names joined with commas and "và" before the last.
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " và " + last
    }
}
