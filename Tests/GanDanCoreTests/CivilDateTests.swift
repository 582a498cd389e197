import Testing

@testable import GanDanCore

@Suite("Calendar dates and validities (rules.md R21, R26)")
struct CivilDateTests {
    @Test("ISO and Vietnamese forms parse; impossible days do not")
    func parsing() {
        #expect(CivilDate("2019-04-30") == CivilDate(year: 2019, month: 4, day: 30))
        #expect(CivilDate("30/04/2019") == CivilDate(year: 2019, month: 4, day: 30))
        #expect(CivilDate("2019-02-29") == nil)
        #expect(CivilDate("2020-02-29") != nil)
        #expect(CivilDate("2019-4-30") == nil)
        #expect(CivilDate("tomorrow") == nil)
        #expect(CivilDate(year: 2019, month: 4, day: 30)?.vietnamese == "30/04/2019")
    }

    @Test("day arithmetic round-trips across leap years and centuries")
    func arithmetic() throws {
        let start = try #require(CivilDate("1899-12-31"))
        var day = start
        for _ in 0..<80_000 {
            let next = day.adding(days: 1)
            #expect(next.dayNumber == day.dayNumber + 1)
            #expect(next > day)
            day = next
        }
        #expect(CivilDate("1970-01-01")?.dayNumber == 0)
        #expect(CivilDate("2019-01-31")?.adding(months: 1) == CivilDate("2019-02-28"))
    }

    @Test("age in whole months counts a month only once its day is reached (rules.md R21)")
    func months() throws {
        let born = try #require(CivilDate("2001-03-15"))
        #expect(born.wholeMonths(until: try #require(CivilDate("2019-03-14"))) == 215)
        #expect(born.wholeMonths(until: try #require(CivilDate("2019-03-15"))) == 216)
        #expect(born.wholeYears(until: try #require(CivilDate("2019-03-15"))) == 18)
        #expect(born.wholeYears(until: try #require(CivilDate("2019-03-14"))) == 17)
    }

    @Test("a validity holds from its first day up to, not including, its end")
    func validity() throws {
        let validity = Validity(from: try #require(CivilDate("2019-01-01")), until: CivilDate("2025-07-01"))
        #expect(validity.contains(try #require(CivilDate("2019-01-01"))))
        #expect(validity.contains(try #require(CivilDate("2025-06-30"))))
        #expect(!validity.contains(try #require(CivilDate("2025-07-01"))))
        #expect(!validity.contains(try #require(CivilDate("2018-12-31"))))
        let after = Validity(from: try #require(CivilDate("2025-07-01")))
        #expect(!validity.overlaps(after))
        #expect(Validity(from: try #require(CivilDate("2025-06-30"))).overlaps(validity))
    }
}
