/// How often a rating is made: per term, year, quarter or when needed (rules.md R18).
public enum RatingPeriodKind: String, Sendable, CaseIterable, Codable {
    case term
    case year
    case quarter
    case adHoc

    public var label: BilingualText {
        switch self {
        case .term: return BilingualText(vi: "Cả nhiệm kỳ", en: "Term")
        case .year: return BilingualText(vi: "Hằng năm", en: "Year")
        case .quarter: return BilingualText(vi: "Hằng quý", en: "Quarter")
        case .adHoc: return BilingualText(vi: "Khi cần thiết", en: "Ad hoc")
        }
    }
}

/// The span a rating covers and the day it is made, the date R19's six months are counted to (rules.md R18, R19).
public struct RatingPeriod: Hashable, Sendable, Codable {
    public var kind: RatingPeriodKind
    public var start: CivilDate
    public var end: CivilDate
    /// The day the cell rates; defaults to the last day of the period.
    public var ratedOn: CivilDate

    public init(kind: RatingPeriodKind, start: CivilDate, end: CivilDate, ratedOn: CivilDate? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.ratedOn = ratedOn ?? end
    }

    /// A calendar year, rated on 31 December unless given.
    public static func year(_ year: Int, ratedOn: CivilDate? = nil) -> RatingPeriod? {
        guard let start = CivilDate(year: year, month: 1, day: 1), let end = CivilDate(year: year, month: 12, day: 31)
        else { return nil }
        return RatingPeriod(kind: .year, start: start, end: end, ratedOn: ratedOn)
    }

    /// A quarter 1–4 of `year`, rated on its last day unless given.
    public static func quarter(_ quarter: Int, of year: Int, ratedOn: CivilDate? = nil) -> RatingPeriod? {
        guard (1...4).contains(quarter), let first = YearMonth(year: year, month: quarter * 3 - 2) else { return nil }
        return RatingPeriod(
            kind: .quarter, start: first.firstDay, end: first.adding(months: 3).firstDay.adding(days: -1),
            ratedOn: ratedOn)
    }

    /// The end before the start, or a rating made before the period started.
    public var issues: [InputIssue] {
        var issues: [InputIssue] = []
        if end < start {
            issues.append(
                InputIssue(
                    field: "end", vi: "Ngày kết thúc \(end.vietnamese) sớm hơn ngày bắt đầu \(start.vietnamese).",
                    en: "The end \(end.vietnamese) is before the start \(start.vietnamese)."))
        }
        if ratedOn < start {
            issues.append(
                InputIssue(
                    field: "ratedOn", vi: "Ngày đánh giá \(ratedOn.vietnamese) sớm hơn ngày bắt đầu kỳ đánh giá.",
                    en: "The rating day \(ratedOn.vietnamese) is before the period starts."))
        }
        return issues
    }
}
