import GanDanCore

/// What a cell's life carries from one window into the next: its habits and effect, its households, the criteria
/// last met, its drive and the years already planned (issue 19: the demo reaches the present).
struct HistoryCarry {
    var plan: HistoryCellPlan
    var households: [HistoryHousehold]
    /// Criterion number → met at the last review.
    var criteriaMet: [Int: Bool]
    var drive: HistoryDrive?
    /// Years whose thematic plan and criteria review the earlier window already holds.
    var plannedYears: Set<Int>
    /// The thematic plans made so far: a later window holds the topics of their months it meets in (rules.md R9).
    var plans: [ThematicPlan] = []
}

extension HistoryCellGenerator {
    /// The years this window plans and reviews: the window's years not already held by the earlier window.
    var newYears: [Int] {
        window.years.filter { carry?.plannedYears.contains($0) != true }
    }

    /// The carried households with a status for each new year, as the first window draws them once the placement is
    /// in force: an escape each year is likelier the stronger the effect (rules.md R25).
    mutating func continuedHouseholds(_ carried: [HistoryHousehold]) -> [HistoryHousehold] {
        var result: [HistoryHousehold] = []
        for household in carried {
            var kept = household
            if let last = household.statuses.keys.max(), var current = household.statuses[last] {
                for year in newYears where year > last {
                    current = nextPovertyStatus(current, base: current == .nearPoor ? 0.14 : 0.06, share: 1)
                    kept.statuses[year] = current
                }
            }
            result.append(kept)
        }
        return result
    }
}

extension MeetingHistory {
    /// The seed a continuation draws from, apart from the first window's so that one never moves the other.
    static let continuationSeed: UInt64 = 0x4761_6E44_616E_2025

    /// The cells' life from the month after `first`'s window through `last`, continuing each cell's habits,
    /// households, criteria and drive (issue 19). `cells` are read again (rolls change: deaths, moves, admissions);
    /// a cell `first` does not hold starts afresh. No planned absences: the first window shows rules.md R12.
    static func continuing(
        _ first: MeetingHistory, cells: [HistoryCell], placementDate: CivilDate, through last: YearMonth
    ) -> MeetingHistory {
        guard let from = first.monthsAfter.last?.adding(months: 1), from <= last else { return MeetingHistory() }
        let window = HistoryWindow(placementDate: placementDate, continuingFrom: from, through: last)
        var history = MeetingHistory(monthsAfter: window.after)
        for cell in cells {
            var generator = HistoryCellGenerator(
                cell: cell, window: window, seed: continuationSeed, carry: first.carries[cell.id])
            let output = generator.run()
            history.meetings += output.meetings
            history.households += output.households
            history.criteria += output.criteria
            history.thematicPlans[cell.id] = output.plans
            history.effects.append(output.effect)
            history.carries[cell.id] = output.carry
        }
        return history
    }

    /// `later` appended to this history: its households replace the ones they continue (same ids), plans and
    /// criteria add the later years.
    mutating func append(_ later: MeetingHistory) {
        meetings += later.meetings
        let continued = Set(later.households.map(\.id))
        households = households.filter { !continued.contains($0.id) } + later.households
        criteria += later.criteria
        for (cell, plans) in later.thematicPlans { thematicPlans[cell, default: []] += plans }
        carries.merge(later.carries) { _, new in new }
    }
}
