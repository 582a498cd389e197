import GanDanCore

/// A member on the roll on a meeting day, with the standing that day (rules.md R4, R10).
struct HistoryRollEntry {
    let member: HistoryMember
    let standing: PartyStanding
}

/// A month the cell meets: the day and the roll read that day.
struct HistoryMeetingDay {
    let month: YearMonth
    let date: CivilDate
    let roll: [HistoryRollEntry]
}

/// What one cell's generator yields.
struct HistoryCellOutput {
    var meetings: [HistoryMeeting]
    var households: [HistoryHousehold]
    var criteria: [HistoryCriterionStatus]
    var plans: [ThematicPlan]
    var effect: HistoryCellEffect
    /// What a continuation of this cell's life carries over (issue 19).
    var carry: HistoryCarry
}

/// Generates one cell's history with its own random stream, so a cell's life depends only on its id and the seed.
///
/// A month whose roll holds no full member taking part in activities has no meeting: nobody could chair it.
struct HistoryCellGenerator {
    let cell: HistoryCell
    let window: HistoryWindow
    let plan: HistoryCellPlan
    /// The months the cell meets, oldest first.
    let schedule: [HistoryMeetingDay]
    var random: SeededRandom
    var habits: HistoryHabits
    /// Unexcused absences planned to show rules.md R12: member → months; such members have no others.
    var plannedAbsences: [String: Set<YearMonth>] = [:]
    /// How much more or less often than the cell's average each member comes.
    var propensity: [String: Double] = [:]
    var households: [HistoryHousehold] = []
    var drive: HistoryDrive?
    /// Tasks assigned and not yet reviewed, oldest first.
    var openTasks: [HistoryTask] = []
    /// Task key → households its assignees set out to persuade (kind `.persuasion`).
    var persuasionGoals: [String: Int] = [:]
    /// The earlier window's state when this generator continues a cell's life; nil for a first window.
    let carry: HistoryCarry?

    /// A first window draws the cell's habits; a continuation (`carry`) keeps the ones drawn before.
    init(cell: HistoryCell, window: HistoryWindow, seed: UInt64, carry: HistoryCarry? = nil) {
        self.cell = cell
        self.window = window
        self.carry = carry
        var random = SeededRandom(seed: SeededRandom.seed(seed, cell.key))
        plan = carry?.plan ?? HistoryCellPlan(cell: cell, window: window, random: &random)
        var schedule: [HistoryMeetingDay] = []
        for month in window.months {
            let last = CivilDate.daysIn(month: month.month, year: month.year)
            let day = min(max(plan.meetingDay + random.int(-2...2), 1), last)
            guard let date = CivilDate(year: month.year, month: month.month, day: day) else { continue }
            let roll = Self.roll(of: cell, on: date)
            if roll.contains(where: { $0.standing == .full }) {
                schedule.append(HistoryMeetingDay(month: month, date: date, roll: roll))
            }
        }
        self.schedule = schedule
        habits = HistoryHabits(random: &random)
        self.random = random
    }

    /// Members on the official roll on `date`: full, probationary or exempt; suspended members are left off.
    static func roll(of cell: HistoryCell, on date: CivilDate) -> [HistoryRollEntry] {
        var seen: Set<String> = []
        var roll: [HistoryRollEntry] = []
        for member in cell.members where member.validity.contains(date) {
            guard let standing = member.party.standing(on: date), standing != .suspended,
                seen.insert(member.id).inserted
            else { continue }
            roll.append(HistoryRollEntry(member: member, standing: standing))
        }
        return roll
    }

    /// Households and criteria first, then the yearly plans, then each month's meeting in order.
    mutating func run() -> HistoryCellOutput {
        households = carry.map { continuedHouseholds($0.households) } ?? makeHouseholds()
        let criteria = makeCriteria()
        drive = carry.map(\.drive) ?? makeDrive()
        for member in cell.members where propensity[member.id] == nil {
            propensity[member.id] = random.chance(0.15) ? random.real(-0.3...(-0.1)) : random.real(-0.05...0.08)
        }
        let (plans, topics) = makeThematicPlans()
        var meetings: [HistoryMeeting] = []
        for (index, day) in schedule.enumerated() {
            meetings.append(meeting(on: day, topic: topics[day.month], isLast: index == schedule.count - 1))
        }
        let effect = HistoryCellEffect(
            cellID: cell.id, receivedKeyLeader: plan.receivedKeyLeader, effect: plan.effect)
        var met = carry?.criteriaMet ?? [:]
        for status in criteria { met[status.number] = status.met }
        let carried = HistoryCarry(
            plan: plan, households: households, criteriaMet: met, drive: drive,
            plannedYears: (carry?.plannedYears ?? []).union(plans.map(\.year)), plans: (carry?.plans ?? []) + plans)
        return HistoryCellOutput(
            meetings: meetings, households: households, criteria: criteria, plans: plans, effect: effect,
            carry: carried)
    }
}
