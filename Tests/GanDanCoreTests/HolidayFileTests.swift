import Foundation
import Testing

@testable import GanDanCore

@Suite("A holidays file puts the Government's announced days over the built-in table (issue 24, rules.md R23)")
struct HolidayFileTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    /// 2019 as built in, with one more swap: Friday 3 May off, worked on Saturday 11 May.
    static let swap2019 = """
        {
          "years": [
            {
              "year": 2019,
              "source": "test: 2019 with 3/5 swapped with Saturday 11/5",
              "days_off": {
                "new_year": ["2019-01-01"],
                "lunar_new_year": ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"],
                "hung_kings": ["2019-04-14"],
                "reunification": ["2019-04-30"],
                "labour_day": ["2019-05-01"],
                "national_day": ["2019-09-02"],
                "substitute": ["2019-04-15", "2019-04-29", "2019-05-03"]
              },
              "make_up_working_days": ["2019-01-05", "2019-05-04", "2019-05-11"]
            }
          ]
        }
        """

    static func read(_ text: String) throws(InputError) -> PublicHolidays {
        try PublicHolidays.read(json: Data(text.utf8))
    }

    @Test("a file that adds a swap day moves a deadline counted in working days")
    func swapMovesDeadline() throws {
        let holidays = try Self.read(Self.swap2019)
        let calendar = WorkingCalendar(holidays: holidays)
        #expect(!calendar.isWorkingDay(Self.d("2019-05-03")))
        #expect(calendar.isWorkingDay(Self.d("2019-05-11")))
        // The table alone: Friday 3 May works, Saturday 11 May does not; the count over the swap is the same,
        // but a deadline falling on 3 May moves to the Saturday worked in exchange.
        #expect(WorkingCalendar.vietnam.adding(workingDays: 1, to: Self.d("2019-05-02")) == Self.d("2019-05-03"))
        #expect(calendar.adding(workingDays: 1, to: Self.d("2019-05-02")) == Self.d("2019-05-04"))
        let feedback = CitizenFeedback(
            receivedOn: Self.d("2019-04-26"), receivedBy: "Lương Văn Ấn", topic: .production, summary: "Giống lê")
        // Forwarding is due within 5 working days (rules.md A8): 2, 3, 4 (a Saturday worked), 6, 7 May by the table;
        // 2, 4, 6, 7, 8 May with 3 May off.
        #expect(feedback.dueDate(calendar: .vietnam) == Self.d("2019-05-07"))
        #expect(feedback.dueDate(calendar: calendar) == Self.d("2019-05-08"))
        // Other years keep the table's days.
        #expect(holidays.covers(year: 2024))
        #expect(holidays.holiday(on: Self.d("2024-02-12")) == .lunarNewYear)
        #expect(holidays.years.first { $0.year == 2019 }?.source.hasPrefix("test:") == true)
    }

    @Test("a year the table does not hold is added, and is no longer provisional")
    func newYear() throws {
        let text = """
            {"years": [{"year": 2028, "days_off": {"new_year": ["2028-01-01"], "lunar_new_year": ["2028-01-26"]}}]}
            """
        let holidays = try Self.read(text)
        #expect(holidays.covers(year: 2028))
        #expect(holidays.holiday(on: Self.d("2028-01-26")) == .lunarNewYear)
        #expect(!holidays.isProvisional(year: 2028))
    }

    @Test("every problem is named by its field, and by its line when the file shows it once")
    func problems() {
        let text = """
            {
              "years": [
                {
                  "year": 2027,
                  "days_off": {
                    "tet": ["2027-02-05"],
                    "new_year": ["2027-01-01", "2027-02-30", "2026-12-31"]
                  },
                  "make_up_working_days": ["2027-02-17", "2027-01-01"]
                }
              ]
            }
            """
        #expect(throws: InputError.self) { try Self.read(text) }
        let issues = Self.issues(text)
        let byField = Dictionary(issues.map { ($0.field ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byField["years[0].days_off.tet"]?.message.contains("lunar_new_year") == true)
        #expect(byField["years[0].days_off.tet"]?.line == 6)
        #expect(byField["years[0].days_off.new_year[1]"]?.message == "\"2027-02-30\" is not a date written YYYY-MM-DD")
        #expect(byField["years[0].days_off.new_year[1]"]?.line == 7)
        #expect(byField["years[0].days_off.new_year[2]"]?.message.contains("not in 2027") == true)
        #expect(byField["years[0].make_up_working_days[0]"]?.message.contains("is a weekday") == true)
        #expect(byField["years[0].make_up_working_days[0]"]?.line == 9)
        #expect(byField["years[0].make_up_working_days[1]"]?.message.contains("as a day off") == true)
        #expect(issues.count == 5)
    }

    @Test("a file that is not JSON names its line; a missing field names the field")
    func malformed() {
        let broken = "{\n  \"years\": [\n    {\"year\": 2027,, }\n  ]\n}"
        let message = Self.issues(broken).first?.message ?? ""
        #expect(message.contains("line 3"), "\(message)")
        let missing = "{\"years\": [{\"year\": 2027}]}"
        #expect(Self.issues(missing).first?.message == "years[0].days_off: missing")
        #expect(Self.issues("{\"years\": []}").first?.field == "years")
    }

    static func issues(_ text: String) -> [InputIssue] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.issues
        }
    }
}

extension HolidayFileTests {
    static var example: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/holidays.example.json")
    }

    @Test("the documented example reads: a year's Tết, a swap day after it and the Saturday worked for it")
    func documentedExample() throws {
        let holidays = try PublicHolidays.read(json: Data(contentsOf: Self.example))
        #expect(!holidays.isProvisional(year: 2027))
        #expect(holidays.holiday(on: Self.d("2027-02-08")) == .lunarNewYear)
        #expect(holidays.holiday(on: Self.d("2027-02-11")) == .substitute)
        let calendar = WorkingCalendar(holidays: holidays)
        #expect(calendar.isWorkingDay(Self.d("2027-02-20")))
        #expect(WorkingCalendar.vietnam.adding(workingDays: 1, to: Self.d("2027-02-10")) == Self.d("2027-02-11"))
        #expect(calendar.adding(workingDays: 1, to: Self.d("2027-02-10")) == Self.d("2027-02-12"))
    }
}
