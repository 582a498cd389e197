import Testing

@testable import GanDanCore

@Suite("Unexcused absence flags (rules.md R12)")
struct MeetingAbsenceTests {
    static func record(
        _ member: String, _ date: String, _ status: AttendanceStatus = .absentUnexcused,
        standing: PartyStanding = .full
    ) -> AttendanceRecord {
        AttendanceRecord(memberID: member, date: CivilDate(date)!, standing: standing, status: status)
    }

    @Test("three unexcused absences in one calendar year flag the member")
    func threeInAYear() {
        let flags = AbsenceFlags.flags(in: [
            Self.record("a", "2026-01-10"), Self.record("a", "2026-05-10"), Self.record("a", "2026-11-10"),
            Self.record("b", "2026-01-10"), Self.record("b", "2026-05-10"),
        ])
        #expect(flags.count == 1)
        #expect(flags.first?.memberID == "a")
        #expect(flags.first?.year == 2026)
        #expect(flags.first?.dates.count == 3)
    }

    @Test("two in December and one in January are not three in one year")
    func yearBoundary() {
        let records = [
            Self.record("a", "2025-12-05"), Self.record("a", "2025-12-20"), Self.record("a", "2026-01-10"),
        ]
        #expect(AbsenceFlags.flags(in: records).isEmpty)
        let flags = AbsenceFlags.flags(in: records + [Self.record("a", "2025-11-10")])
        #expect(flags.map(\.year) == [2025])
    }

    @Test("excused absences and presence do not count")
    func excusedDoNotCount() {
        let records = [
            Self.record("a", "2026-01-10"), Self.record("a", "2026-02-10"),
            Self.record("a", "2026-03-10", .absentExcused(reason: "đi làm xa")),
            Self.record("a", "2026-04-10", .present),
        ]
        #expect(AbsenceFlags.flags(in: records).isEmpty)
    }

    @Test("exempt and suspended members are never counted")
    func exemptNeverCounted() {
        let records = ["2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10"].flatMap {
            [Self.record("e", $0, standing: .exempt), Self.record("s", $0, standing: .suspended)]
        }
        #expect(AbsenceFlags.flags(in: records).isEmpty)
        let probationary = ["2026-01-10", "2026-02-10", "2026-03-10"].map {
            Self.record("p", $0, standing: .probationary)
        }
        #expect(AbsenceFlags.flags(in: probationary).map(\.memberID) == ["p"])
    }

    @Test("the threshold is a setting and records come from minutes")
    func thresholdAndMinutes() {
        let minutes = MeetingMinutesTests.minutes()
        let records = AbsenceFlags.records(from: [minutes])
        #expect(records.count == 5)
        let strict = MeetingSettings(unexcusedAbsenceThreshold: 1)
        #expect(AbsenceFlags.flags(in: records, settings: strict).isEmpty)
        #expect(AbsenceFlags.flags(in: [Self.record("a", "2026-01-10")], settings: strict).count == 1)
    }
}
