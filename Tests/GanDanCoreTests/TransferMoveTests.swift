import Foundation
import GanDanCore
import Testing

@Suite("What forbids one member's move between cells, shared by the transfer form and the district folder")
struct TransferMoveTests {
    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static func move(
        kind: TransferKind = .official, to: String = "B", cell: Validity? = Validity(from: date("2015-01-01")),
        on: String = "2026-11-02", until: String? = nil, joined: String = "2019-04-25", still: Bool = true,
        waiting: String? = nil
    ) -> TransferMove {
        TransferMove(
            kind: kind, fromCell: "A", toCell: to, toCellName: "Chi bộ thôn Nà Coóc", receiving: cell, on: date(on),
            until: until.map(date), joinedCellOn: date(joined), stillOnCell: still, waitingSentOn: waiting.map(date))
    }

    @Test("an ordinary official transfer may be made")
    func allowed() {
        #expect(Self.move().problem == nil)
        #expect(Self.move(kind: .temporary, on: "2019-04-25", until: "2019-10-25").problem == nil)
    }

    @Test("rules.md R13: not into the member's own cell")
    func ownCell() {
        #expect(Self.move(to: "A").problem == .ownCell("Chi bộ thôn Nà Coóc"))
        #expect(Self.move(to: "A").problem?.part == .receivingCell)
    }

    @Test("rules.md R26: not into a cell not founded yet, or dissolved before a temporary transfer ends")
    func receivingCellInForce() {
        let later = Validity(from: Self.date("2027-01-01"))
        #expect(Self.move(cell: later).problem == .cellNotInForce("Chi bộ thôn Nà Coóc", on: Self.date("2026-11-02")))
        let ends = Validity(from: Self.date("2015-01-01"), until: Self.date("2027-01-01"))
        let temporary = Self.move(kind: .temporary, cell: ends, until: "2027-03-02")
        #expect(temporary.problem == .cellNotInForce("Chi bộ thôn Nà Coóc", on: Self.date("2027-03-01")))
        #expect(temporary.problem?.text.vi == "Ngày 01/03/2027 Chi bộ thôn Nà Coóc chưa thành lập hoặc đã giải thể.")
    }

    @Test("one waiting official transfer at a time, told on the member")
    func waiting() {
        let problem = Self.move(waiting: "2026-10-01").problem
        #expect(problem == .waiting(sentOn: Self.date("2026-10-01")))
        #expect(problem?.part == .member)
    }

    @Test("an official move is sent after joining the cell and while still on it; a temporary one need not be")
    func afterJoining() {
        #expect(Self.move(on: "2019-04-25").problem == .notAfterJoining(Self.date("2019-04-25")))
        #expect(Self.move(still: false).problem?.part == .day)
        #expect(Self.move(kind: .temporary, on: "2019-04-25", until: "2019-08-25", still: false).problem == nil)
    }
}
