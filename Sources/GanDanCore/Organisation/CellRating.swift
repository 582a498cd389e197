/// The four rating levels of members and cells (rules.md R18).
public enum RatingLevel: String, Sendable, CaseIterable, Codable {
    case excellent
    case good
    case completed
    case notCompleted

    public var label: BilingualText {
        switch self {
        case .excellent: return BilingualText(vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellent")
        case .good: return BilingualText(vi: "Hoàn thành tốt nhiệm vụ", en: "Good")
        case .completed: return BilingualText(vi: "Hoàn thành nhiệm vụ", en: "Completed")
        case .notCompleted: return BilingualText(vi: "Không hoàn thành nhiệm vụ", en: "Not completed")
        }
    }
}

/// A cell's rating for one year, with the local "weak" flag and its reason (rules.md R18, R20).
public struct CellRating: Hashable, Sendable, Codable {
    public var year: Int
    public var level: RatingLevel
    public var weak: Bool
    public var weakReason: String?

    public init(year: Int, level: RatingLevel, weak: Bool = false, weakReason: String? = nil) {
        self.year = year
        self.level = level
        self.weak = weak
        self.weakReason = weakReason
    }
}

extension CellRating {
    /// The last year whose rating is made by `date`: a year is rated on its last day (`RatingPeriod.year`), so on
    /// any earlier day only the previous year's rating exists; "as of" a day never shows a later one (rules.md R26).
    public static func lastRatedYear(on date: CivilDate) -> Int {
        (RatingPeriod.year(date.year)?.ratedOn ?? date) <= date ? date.year : date.year - 1
    }
}
