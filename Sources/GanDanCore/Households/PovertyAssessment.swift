/// What a household survey finds: income per person per month and the deprivation indicators lacked (rules.md R25).
public struct PovertyAssessment: Hashable, Sendable, Codable {
    /// Average income, VND per person per month.
    public var income: Int
    /// How many of the standard's deprivation indicators the household lacks.
    public var deprivations: Int
    public var area: PovertyArea

    public init(income: Int, deprivations: Int, area: PovertyArea = .rural) {
        self.income = income
        self.deprivations = deprivations
        self.area = area
    }
}

extension PovertyStandard {
    /// Poor, near-poor or not poor by this standard's income lines and deprivation rule (rules.md R25).
    ///
    /// 2016–2020, rural: poor at or below 700,000 whatever the deprivations; above 700,000 up to 1,000,000, poor
    /// with 3 or more deprivations and near-poor with fewer; above 1,000,000 not poor. From 2022 there is no
    /// income-only line: at or below the line, 3 or more deprivations is poor and fewer near-poor.
    /// "Escaped" is a change between years, never the result of one assessment.
    public func classify(_ assessment: PovertyAssessment) -> HouseholdPovertyStatus {
        let lines = lines(assessment.area)
        if let line = lines.poorOnIncome, assessment.income <= line { return .poor }
        guard assessment.income <= lines.withDeprivations else { return .notPoor }
        return assessment.deprivations >= deprivationThreshold ? .poor : .nearPoor
    }

    /// The assessment's problems against this standard, each naming its field: a negative income, or more
    /// deprivations than the standard has indicators.
    public func issues(_ assessment: PovertyAssessment, field: String = "assessment") -> [InputIssue] {
        var issues: [InputIssue] = []
        if assessment.income < 0 {
            issues.append(
                InputIssue(
                    field: "\(field).income", vi: "Thu nhập không được là số âm.", en: "An income cannot be negative."))
        }
        if !(0...indicatorCount).contains(assessment.deprivations) {
            issues.append(
                // rules.md R25: no more deprivations than the standard measures.
                InputIssue(
                    field: "\(field).deprivations",
                    vi: "Chuẩn nghèo \(id) có \(indicatorCount) chỉ số thiếu hụt; không thể thiếu hụt "
                        + "\(assessment.deprivations) chỉ số.",
                    en: "The \(id) standard has \(indicatorCount) deprivation indicators; \(assessment.deprivations) "
                        + "cannot be lacked."))
        }
        return issues
    }
}
