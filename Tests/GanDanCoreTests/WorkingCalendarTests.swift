import Testing

@testable import GanDanCore

@Suite("Vietnamese working days and public holidays (rules.md R23)")
struct WorkingCalendarTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }
    let calendar = WorkingCalendar.vietnam

    @Test("weekdays follow from the day number: 1 January 1970 was a Thursday, 2 September 2019 a Monday")
    func weekdays() {
        #expect(Self.d("1970-01-01").weekday == 4)
        #expect(Self.d("2019-09-02").weekday == 1)
        #expect(Self.d("2024-02-10").weekday == 6)
        #expect(Self.d("2024-02-11").weekday == 7)
        #expect(Self.d("1969-12-28").weekday == 7)
        #expect(Self.d("2024-02-11").isWeekend)
        #expect(!Self.d("2024-02-12").isWeekend)
    }

    @Test(
        "each listed year leaves as many working days as the announced days off allow",
        arguments: [
            (2018, 250), (2019, 252), (2020, 252), (2021, 250), (2022, 249), (2023, 249), (2024, 251), (2025, 250),
            (2026, 249), (2027, 249),
        ])
    func workingDaysPerYear(year: Int, expected: Int) throws {
        let lastDayBefore = try #require(CivilDate(year: year - 1, month: 12, day: 31))
        let lastDay = try #require(CivilDate(year: year, month: 12, day: 31))
        #expect(calendar.covers(year: year))
        #expect(calendar.workingDays(from: lastDayBefore, to: lastDay) == expected)
    }

    @Test("every listed year has its Tết break, one Hùng Kings' day, and make-up days only on Saturdays")
    func dataShape() {
        for year in PublicHolidays.vietnam.years {
            let tet = year.daysOff.filter { $0.kind == .lunarNewYear }
            #expect(tet.count >= 5, "Tết \(year.year)")
            #expect(year.daysOff.filter { $0.kind == .hungKings }.count == 1, "Hùng Kings \(year.year)")
            #expect(year.daysOff.allSatisfy { $0.date.year == year.year }, "\(year.year)")
            #expect(year.makeUpWorkingDays.allSatisfy { $0.weekday == 6 }, "\(year.year)")
        }
        #expect(PublicHolidays.vietnam.years.map(\.year) == Array(2018...2027))
        #expect(PublicHolidays.vietnam.isProvisional(year: 2027))
        #expect(!PublicHolidays.vietnam.isProvisional(year: 2024))
    }

    @Test(
        "a decision just before Tết: the 30-working-day ceremony deadline skips the Tết days",
        arguments: [
            ("2024-02-05", "2024-03-25", "2024-03-18"), ("2020-01-20", "2020-03-09", "2020-03-02"),
            ("2019-01-25", "2019-03-15", "2019-03-08"),
        ])
    func tetDeadline(decision: String, due: String, dueWithoutHolidays: String) {
        #expect(calendar.adding(workingDays: 30, to: Self.d(decision)) == Self.d(due))
        let plain = WorkingCalendar(holidays: .none)
        #expect(plain.adding(workingDays: 30, to: Self.d(decision)) == Self.d(dueWithoutHolidays))
    }

    @Test("the Tết days off are not working days; the day after the break is")
    func tetDays() {
        for day in ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"] {
            #expect(!calendar.isWorkingDay(Self.d(day)), "\(day)")
            #expect(PublicHolidays.vietnam.holiday(on: Self.d(day)) == .lunarNewYear)
        }
        #expect(calendar.isWorkingDay(Self.d("2024-02-15")))
        #expect(calendar.isWorkingDay(Self.d("2024-02-07")))
    }

    @Test("30 April and 1 May 2024 with the swapped 29 April are days off; the make-up Saturday 4 May works")
    func reunificationAndLabourDay() {
        #expect(!calendar.isWorkingDay(Self.d("2024-04-29")))
        #expect(!calendar.isWorkingDay(Self.d("2024-04-30")))
        #expect(!calendar.isWorkingDay(Self.d("2024-05-01")))
        #expect(calendar.isWorkingDay(Self.d("2024-05-04")))
        #expect(!calendar.isWorkingDay(Self.d("2024-05-11")))
        #expect(calendar.adding(workingDays: 3, to: Self.d("2024-04-26")) == Self.d("2024-05-04"))
        #expect(calendar.adding(workingDays: 30, to: Self.d("2024-04-26")) == Self.d("2024-06-11"))
    }

    @Test(
        "National Day: 2 September plus an adjacent day from 2021, one day before",
        arguments: [("2025-08-29", "2025-09-03"), ("2024-08-30", "2024-09-04"), ("2020-09-01", "2020-09-03")])
    func nationalDay(before: String, nextWorkingDay: String) {
        #expect(calendar.adding(workingDays: 1, to: Self.d(before)) == Self.d(nextWorkingDay))
    }

    @Test("zero working days is the day itself or the next working day; negative counts go back")
    func zeroAndNegative() {
        #expect(calendar.adding(workingDays: 0, to: Self.d("2024-02-06")) == Self.d("2024-02-06"))
        #expect(calendar.adding(workingDays: 0, to: Self.d("2024-02-10")) == Self.d("2024-02-15"))
        #expect(calendar.adding(workingDays: -1, to: Self.d("2024-02-15")) == Self.d("2024-02-07"))
    }

    @Test("counting working days inverts adding them, and is negative backwards")
    func countInvertsAdd() {
        let start = Self.d("2024-01-31")
        for n in 1...60 {
            #expect(calendar.workingDays(from: start, to: calendar.adding(workingDays: n, to: start)) == n)
        }
        #expect(calendar.workingDays(from: Self.d("2024-02-15"), to: Self.d("2024-02-07")) == -1)
        #expect(calendar.workingDays(from: Self.d("2024-02-07"), to: Self.d("2024-02-07")) == 0)
    }

    @Test("years outside the data fall back to weekends and the fixed solar holidays")
    func fallback() {
        #expect(!calendar.covers(year: 2030))
        #expect(!calendar.covers(year: 2017))
        #expect(!calendar.isWorkingDay(Self.d("2030-04-30")))
        #expect(!calendar.isWorkingDay(Self.d("2030-09-02")))
        #expect(!calendar.isWorkingDay(Self.d("2030-01-01")))
        #expect(calendar.isWorkingDay(Self.d("2030-02-04")))
        #expect(calendar.isWorkingDay(Self.d("2030-09-03")))
        #expect(PublicHolidays.vietnam.holiday(on: Self.d("2017-05-01")) == .labourDay)
    }
}
