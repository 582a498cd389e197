import GanDanCore

/// A cell's habits before the placement and the effect drawn for after it (rules.md A9).
///
/// Before: attendance 65–85 %, late starts, late or missing notice, skipped reviews, few vague tasks.
/// After: each rate moves toward its best value in proportion to the effect, ramping up over three months.
struct HistoryCellPlan {
    static let startTimes = [("07:30", 2), ("08:00", 3), ("14:00", 2), ("19:00", 3), ("19:30", 2)]

    let receivedKeyLeader: Bool
    /// -0.2...1, see `HistoryCellEffect.effect`.
    let effect: Double
    /// Share of expected members who come, before.
    let attendance: Double
    let lateChance: Double
    let timelyNoticeChance: Double
    let reviewSkipChance: Double
    let doneRate: Double
    /// Chance that a task names what to do and for whom, before.
    let concreteChance: Double
    /// Share of absences without an excuse, before.
    let unexcusedShare: Double
    /// The day of the month the cell usually meets.
    let meetingDay: Int
    let scheduledStart: TimeOfDay

    init(cell: HistoryCell, window: HistoryWindow, random: inout SeededRandom) {
        receivedKeyLeader = cell.members.contains {
            $0.isKeyLeader && $0.validity.from >= window.placementDate && $0.validity.from < window.end
        }
        // Whether a key leader came decides the effect, never the village's name (rules.md A9).
        effect = Self.drawEffect(receivedKeyLeader: receivedKeyLeader, random: &random)
        attendance = random.real(0.65...0.85)
        lateChance = random.real(0.4...0.7)
        timelyNoticeChance = random.real(0.3...0.6)
        reviewSkipChance = random.real(0.4...0.7)
        doneRate = random.real(0.35...0.55)
        concreteChance = random.real(0.15...0.35)
        unexcusedShare = random.real(0.04...0.08)
        meetingDay = random.int(3...12)
        scheduledStart = TimeOfDay(random.weighted(Self.startTimes)) ?? HistoryClock.evening
    }

    /// Strong (0.55–1) in about 70 % of the cells a key leader joined, flat (−0.05–0.08) in the rest; weak (0–0.3)
    /// elsewhere, slightly worse (−0.2 to −0.05) in about 15 % of those.
    static func drawEffect(receivedKeyLeader: Bool, random: inout SeededRandom) -> Double {
        if receivedKeyLeader {
            return random.chance(0.3) ? random.real(-0.05...0.08) : random.real(0.55...1)
        }
        return random.chance(0.15) ? random.real(-0.2...(-0.05)) : random.real(0...0.3)
    }

    /// The effect in force in `month`: none before the placement, a third more each month for three months after.
    func effect(in month: YearMonth, window: HistoryWindow) -> Double {
        let since = window.monthsSincePlacement(month)
        guard since > 0 else { return 0 }
        return effect * min(1, Double(since) / 3)
    }

    /// A rate moved from its value before toward `best` by `effect` (away from it when negative), kept in 0...1.
    static func toward(_ before: Double, _ best: Double, _ effect: Double) -> Double {
        min(1, max(0, before + effect * (best - before)))
    }
}

/// Clock arithmetic for generated meetings, which never run past midnight.
enum HistoryClock {
    /// 19:00, a literal time, the fallback start.
    static let evening = TimeOfDay(hour: 19, minute: 0)!

    /// The time `minutes` after midnight, kept within the day.
    static func time(_ minutes: Int) -> TimeOfDay {
        let clamped = min(max(minutes, 0), 24 * 60 - 1)
        return TimeOfDay(hour: clamped / 60, minute: clamped % 60) ?? evening
    }
}

/// Error diffusion for one of a cell's yes/no habits (late start, timely notice, skipped review): a year shows
/// close to its expected count, so the effect shows through instead of drowning in chance; the months vary.
struct HistoryDither {
    private var carry: Double

    init(random: inout SeededRandom) {
        carry = random.real(0...1)
    }

    /// Whether the habit shows this month, given its probability now.
    mutating func next(_ probability: Double, random: inout SeededRandom) -> Bool {
        carry += probability
        guard carry >= random.real(0.6...1.4) else { return false }
        carry -= 1
        return true
    }
}

/// The dithers of the habits the quality checklist scores.
struct HistoryHabits {
    var late: HistoryDither
    var timelyNotice: HistoryDither
    var skippedReview: HistoryDither

    init(random: inout SeededRandom) {
        late = HistoryDither(random: &random)
        timelyNotice = HistoryDither(random: &random)
        skippedReview = HistoryDither(random: &random)
    }
}
