import Foundation
import GanDanCore
import Testing

@Suite("A province's meeting policy read from JSON (rules.md R8, R11, R12)")
struct MeetingPolicyTests {
    static var example: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/meeting-policy.example.json")
    }

    @Test("the documented example reads, with a shorter meeting for very small cells")
    func example() throws {
        let policy = try MeetingPolicy.read(json: Data(contentsOf: Self.example))
        #expect(policy.meetings.minimumDuration(for: .regular, cellFullMembers: 4) == 60)
        #expect(policy.meetings.minimumDuration(for: .regular, cellFullMembers: 12) == 90)
        #expect(policy.quality.weights[.durationMet] == 20)
        #expect(policy.quality.bands.count == 4)
    }

    @Test("a policy that cannot work names each field")
    func invalid() throws {
        var text = try String(contentsOf: Self.example, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"combined_minimum_minutes\": 120", with: "\"combined_minimum_minutes\": 60"
        )
        .replacingOccurrences(of: "\"on_time\": 10", with: "\"on_time\": -1")
        #expect(throws: InputError.self) { try MeetingPolicy.read(json: Data(text.utf8)) }
        do {
            _ = try MeetingPolicy.read(json: Data(text.utf8))
        } catch {
            #expect(
                error.issues.map { $0.field ?? "" } == ["meetings.combined_minimum_minutes", "quality.weights.on_time"])
        }
        do {
            _ = try MeetingPolicy.read(json: Data(#"{"meetings": {}}"#.utf8))
        } catch {
            #expect(error.description.contains("missing"))
        }
    }
}

@Suite("Rating periods written as keys (rules.md R18)")
struct RatingPeriodKeyTests {
    @Test("a year and a quarter read and write as 2019 and 2019-Q2", arguments: ["2019", "2019-Q1", "2019-Q4"])
    func roundTrip(key: String) throws {
        let period = try #require(RatingPeriod(key: key))
        #expect(period.key == key)
    }

    @Test(
        "R18: a term and an ad hoc review read and write with their first and last days",
        arguments: ["term-2015-06-01-2020-05-31", "adhoc-2019-03-01-2019-05-31", "adhoc-2019-03-01-2019-03-01"])
    func spans(key: String) throws {
        let period = try #require(RatingPeriod(key: key))
        #expect(period.key == key)
        #expect(period.kind == (key.hasPrefix("term") ? .term : .adHoc))
        #expect(period.ratedOn == period.end)
        #expect(period.label.vi.hasPrefix(key.hasPrefix("term") ? "Nhiệm kỳ" : "Đột xuất"))
    }

    @Test(
        "anything else is not a period",
        arguments: [
            "19", "2019-Q5", "2019-Q", "2019-03", "abc", "", "term-2020-06-01-2015-05-31", "term-2019-02-30-2020-01-01",
            "adhoc-2019-3-1-2019-05-31", "term-1899-12-31-2020-01-01", "term-2015-06-01", "year-2019-01-01-2019-12-31",
            "adhoc-2019-03-01x2019-05-31",
        ])
    func invalid(key: String) {
        #expect(RatingPeriod(key: key) == nil)
    }

    @Test("a quarter ends on its last day, when it is rated")
    func quarterEnd() throws {
        let period = try #require(RatingPeriod(key: "2020-Q1"))
        #expect(period.ratedOn == CivilDate(year: 2020, month: 3, day: 31))
    }
}
