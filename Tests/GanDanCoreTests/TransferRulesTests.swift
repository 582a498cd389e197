import Foundation
import GanDanCore
import Testing

@Suite("Transfer deadlines in working days and the length of a temporary transfer (rules.md R13, R14)")
struct TransferRulesTests {
    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static func transfer(sent: String) -> MemberTransfer {
        MemberTransfer(
            id: UUID(), memberID: UUID(), memberName: "Ma Văn Ba", fromCellID: UUID(), fromCellName: "A",
            toCellID: UUID(), toCellName: "B", kind: .official, sentOn: date(sent),
            deadline: TransferRules.deadline(sentOn: date(sent)), reason: "Về quê")
    }

    @Test("rules.md R13: an official transfer is done within 60 working days; weekends and holidays do not count")
    func deadline() {
        // Sent Monday 2 November 2026: twelve weeks of five working days, less 24 November (Vietnamese Culture Day)
        // and 1 January.
        #expect(TransferRules.deadline(sentOn: Self.date("2026-11-02")) == Self.date("2027-01-27"))
        let transfer = Self.transfer(sent: "2026-11-02")
        #expect(transfer.standing(on: Self.date("2027-01-13"))?.text.vi == "còn 10 ngày làm việc")
        #expect(transfer.standing(on: Self.date("2027-01-13"))?.text.en == "10 working days left")
        #expect(transfer.standing(on: Self.date("2027-01-27"))?.text.vi == "hôm nay là hạn cuối")
        #expect(transfer.standing(on: Self.date("2027-02-01"))?.text.vi == "quá hạn 3 ngày làm việc")
        #expect(transfer.standing(on: Self.date("2027-02-01"))?.isOverdue == true)
        var received = transfer
        received.receivedOn = Self.date("2026-11-20")
        #expect(received.standing(on: Self.date("2027-02-01")) == nil)
    }

    @Test("a temporary transfer lasts 3 to 12 months")
    func temporaryLength() {
        let from = Self.date("2026-10-01")
        #expect(TransferRules.isTemporaryLengthAllowed(from: from, until: Self.date("2027-01-01")))
        #expect(TransferRules.isTemporaryLengthAllowed(from: from, until: Self.date("2027-10-01")))
        #expect(!TransferRules.isTemporaryLengthAllowed(from: from, until: Self.date("2026-12-31")))
        #expect(!TransferRules.isTemporaryLengthAllowed(from: from, until: Self.date("2027-10-02")))
    }
}
