import Foundation
import Testing

@testable import GanDanCore

@Suite("Party dues: the rate by band and the three-months-unpaid flag (rules.md R12)")
struct PartyDuesRulesTests {
    static func month(_ text: String) -> YearMonth { YearMonth(text)! }

    static func records(_ member: String, unpaid: [String], paid: [String] = []) -> [DuesMonth] {
        unpaid.map { DuesMonth(memberID: member, month: month($0), paid: false) }
            + paid.map { DuesMonth(memberID: member, month: month($0), paid: true) }
    }

    @Test("the central table of 342-QĐ/TW: 1 % of a salary, 0.5 % of a pension, a fixed amount for a farmer")
    func rateByBand() {
        let rates = DuesRates.inForce(on: CivilDate.on(2019, 6, 1))
        #expect(rates.id == "342-QĐ/TW")
        #expect(rates.amountDue(band: .salaried, income: 5_500_000) == 55_000)
        #expect(rates.amountDue(band: .pensioner, income: 3_000_000) == 15_000)
        #expect(rates.amountDue(band: .pensioner, income: 3_000_100) == 15_001)
        #expect(rates.amountDue(band: .other, income: nil) == 2_000)
        #expect(rates.amountDue(band: .salaried, income: nil) == nil)
    }

    @Test("R12: two unpaid months are not flagged, three in a row are")
    func threeMonthsFlagged() {
        #expect(UnpaidDues.flags(in: Self.records("a", unpaid: ["2019-01", "2019-02"])).isEmpty)
        let flags = UnpaidDues.flags(in: Self.records("a", unpaid: ["2019-01", "2019-02", "2019-03"]))
        #expect(flags == [UnpaidDuesFlag(memberID: "a", months: ["2019-01", "2019-02", "2019-03"].map(Self.month))])
    }

    @Test("R12: a month paid in between starts the count again, and so does a month the register does not hold")
    func paidMonthResets() {
        let between = Self.records("a", unpaid: ["2019-01", "2019-02", "2019-04", "2019-05"], paid: ["2019-03"])
        #expect(UnpaidDues.flags(in: between).isEmpty)
        #expect(UnpaidDues.flags(in: Self.records("a", unpaid: ["2019-01", "2019-02", "2019-04"])).isEmpty)
        // December to February runs across the new year.
        #expect(UnpaidDues.flags(in: Self.records("b", unpaid: ["2018-12", "2019-01", "2019-02"])).count == 1)
    }

    @Test("a province's dues file replaces the built-in table, and a bad one is refused naming its field")
    func provinceFile() throws {
        let file = Data(
            #"""
            {"dues_rates": [{"id": "342-QĐ/TW", "decision": "QĐ 342 và mức của Tỉnh ủy", "valid_from": "2011-01-01",
              "salaried_percent": 1, "pensioner_percent": 0.5, "other_monthly": 3000}]}
            """#.utf8)
        let rates = try DuesRates.read(json: file)
        #expect(
            DuesRates.inForce(on: CivilDate.on(2019, 1, 1), among: rates).amountDue(band: .other, income: nil) == 3_000)
        let bad = Data(
            #"""
            {"dues_rates": [{"id": "x", "decision": "d", "valid_from": "2011-01-01",
              "salaried_percent": 0, "pensioner_percent": 0.5, "other_monthly": 3000}]}
            """#.utf8)
        #expect(throws: InputError.self) { try DuesRates.read(json: bad) }
        do {
            _ = try DuesRates.read(json: bad)
        } catch {
            #expect(error.issues.contains { $0.field == "dues_rates[0].salaried_percent" })
        }
    }
}
