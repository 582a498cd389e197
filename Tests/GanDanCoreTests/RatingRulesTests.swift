import Testing

@testable import GanDanCore

@Suite("Ratings: bands, who is rated, the excellent quota, the weak cell (rules.md R18–R20)")
struct RatingRulesTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test(
        "a 100-point score falls in its band: ≥ 90, 70–< 90, 50–< 70, < 50",
        arguments: [
            (100.0, RatingLevel.excellent), (90, .excellent), (89.9, .good), (70, .good), (69.99, .completed),
            (50, .completed), (49.9, .notCompleted), (0, .notCompleted),
        ])
    func bands(score: Double, level: RatingLevel) {
        #expect(RatingLevel.forScore(score) == level)
    }

    @Test("the bands are settings")
    func customBands() {
        let bands = RatingBands(excellentFrom: 95, goodFrom: 80, completedFrom: 60)
        #expect(RatingLevel.forScore(92, bands: bands) == .good)
        #expect(RatingLevel.forScore(55, bands: bands) == .notCompleted)
    }

    @Test(
        "excellent may be at most 20 % of good in a group: 2 with 10 is fine, 3 with 10 warns",
        arguments: [(2, 10, false), (3, 10, true), (0, 0, false), (1, 0, true), (1, 5, false), (2, 9, true)])
    func quota(excellent: Int, good: Int, warns: Bool) {
        let warning = RatingRules.quotaWarning(excellent: excellent, good: good)
        #expect((warning != nil) == warns)
        if let warning {
            #expect(warning.isWarning)
            #expect(warning.field == "ratings")
        }
    }

    @Test("the quota reads a group's levels")
    func quotaFromLevels() {
        let levels = [RatingLevel](repeating: .good, count: 10) + [.excellent, .excellent, .excellent, .completed]
        #expect(RatingRules.quotaWarning(levels: levels, field: "cell") != nil)
        #expect(RatingRules.quotaWarning(levels: Array(levels.dropLast(2))) == nil)
        #expect(RatingRules.maximumExcellent(good: 14) == 2)
    }

    @Test("exempt and suspended members are not rated, with the reason in both languages")
    func exemptAndSuspended() {
        let exempt = PartyRecord(
            admittedOn: Self.d("2000-01-01"), officialOn: Self.d("2001-01-01"), status: .exempt,
            statusSince: Self.d("2020-01-01"))
        let eligibility = RatingRules.eligibility(record: exempt, on: Self.d("2025-12-31"))
        #expect(!eligibility.isRated)
        #expect(eligibility.reason == .exempt)
        #expect(eligibility.reasonText?.vi == "Miễn công tác và sinh hoạt đảng")
        let suspended = PartyRecord(
            admittedOn: Self.d("2000-01-01"), officialOn: Self.d("2001-01-01"), status: .suspended,
            statusSince: Self.d("2025-06-01"))
        #expect(RatingRules.eligibility(record: suspended, on: Self.d("2025-12-31")).reason == .suspended)
        #expect(RatingRules.eligibility(record: suspended, on: Self.d("2025-05-31")).isRated)
        let left = PartyRecord(
            admittedOn: Self.d("2000-01-01"), officialOn: Self.d("2001-01-01"), status: .left,
            statusSince: Self.d("2025-06-01"))
        #expect(RatingRules.eligibility(record: left, on: Self.d("2025-12-31")).reason == .notMember)
    }

    @Test(
        "admitted 5 months and 30 days before the rating: not rated; 6 months: rated",
        arguments: [("2025-07-01", false), ("2025-06-30", true), ("2025-06-01", true), ("2025-12-01", false)])
    func recentlyAdmitted(admitted: String, rated: Bool) {
        let record = PartyRecord(admittedOn: Self.d(admitted), officialOn: nil, status: .probationary)
        let eligibility = RatingRules.eligibility(record: record, on: Self.d("2025-12-31"))
        #expect(eligibility.isRated == rated)
        #expect(
            RatingRules.isRated(standing: .probationary, admittedOn: Self.d(admitted), on: Self.d("2025-12-31"))
                == rated)
        if !rated {
            #expect(eligibility.reason == .recentlyAdmitted)
            #expect(eligibility.reasonText?.en == "Admitted less than 6 months ago")
        }
    }

    @Test("a cell is weak only when more than half of its rated members are not completed")
    func weakCell() {
        let half = WeakCellTest(levels: [.notCompleted, .notCompleted, .good, .completed])
        #expect(!half.isWeak)
        #expect(half.reason == nil)
        let more = WeakCellTest(levels: [.notCompleted, .notCompleted, .notCompleted, .good, .completed])
        #expect(more.isWeak)
        #expect(more.notCompleted == 3 && more.ratedMembers == 5)
        #expect(more.reason?.en == "More than half of the rated members (3 of 5) did not complete their tasks")
        #expect(!WeakCellTest(levels: []).isWeak)
    }

    @Test("the weak flag is set beside the level, never as a level")
    func weakFlag() {
        let rating = CellRating(year: 2025, level: .completed)
        let weak = WeakCellTest(levels: [.notCompleted, .notCompleted, .good]).flagging(rating)
        #expect(weak.level == .completed)
        #expect(weak.weak)
        #expect(weak.weakReason?.hasPrefix("Hơn một nửa") == true)
        #expect(WeakCellTest(levels: [.notCompleted, .good]).flagging(rating) == rating)
    }

    @Test("rating periods: a quarter spans three months and is rated on its last day by default")
    func periods() {
        let quarter = RatingPeriod.quarter(4, of: 2025)
        #expect(quarter?.start == Self.d("2025-10-01"))
        #expect(quarter?.end == Self.d("2025-12-31"))
        #expect(quarter?.ratedOn == Self.d("2025-12-31"))
        #expect(RatingPeriod.quarter(5, of: 2025) == nil)
        #expect(RatingPeriod.year(2025)?.issues.isEmpty == true)
        let backwards = RatingPeriod(kind: .adHoc, start: Self.d("2025-05-01"), end: Self.d("2025-04-01"))
        #expect(backwards.issues.map(\.field) == ["end", "ratedOn"])
    }

    @Test("a year's rating exists only from its 31 December (rules.md R26)")
    func lastRatedYear() {
        #expect(CellRating.lastRatedYear(on: Self.d("2019-03-15")) == 2018)
        #expect(CellRating.lastRatedYear(on: Self.d("2019-12-30")) == 2018)
        #expect(CellRating.lastRatedYear(on: Self.d("2019-12-31")) == 2019)
        #expect(CellRating.lastRatedYear(on: Self.d("2020-01-01")) == 2019)
    }

    @Test("a rating period is a year or a quarter from 1900 to 2100, like every date a person gives (issue 21)")
    func periodKeys() {
        #expect(RatingPeriod(key: "2019")?.key == "2019")
        #expect(RatingPeriod(key: "2100-Q4")?.key == "2100-Q4")
        #expect(RatingPeriod(key: "1900-Q1")?.key == "1900-Q1")
        for key in ["2101", "2200-Q1", "1899", "99999", "0", "-1", "2019-Q5", "2019-Q0", "2019-", ""] {
            #expect(RatingPeriod(key: key) == nil, "\(key)")
        }
    }

    @Test(
        "R18: 'excellent' within 20 % of 'good' per cell and per grassroots committee: its members together and its cells' own levels"
    )
    func committeeQuota() {
        let fine = CellRound(
            cellName: "Chi bộ thôn Nà Làng", memberLevels: [.excellent] + Array(repeating: .good, count: 5))
        let over = CellRound(cellName: "Chi bộ thôn Nà Coóc", memberLevels: [.excellent, .good, .good])
        #expect(RatingRules.committeeQuotaWarnings(committee: "Đảng bộ xã", cells: [fine]).isEmpty)
        // 1 of 2 good in Nà Coóc is over; the committee's 2 of 7 good is over too.
        let warnings = RatingRules.committeeQuotaWarnings(committee: "Đảng bộ xã", cells: [fine, over])
        #expect(warnings.map(\.field) == ["Chi bộ thôn Nà Coóc", "Đảng bộ xã · đảng viên"])
        // Cells rated by the committee: 1 excellent cell needs 5 good cells.
        let cells = (0..<6).map {
            CellRound(cellName: "Chi bộ \($0)", memberLevels: [], cellLevel: $0 == 0 ? .excellent : .good)
        }
        #expect(RatingRules.committeeGroupWarnings(committee: "Đảng bộ xã", cells: cells).isEmpty)
        #expect(
            RatingRules.committeeGroupWarnings(committee: "Đảng bộ xã", cells: Array(cells.prefix(5))).map(\.field) == [
                "Đảng bộ xã · chi bộ"
            ])
    }
}
