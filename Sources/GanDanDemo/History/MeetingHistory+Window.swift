import GanDanCore

/// The months a history covers around the placement date. The placement month is left out of both sides of the
/// before/after comparison (rules.md A9), yet the cells meet in it as in every month (rules.md R7).
struct HistoryWindow {
    let placementDate: CivilDate
    let placementMonth: YearMonth
    /// `monthsBefore` months ending with the month before the placement month, oldest first.
    let before: [YearMonth]
    /// `monthsAfter` months starting with the month after the placement month.
    let after: [YearMonth]
    /// Whether the cells meet in the placement month: a first window spans it, a continuation starts after it.
    let spansPlacementMonth: Bool

    init(placementDate: CivilDate, monthsBefore: Int, monthsAfter: Int) {
        self.placementDate = placementDate
        placementMonth = YearMonth(placementDate)
        let month = placementMonth
        before = (0..<max(monthsBefore, 0)).reversed().map { month.adding(months: -1 - $0) }
        after = (0..<max(monthsAfter, 0)).map { month.adding(months: 1 + $0) }
        spansPlacementMonth = !before.isEmpty && !after.isEmpty
    }

    /// A window of later months only, from `first` through `last`: the cell life that continues after the first
    /// window, the placement long in force (issue 19).
    init(placementDate: CivilDate, continuingFrom first: YearMonth, through last: YearMonth) {
        self.placementDate = placementDate
        placementMonth = YearMonth(placementDate)
        before = []
        after = (0..<max(first.months(until: last) + 1, 0)).map { first.adding(months: $0) }
        spansPlacementMonth = false
    }

    /// Every month the cells meet, oldest first: the months before, the placement month when the window spans it,
    /// the months after (rules.md R7: no month without its meeting, the placement month included).
    var months: [YearMonth] { before + (spansPlacementMonth ? [placementMonth] : []) + after }

    /// The calendar years the window touches, in order.
    var years: [Int] { Array(Set(months.map(\.year))).sorted() }

    /// The first day after the window: newcomers after it do not count.
    var end: CivilDate { (after.last ?? placementMonth).adding(months: 1).firstDay }

    /// Months since the placement month: 1 for the first month after it, 0 or less before.
    func monthsSincePlacement(_ month: YearMonth) -> Int { placementMonth.months(until: month) }

    /// The share of `year` that lies after the placement, for year-end results: 0 before, 1 after.
    func shareAfterPlacement(year: Int) -> Double {
        if year < placementMonth.year { return 0 }
        if year > placementMonth.year { return 1 }
        return Double(12 - placementMonth.month) / 12
    }
}
