import Testing

@testable import GanDanCore

@Suite("A cell's standing from its facts on a day (rules.md R1, R3, R7, R20, A5)")
struct CellStandingTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("a cell with 9 full members may propose a committee; with 8 it may not (rules.md A5, R3)")
    func committee() {
        let nine = CellStanding(fullMembers: 9, lastMeeting: nil, lastRating: nil, on: Self.d("2019-06-15"))
        #expect(nine.mayProposeCommittee)
        let eight = CellStanding(fullMembers: 8, lastMeeting: nil, lastRating: nil, on: Self.d("2019-06-15"))
        #expect(!eight.mayProposeCommittee)
    }

    @Test("a cell with fewer than 3 full members is below the minimum (rules.md R1); the minimum is a setting")
    func minimum() {
        #expect(CellStanding(fullMembers: 2, lastMeeting: nil, lastRating: nil, on: Self.d("2019-06-15")).belowMinimum)
        #expect(!CellStanding(fullMembers: 3, lastMeeting: nil, lastRating: nil, on: Self.d("2019-06-15")).belowMinimum)
        let strict = CharterSettings(minimumFullMembers: 5)
        #expect(
            CellStanding(fullMembers: 4, lastMeeting: nil, lastRating: nil, on: Self.d("2019-06-15"), charter: strict)
                .belowMinimum)
    }

    @Test("a cell that met this month has met; one that last met in May has not met in June (rules.md R7)")
    func monthlyMeeting() {
        let met = CellStanding(
            fullMembers: 5, lastMeeting: Self.d("2019-06-01"), lastRating: nil, on: Self.d("2019-06-15"))
        #expect(met.monthsSinceLastMeeting == 0)
        #expect(!met.noMeetingThisMonth)
        let may = CellStanding(
            fullMembers: 5, lastMeeting: Self.d("2019-05-31"), lastRating: nil, on: Self.d("2019-06-15"))
        #expect(may.monthsSinceLastMeeting == 1)
        #expect(may.noMeetingThisMonth)
        let never = CellStanding(fullMembers: 5, lastMeeting: nil, lastRating: nil, on: Self.d("2019-06-15"))
        #expect(never.monthsSinceLastMeeting == nil)
        #expect(never.noMeetingThisMonth)
    }

    @Test("a cell is weak only when its latest rating flags it weak (rules.md R20)")
    func weak() {
        let weak = CellRating(year: 2018, level: .completed, weak: true)
        #expect(CellStanding(fullMembers: 5, lastMeeting: nil, lastRating: weak, on: Self.d("2019-06-15")).weak)
        #expect(!CellStanding.isWeak(CellRating(year: 2018, level: .notCompleted)))
        #expect(!CellStanding.isWeak(nil))
    }
}
