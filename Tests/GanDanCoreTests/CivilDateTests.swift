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
        #expect(CivilDate(" 5/4/2019\t") == CivilDate(year: 2019, month: 4, day: 5))
        #expect(CivilDate("\u{A0}2019-04-30\u{3000}") == CivilDate(year: 2019, month: 4, day: 30))
        for text in [
            "", "-", "2019-04", "2019-04-30-1", "2019/04/30", "30-04-2019", "2019-04+30", "+019-04-30",
            "2019-04-3O", "30/04/19", "123/04/2019", "2019--30", "١٢٣٤-04-30", "2019-04-30 x",
        ] {
            #expect(CivilDate(text) == nil, "\(text)")
        }
    }

    @Test("dates and months print zero-padded, in ISO and Vietnamese order")
    func printing() throws {
        #expect(CivilDate(year: 7, month: 3, day: 9)?.iso == "0007-03-09")
        #expect(CivilDate(year: 2019, month: 12, day: 31)?.iso == "2019-12-31")
        #expect(CivilDate(year: 987, month: 1, day: 2)?.vietnamese == "02/01/0987")
        #expect(YearMonth(year: 2019, month: 4)?.iso == "2019-04")
        #expect(YearMonth(year: 2019, month: 11)?.vietnamese == "11/2019")
        var day = try #require(CivilDate("1998-12-25"))
        for _ in 0..<800 {
            #expect(CivilDate(day.iso) == day)
            #expect(CivilDate(day.vietnamese) == day)
            day = day.adding(days: 17)
        }
    }

    @Test("day arithmetic round-trips across leap years and centuries")
    func arithmetic() throws {
        let start = try #require(CivilDate(year: 1899, month: 12, day: 31))
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

    @Test("month and day arithmetic at and beyond the calendar's ends saturates instead of trapping (issue 21)")
    func saturatingArithmetic() throws {
        let last = try #require(CivilDate(year: 9999, month: 12, day: 31))
        let first = try #require(CivilDate(year: 1, month: 1, day: 1))
        #expect(last.adding(months: 1) == last)
        #expect(last.adding(months: Int.max) == last)
        #expect(first.adding(months: -1) == first)
        #expect(first.adding(months: Int.min) == first)
        #expect(last.adding(days: 1) == last)
        #expect(first.adding(days: Int.min) == first)
        #expect(last.adding(months: -1) == CivilDate(year: 9999, month: 11, day: 30))
        let december = try #require(YearMonth(year: 9999, month: 12))
        #expect(december.adding(months: 1) == december)
        #expect(december.adding(months: Int.max) == december)
        let january = try #require(YearMonth(year: 1, month: 1))
        #expect(january.adding(months: -12) == january)
        #expect(january.adding(months: Int.min) == january)
        #expect(CivilDate.supportedRange.upperBound.adding(months: 1) == CivilDate(year: 2101, month: 1, day: 31))
        #expect(ThematicPlan.quartersMissed(year: 10_000, held: [], asOf: last) == [])
    }

    @Test("dates and months outside 1900-01-01 … 2100-12-31 are not read from text (issue 21)")
    func supportedRange() throws {
        #expect(CivilDate.supportedRange.lowerBound.iso == "1900-01-01")
        #expect(CivilDate.supportedRange.upperBound.iso == "2100-12-31")
        #expect(YearMonth.supportedRange.lowerBound.iso == "1900-01")
        #expect(YearMonth.supportedRange.upperBound.iso == "2100-12")
        for text in ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "31/12/9999"] {
            #expect(CivilDate(text) == nil, "\(text)")
        }
        #expect(CivilDate("1900-01-01") != nil)
        #expect(CivilDate("31/12/2100") != nil)
        for text in ["9999-12", "0001-01", "1899-12", "2101-01"] { #expect(YearMonth(text) == nil, "\(text)") }
        #expect(YearMonth("1900-01") != nil)
        #expect(YearMonth("2100-12") != nil)
        let late = try #require(CivilDate(year: 9999, month: 12, day: 31))
        #expect(throws: InputError.self) { try late.requireSupported(field: "decision_date") }
        try #require(CivilDate("2100-12-31")).requireSupported(field: "decision_date")
    }

    @Test("a year asked for outside 1900-2100 is refused, never a trap; a date written in code stays in the calendar")
    func yearStartsAndCodeDates() throws {
        #expect(try CivilDate.firstDay(ofYear: 2019).iso == "2019-01-01")
        #expect(throws: InputError.self) { try CivilDate.firstDay(ofYear: 99_999) }
        #expect(throws: InputError.self) { try CivilDate.firstDay(ofYear: -5) }
        #expect(CivilDate.on(2026, 2, 15).iso == "2026-02-15")
        #expect(CivilDate.on(2019, 2, 31).iso == "2019-02-28")
        #expect(CivilDate.on(12_000, 13, 0).iso == "9999-12-01")
    }
}
