import GanDanCore
import Testing

@Suite("A member joins a cell's roll no earlier than the cell was founded (rules.md R26)")
struct JoiningDayTests {
    static func member(admitted: CivilDate, joined: CivilDate?) -> MemberDraft {
        var draft = MemberDraft(
            fullName: "Hoàng Văn Hoan", birthDate: .on(1975, 2, 3), sex: .male, ethnicity: "Tày",
            party: PartyRecord(admittedOn: admitted, officialOn: admitted.adding(months: 12), status: .full),
            cellCode: "CB-02284.01", joinedCellOn: joined ?? admitted)
        draft.joiningDayAssumed = joined == nil
        return draft
    }

    @Test("an empty day is the later of admission and founding; a day written before the founding is refused")
    func settle() {
        var members = [
            Self.member(admitted: .on(2000, 5, 19), joined: nil),
            Self.member(admitted: .on(2015, 3, 26), joined: nil),
            Self.member(admitted: .on(2000, 5, 19), joined: .on(2005, 1, 1)),
            Self.member(admitted: .on(2000, 5, 19), joined: .on(2012, 1, 1)),
        ]
        let issues = JoiningDay.settle(
            &members, lines: [2, 3, 4, 5], founded: ["CB-02284.01": .on(2010, 1, 1)])
        #expect(members.map(\.joinedCellOn) == [.on(2010, 1, 1), .on(2015, 3, 26), .on(2005, 1, 1), .on(2012, 1, 1)])
        #expect(issues.map(\.line) == [4] && issues.map(\.field) == ["joined_cell_on"])
        #expect(issues.first?.message(in: .vi).contains("01/01/2005") == true)
    }

    @Test("a cell the list does not know is left to the code checks")
    func unknownCell() {
        var members = [Self.member(admitted: .on(2000, 5, 19), joined: nil)]
        #expect(JoiningDay.settle(&members, lines: nil, founded: [:]).isEmpty)
        #expect(members.first?.joinedCellOn == .on(2000, 5, 19))
    }
}
