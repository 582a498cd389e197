import Foundation
import GanDanCore
import Testing

/// rules.md R7: a grassroots committee meets twice a year and its standing body monthly; rules.md R9: a thematic
/// meeting held alone never replaces a regular one.
@Suite("A grassroots committee's meetings and its standing body's against the rule (rules.md R7, R9)")
struct CommitteeRhythmTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static let held: [(date: CivilDate, body: MeetingBody, kind: MeetingKind)] = [
        (d("2019-01-08"), .standingBody, .regular),
        // February: only a thematic meeting, which never counts as the month's regular one.
        (d("2019-02-12"), .standingBody, .thematic),
        (d("2019-03-05"), .standingBody, .combined),
        (d("2019-06-20"), .committee, .regular),
        // A thematic conference of the committee is not one of its two regular meetings either.
        (d("2019-11-15"), .committee, .thematic),
    ]

    @Test(
        "rules.md R7: a committee below its 2 meetings as due, a standing body without a month's meeting")
    func rhythm() {
        let since = Self.d("2008-01-01")
        let march = CommitteeRhythm(held: Self.held, asOf: Self.d("2019-03-31"), opened: since, closed: nil)
        #expect(march.committeeMeetingsExpected == 0 && march.committeeMeetingsHeld == 0 && !march.committeeBehind)
        #expect(march.standingBodyMissed == [YearMonth("2019-02")!])
        // The day before a month ends, the month is not yet missed.
        let april = CommitteeRhythm(held: Self.held, asOf: Self.d("2019-04-29"), opened: since, closed: nil)
        #expect(april.standingBodyMissed == [YearMonth("2019-02")!])
        let july = CommitteeRhythm(held: Self.held, asOf: Self.d("2019-07-01"), opened: since, closed: nil)
        #expect(july.committeeMeetingsExpected == 1 && july.committeeMeetingsHeld == 1 && !july.committeeBehind)
        #expect(july.standingBodyMissed.map(\.iso) == ["2019-02", "2019-04", "2019-05", "2019-06"])
        let december = CommitteeRhythm(held: Self.held, asOf: Self.d("2019-12-31"), opened: since, closed: nil)
        #expect(december.committeeMeetingsExpected == 2 && december.committeeMeetingsHeld == 1)
        #expect(december.committeeBehind && december.standingBodyMissedPeriod)
        #expect(december.standingBodyMissed.count == 10)
        // The next year starts again at zero.
        let next = CommitteeRhythm(held: Self.held, asOf: Self.d("2020-01-15"), opened: since, closed: nil)
        #expect(next.committeeMeetingsExpected == 0 && next.committeeMeetingsHeld == 0 && next.standingBodyMissed == [])
    }

    @Test("rules.md R7: only the parts of the year the committee existed in are due; the counts are settings")
    func lifetimeAndSettings() {
        let founded = CommitteeRhythm(
            held: [], asOf: Self.d("2019-12-31"), opened: Self.d("2019-08-15"), closed: nil)
        #expect(founded.committeeMeetingsExpected == 1)
        #expect(founded.standingBodyMissed.map(\.iso) == ["2019-08", "2019-09", "2019-10", "2019-11", "2019-12"])
        let dissolved = CommitteeRhythm(
            held: [], asOf: Self.d("2019-12-31"), opened: Self.d("2008-01-01"), closed: Self.d("2019-03-01"))
        #expect(dissolved.committeeMeetingsExpected == 1)
        #expect(dissolved.standingBodyMissed.map(\.iso) == ["2019-01", "2019-02"])
        let quarterly = CommitteeRhythm(
            held: Self.held, asOf: Self.d("2019-12-31"), opened: Self.d("2008-01-01"), closed: nil,
            settings: MeetingSettings(committeeMeetingsPerYear: 4, standingBodyMeetingsPerYear: 4))
        #expect(quarterly.committeeMeetingsExpected == 4 && quarterly.committeeMeetingsHeld == 1)
        // Quarters of the standing body: Q1 met (January), Q2–Q4 did not.
        #expect(quarterly.standingBodyMissed.map(\.iso) == ["2019-04", "2019-07", "2019-10"])
    }

    @Test(
        "rules.md R7: a policy file without the committee's counts keeps 2 and 12; 5 a year is refused")
    func policyFile() throws {
        let old = Data(
            #"""
            {"meetings": {"minimum_minutes": 90, "combined_minimum_minutes": 120, "minimum_notice_days": 1,
              "unexcused_absence_threshold": 3},
             "quality": {"weights": {"on_time": 1}, "attendance_target": 0.9,
               "bands": [{"minimum_score": 0, "label": {"vi": "Kém", "en": "Poor"}}]}}
            """#.utf8)
        let policy = try MeetingPolicy.read(json: old)
        #expect(policy.meetings.committeeMeetingsPerYear == 2 && policy.meetings.standingBodyMeetingsPerYear == 12)
        let odd = String(decoding: old, as: UTF8.self).replacingOccurrences(
            of: "\"unexcused_absence_threshold\": 3",
            with: "\"unexcused_absence_threshold\": 3, \"committee_meetings_per_year\": 5")
        do {
            _ = try MeetingPolicy.read(json: Data(odd.utf8))
            Issue.record("5 meetings a year cannot split it evenly")
        } catch {
            #expect(error.issues.map { $0.field ?? "" } == ["meetings.committee_meetings_per_year"])
        }
    }
}
