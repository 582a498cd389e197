import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

/// rules.md R7: a grassroots committee meets twice a year, its standing body monthly; their meetings are recorded like a
/// cell's, and the commune dashboard flags them.
@Suite("A grassroots committee's meetings and its standing body's (rules.md R7)")
struct CommitteeMeetingTests {
    static func d(_ text: String) -> CivilDate { Fixtures.date(text) }

    /// Thanh Tương: the party secretary, a committee member and the People's Committee chairman in the agency cell, two
    /// members of Nà Coóc's cell and one of Nà Làng's.
    static var dataset: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan",
                posts: [PostDraft(kind: .partySecretary, organisationCode: "DB-00001", validity: Fixtures.since)]),
            Fixtures.member(
                "Ma Thị Lan",
                posts: [PostDraft(kind: .partyCommitteeMember, organisationCode: "DB-00001", validity: Fixtures.since)]),
            // Chairs the People's Committee: a government post, not one of the standing body's.
            Fixtures.member(
                "Hà Văn Chủ",
                posts: [
                    PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: Fixtures.since)
                ]),
            Fixtures.member("Lương Văn Ấn", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member("Triệu Văn Ếch", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member("Nông Văn Dự", cell: "CB-00001.02"),
        ]
        return dataset
    }

    static func plan(
        _ meetings: CellMeetings, _ committee: UUID, _ day: String, body: MeetingBody?, kind: MeetingKind = .regular
    ) async throws -> UUID {
        try await meetings.plan(
            committeeID: committee,
            MeetingPlanDraft(
                body: body, kind: kind, date: d(day), scheduledStart: TimeOfDay("07:30")!,
                topic: kind == .regular ? nil : "Học tập nghị quyết", noticeSentOn: d(day).adding(days: -3)),
            actor: .system
        ).id
    }

    /// Everyone on the roll present except `absent`; 7:30–9:15.
    static func entry(_ roll: [RosterEntry], absent: UUID? = nil) -> MinutesEntry {
        MinutesEntry(
            startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("09:15")!,
            attendance: roll.map {
                AttendanceEntry(memberID: $0.member.id, mark: $0.member.id == absent ? .unexcused : .present)
            }, chairID: roll.first { $0.member.id != absent }?.member.id,
            recorderID: roll.last { $0.member.id != absent }?.member.id, agenda: ["Kiểm điểm tháng"],
            conclusion: "Thống nhất")
    }

    @Test(
        "rules.md R7: a committee's and its standing body's meetings are recorded like a cell's, with their rolls",
        arguments: TestDatabase.all)
    func recorded(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset, actor: .system)
            let tree = OrganisationTree(db: db, scope: .everything)
            let committee = try #require(try await tree.organisation(code: "DB-00001")).id
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let meetings = CellMeetings(db: db, scope: .everything)

            // Who meets must be said, and must be one of the committee's bodies.
            let unnamed = await MeetingTests.issues {
                _ = try await Self.plan(meetings, committee, "2019-01-08", body: nil)
            }
            #expect(unnamed.map(\.field) == ["body"])
            let wrong = await MeetingTests.issues {
                _ = try await Self.plan(meetings, committee, "2019-01-08", body: .cell)
            }
            #expect(wrong.map(\.field) == ["body"])
            let cellsStanding = await MeetingTests.issues {
                _ = try await meetings.plan(
                    cellID: cell,
                    MeetingPlanDraft(
                        body: .standingBody, kind: .regular, date: Self.d("2019-01-08"),
                        scheduledStart: TimeOfDay("07:30")!), actor: .system)
            }
            #expect(cellsStanding.map(\.field) == ["body"])

            // The standing body's roll: the members holding the committee's posts on the day.
            let standing = try await Self.plan(meetings, committee, "2019-01-08", body: .standingBody)
            let standingRoll = try #require(try await meetings.roll(ofMeeting: standing))
            #expect(standingRoll.map(\.member.fullName).sorted() == ["Hoàng Văn Hoan", "Ma Thị Lan"])
            try await meetings.recordMinutes(standing, Self.entry(standingRoll), actor: .system)
            let detail = try #require(try await meetings.detail(standing))
            #expect(detail.meeting.body == .standingBody && detail.meeting.status == .held)
            #expect(detail.meeting.present == 2 && detail.meeting.expected == 2)
            #expect(detail.cellName == "Đảng bộ xã Thanh Tương")

            // The committee's roll: everyone on the rolls of the cells under it.
            let whole = try await Self.plan(meetings, committee, "2019-06-20", body: .committee)
            let wholeRoll = try #require(try await meetings.roll(ofMeeting: whole))
            #expect(wholeRoll.count == 6)
            let absent = try #require(wholeRoll.first { $0.member.fullName == "Lương Văn Ấn" }).member.id
            try await meetings.recordMinutes(whole, Self.entry(wholeRoll, absent: absent), actor: .system)
            // A missing roll call is refused as for a cell.
            let missing = await MeetingTests.issues {
                var entry = Self.entry(wholeRoll)
                entry.attendance.removeLast()
                entry.correctionReason = "Sửa"
                try await meetings.recordMinutes(whole, entry, actor: .system)
            }
            #expect(missing.contains { $0.field == "attendance" })
            // Absences at the committee's meetings are not the cell's (rules.md R12 counts cell meetings).
            #expect(try await AttendanceRecordRow.query(on: db).filter(\.$meetingID == whole).count() == 0)
            #expect(try await meetings.meetings(of: committee).map(\.body) == [.committee, .standingBody])
            // Neither is one of the cell's meetings.
            #expect(try await meetings.meetings(of: cell).isEmpty)

            // Outside the scope the committee is not there.
            let secretary = CellMeetings(db: db, scope: .restricted(units: [], organisations: [cell]))
            #expect(try await secretary.committee(committee) == nil)
            #expect(try await secretary.meeting(standing) == nil)
            #expect(try await secretary.meetings(of: committee).isEmpty)
        }
    }

    @Test(
        "rules.md R7: the commune dashboard flags the committee and its standing body; thematic-only never counts",
        arguments: TestDatabase.all)
    func dashboard(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset, actor: .system)
            let tree = OrganisationTree(db: db, scope: .everything)
            let committee = try #require(try await tree.organisation(code: "DB-00001")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Self.d("2019-01-01"))).id
            let meetings = CellMeetings(db: db, scope: .everything)
            for (day, body, kind) in [
                ("2019-01-08", MeetingBody.standingBody, MeetingKind.regular),
                ("2019-02-12", .standingBody, .thematic), ("2019-03-05", .standingBody, .combined),
                ("2019-04-09", .standingBody, .regular), ("2019-05-07", .standingBody, .regular),
                ("2019-06-04", .standingBody, .regular), ("2019-06-20", .committee, .regular),
            ] {
                let id = try await Self.plan(meetings, committee, day, body: body, kind: kind)
                let roll = try #require(try await meetings.roll(ofMeeting: id))
                var entry = Self.entry(roll)
                if kind == .combined { entry.endTime = TimeOfDay("09:45")! }
                try await meetings.recordMinutes(id, entry, actor: .system)
            }
            // A planned meeting not held does not count.
            _ = try await Self.plan(meetings, committee, "2019-07-09", body: .standingBody)
            let dashboard = CommuneDashboard(db: db, scope: .everything)

            let march = try #require(try await dashboard.load(unit: commune, asOf: Self.d("2019-03-15")))
            let early = try #require(march.committees.first)
            #expect(march.committees.count == 1 && early.committeeName == "Đảng bộ xã Thanh Tương")
            #expect(early.rhythm.standingBodyMissed == [YearMonth("2019-02")!])
            #expect(!early.rhythm.committeeBehind && early.lastCommitteeMeeting == nil)
            #expect(early.lastStandingBodyMeeting == Self.d("2019-03-05"))
            // The committee's meetings are not a cell's.
            #expect(march.cells.count == 3)

            let july = try #require(
                try await dashboard.load(unit: commune, asOf: Self.d("2019-07-31"))?.committees.first)
            #expect(july.rhythm.committeeMeetingsHeld == 1 && july.rhythm.committeeMeetingsExpected == 1)
            #expect(!july.rhythm.committeeBehind)
            #expect(july.rhythm.standingBodyMissed.map(\.iso) == ["2019-02", "2019-07"])

            let year = try #require(
                try await dashboard.load(unit: commune, asOf: Self.d("2019-12-31"))?.committees.first)
            #expect(year.rhythm.committeeMeetingsHeld == 1 && year.rhythm.committeeMeetingsExpected == 2)
            #expect(year.rhythm.committeeBehind)
            #expect(year.lastCommitteeMeeting == Self.d("2019-06-20"))

            // A viewer of one cell sees no committee.
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let narrow = CommuneDashboard(db: db, scope: .restricted(units: [commune], organisations: [cell]))
            #expect(try await narrow.load(unit: commune, asOf: Self.d("2019-12-31"))?.committees.isEmpty == true)
        }
    }
}
