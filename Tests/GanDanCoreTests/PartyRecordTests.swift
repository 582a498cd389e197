import GanDanCore
import Testing

@Suite("A member's party record as of a day (rules.md R26, R28)")
struct PartyRecordTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("as of a day before the official date, the member is probationary without an official date")
    func beforeOfficial() {
        let record = PartyRecord(admittedOn: Self.d("2018-05-01"), officialOn: Self.d("2019-05-01"), status: .full)
        #expect(
            record.asOf(Self.d("2019-01-01"))
                == PartyRecord(
                    admittedOn: Self.d("2018-05-01"), officialOn: nil, status: .probationary))
        #expect(record.asOf(Self.d("2019-05-01")) == record)
    }

    @Test("a member who died later is a full member as of an earlier day; the later status is not shown")
    func laterStatus() {
        let record = PartyRecord(
            admittedOn: Self.d("1990-01-01"), officialOn: Self.d("1991-01-01"), status: .deceased,
            statusSince: Self.d("2020-03-01"))
        let earlier = record.asOf(Self.d("2019-03-31"))
        #expect(
            earlier == PartyRecord(admittedOn: Self.d("1990-01-01"), officialOn: Self.d("1991-01-01"), status: .full))
        #expect(earlier.standing(on: Self.d("2019-03-31")) == .full)
        #expect(record.asOf(Self.d("2020-03-01")) == record)
        #expect(record.asOf(Self.d("2020-03-01")).standing(on: Self.d("2020-03-01")) == nil)
    }
}
