import Foundation
import GanDanCore

/// How much the placement changed a cell's life, as drawn by the generator (rules.md A9).
struct HistoryCellEffect: Hashable, Sendable {
    var cellID: String
    /// A key leader joined the cell's roll on or after the placement date, within the window (rules.md A3).
    var receivedKeyLeader: Bool
    /// -0.2...1: 0 leaves the cell as it was, 1 is the full improvement, below 0 the cell slipped a little.
    /// Strong in most cells that received a key leader, flat in about 30 % of them, weak or none elsewhere.
    var effect: Double

    init(cellID: String, receivedKeyLeader: Bool, effect: Double) {
        self.cellID = cellID
        self.receivedKeyLeader = receivedKeyLeader
        self.effect = effect
    }
}

/// Whether a month lies before or after the placement (rules.md A9).
enum HistoryPeriod: String, Sendable, CaseIterable {
    case before
    case after
}

/// Two years of invented village-cell life around a placement, for the demo's impact report (rules.md A9).
struct MeetingHistory: Sendable {
    /// Every cell's meetings, by cell in input order then by date.
    var meetings: [HistoryMeeting]
    var households: [HistoryHousehold]
    var criteria: [HistoryCriterionStatus]
    /// Cell ID → its thematic plan for each calendar year the window touches (rules.md R9).
    var thematicPlans: [String: [ThematicPlan]]
    /// The months before the placement: the ones ending with the month before the placement month.
    var monthsBefore: [YearMonth]
    /// The months after the placement: the ones starting with the month after the placement month.
    var monthsAfter: [YearMonth]
    /// Each cell's drawn effect, in input order.
    var effects: [HistoryCellEffect]
    /// Cell ID → what a continuation of its life carries over (issue 19).
    var carries: [String: HistoryCarry] = [:]

    init(
        meetings: [HistoryMeeting] = [], households: [HistoryHousehold] = [],
        criteria: [HistoryCriterionStatus] = [], thematicPlans: [String: [ThematicPlan]] = [:],
        monthsBefore: [YearMonth] = [], monthsAfter: [YearMonth] = [], effects: [HistoryCellEffect] = []
    ) {
        self.meetings = meetings
        self.households = households
        self.criteria = criteria
        self.thematicPlans = thematicPlans
        self.monthsBefore = monthsBefore
        self.monthsAfter = monthsAfter
        self.effects = effects
    }

    /// Whether `month` falls before or after the placement; nil for the placement month and outside the window.
    func period(of month: YearMonth) -> HistoryPeriod? {
        if monthsBefore.contains(month) { return .before }
        if monthsAfter.contains(month) { return .after }
        return nil
    }
}

extension MeetingHistory {
    /// The seed `generate` uses unless told otherwise.
    static let defaultSeed: UInt64 = 0x4761_6E44_616E_1904

    /// Generates the cells' meetings, tasks, households and criteria around `placementDate` (rules.md A6, A7, A9).
    ///
    /// `monthsBefore` whole months end with the month before the placement month and `monthsAfter` start with the
    /// month after it; the placement month is in neither (rules.md A9), yet each cell meets in it too, on the roll of
    /// its day (rules.md R7). A month whose roll has no full member taking part has no meeting (nobody could chair
    /// it). Same inputs and seed give the same history.
    static func generate(
        cells: [HistoryCell], placementDate: CivilDate, monthsBefore: Int = 12, monthsAfter: Int = 12,
        seed: UInt64 = defaultSeed
    ) -> MeetingHistory {
        let window = HistoryWindow(placementDate: placementDate, monthsBefore: monthsBefore, monthsAfter: monthsAfter)
        var generators = cells.map { HistoryCellGenerator(cell: $0, window: window, seed: seed) }
        HistoryAbsences.plan(&generators, seed: seed)
        var history = MeetingHistory(monthsBefore: window.before, monthsAfter: window.after)
        for index in generators.indices {
            let output = generators[index].run()
            history.meetings += output.meetings
            history.households += output.households
            history.criteria += output.criteria
            history.thematicPlans[generators[index].cell.id] = output.plans
            history.effects.append(output.effect)
            history.carries[generators[index].cell.id] = output.carry
        }
        return history
    }
}
