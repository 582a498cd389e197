import GanDanCore
import Testing

@Suite("A cell's committee and term (rules.md R2, R3, R6)")
struct CellCommitteeRulesTests {
    static let settings = CharterSettings.standard

    @Test("a cell with 8 full members may not have a committee member, one with 9 may (rules.md R2, R3)")
    func threshold() {
        #expect(
            CellCommitteeRules.refusal(
                adding: .cellCommitteeMember, fullMembers: 8, holders: 1, holdsAlready: false, settings: Self.settings)
                == .noCommitteeBelowThreshold(fullMembers: 8, threshold: 9))
        #expect(
            CellCommitteeRules.refusal(
                adding: .cellCommitteeMember, fullMembers: 9, holders: 1, holdsAlready: false, settings: Self.settings)
                == nil)
        #expect(
            CellCommitteeRules.refusal(
                adding: .cellDeputySecretary, fullMembers: 4, holders: 1, holdsAlready: false, settings: Self.settings)
                == nil)
    }

    @Test("a committee holds at most 7 people; a secretary taking a committee seat adds no one (rules.md R3)")
    func size() {
        #expect(
            CellCommitteeRules.refusal(
                adding: .cellCommitteeMember, fullMembers: 20, holders: 7, holdsAlready: false, settings: Self.settings)
                == .committeeFull(maximum: 7))
        #expect(
            CellCommitteeRules.refusal(
                adding: .cellDeputySecretary, fullMembers: 20, holders: 7, holdsAlready: true, settings: Self.settings)
                == nil)
        #expect(
            CellCommitteeRules.refusal(
                adding: .cellCommitteeMember, fullMembers: 20, holders: 6, holdsAlready: false, settings: Self.settings)
                == nil)
        #expect(
            CellCommitteeRules.refusal(
                adding: .partyCommitteeMember, fullMembers: 2, holders: 9, holdsAlready: false, settings: Self.settings)
                == nil)
    }

    @Test("the refusal names the cell, the day and the count in plain Vietnamese")
    func message() {
        let text = CellCommitteeRules.Refusal.noCommitteeBelowThreshold(fullMembers: 8, threshold: 9)
            .message(cell: "Chi bộ thôn Nà Coóc", on: .on(2019, 5, 2))
        #expect(text.vi.contains("Chi bộ thôn Nà Coóc có 8 đảng viên chính thức"))
        #expect(text.vi.contains("02/05/2019"))
        #expect(!text.vi.contains("R2"))
    }

    @Test("a congress held on 15-3-2020 makes the next due on 15-9-2022, from 15-3-2022 to 15-3-2023 (rules.md R6)")
    func nextCongress() {
        let term = CongressTerm.standard
        let next = term.next(after: .on(2020, 3, 15))
        #expect(next.due == .on(2022, 9, 15))
        #expect(next.earliest == .on(2022, 3, 15))
        #expect(next.latest == .on(2023, 3, 15))
        #expect(term.standing(lastHeld: .on(2020, 3, 15), on: .on(2022, 3, 14)) == .notYetDue)
        #expect(term.standing(lastHeld: .on(2020, 3, 15), on: .on(2022, 3, 15)) == .due)
        #expect(term.standing(lastHeld: .on(2020, 3, 15), on: .on(2023, 3, 15)) == .due)
        #expect(term.standing(lastHeld: .on(2020, 3, 15), on: .on(2023, 3, 16)) == .overdue)
        #expect(term.standing(lastHeld: nil, on: .on(2023, 3, 16)) == .unknown)
    }
}
