import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

/// rules.md R11: notify members and the upper-level committee member assigned to the cell. The member is a person of
/// the registry with dated assignments (history kept, rules.md R26); the notice records each person told and how.
@Suite("The committee member assigned to a cell and the meeting notice (rules.md R11, R26)")
struct CommitteeAssignmentTests {
    static func d(_ text: String) -> CivilDate { Fixtures.date(text) }

    /// Thanh Tương's party secretary and a committee member, in the agency cell; two members of Nà Coóc's cell.
    static var dataset: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan",
                posts: [PostDraft(kind: .partySecretary, organisationCode: "DB-00001", validity: Fixtures.since)]),
            Fixtures.member(
                "Ma Thị Lan",
                posts: [PostDraft(kind: .partyCommitteeMember, organisationCode: "DB-00001", validity: Fixtures.since)]),
            Fixtures.member(
                "Lương Văn Ấn", cell: "CB-00001.01", village: "00001.01",
                posts: [PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.01", validity: Fixtures.since)]),
            Fixtures.member("Triệu Văn Ếch", cell: "CB-00001.01", village: "00001.01"),
        ]
        return dataset
    }

    struct Loaded {
        var cell: UUID
        var people: [String: UUID]
        subscript(_ name: String) -> UUID { people[name]! }
    }

    static func load(_ db: any Database) async throws -> Loaded {
        _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset, actor: .system)
        let cell = try #require(
            try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01"))
        var people: [String: UUID] = [:]
        for name in ["Hoàng Văn Hoan", "Ma Thị Lan", "Lương Văn Ấn", "Triệu Văn Ếch"] {
            people[name] = try #require(
                try await MemberDirectory(db: db, scope: .everything).search(
                    .init(text: name, date: Self.d("2019-06-01"))
                )
                .items.first { $0.fullName == name }
            ).id
        }
        return Loaded(cell: cell.id, people: people)
    }

    /// Ấn and Ếch present, 7:30–9:15, Ấn chairs and Ếch records; the committee member given, if any.
    static func entry(_ loaded: Loaded, committeeMember: UUID?) -> MinutesEntry {
        MinutesEntry(
            startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("09:15")!,
            attendance: [
                AttendanceEntry(memberID: loaded["Lương Văn Ấn"], mark: .present),
                AttendanceEntry(memberID: loaded["Triệu Văn Ếch"], mark: .present),
            ], chairID: loaded["Lương Văn Ấn"], recorderID: loaded["Triệu Văn Ếch"], agenda: ["Kiểm điểm tháng"],
            lastMonthReview: "Đã kiểm điểm", conclusion: "Thống nhất", committeeMemberID: committeeMember)
    }

    @Test(
        "rules.md R11: the assigned committee member is a member of the registry, dated; history is kept",
        arguments: TestDatabase.all)
    func assignments(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let loaded = try await Self.load(db)
            let assignments = CommitteeAssignments(db: db, scope: .everything)
            // A member of the cell holds no post of the committee above it.
            let notCommittee = await MeetingTests.issues {
                try await assignments.assign(
                    cellID: loaded.cell, memberID: loaded["Lương Văn Ấn"], from: Self.d("2019-01-01"), actor: .system)
            }
            #expect(notCommittee.map(\.field) == ["memberID"])
            #expect(
                try await assignments.candidates(for: loaded.cell, on: Self.d("2019-01-01")).map(\.name) == [
                    "Hoàng Văn Hoan", "Ma Thị Lan",
                ])
            try await assignments.assign(
                cellID: loaded.cell, memberID: loaded["Ma Thị Lan"], from: Self.d("2019-01-01"), actor: .system)
            try await assignments.assign(
                cellID: loaded.cell, memberID: loaded["Hoàng Văn Hoan"], from: Self.d("2019-06-01"), actor: .system)
            let history = try await assignments.history(of: loaded.cell)
            #expect(history.map(\.member.name) == ["Ma Thị Lan", "Hoàng Văn Hoan"])
            #expect(
                history.map(\.validity) == [
                    Validity(from: Self.d("2019-01-01"), until: Self.d("2019-06-01")),
                    Validity(from: Self.d("2019-06-01")),
                ])
            #expect(try await assignments.assigned(to: loaded.cell, on: Self.d("2018-12-31")) == nil)
            #expect(
                try await assignments.assigned(to: loaded.cell, on: Self.d("2019-05-31"))?.member.name == "Ma Thị Lan")
            #expect(
                try await assignments.assigned(to: loaded.cell, on: Self.d("2019-06-01"))?.member.name
                    == "Hoàng Văn Hoan")
            // History is not rewritten: no assignment starts before the latest one did.
            let backdated = await MeetingTests.issues {
                try await assignments.assign(
                    cellID: loaded.cell, memberID: loaded["Ma Thị Lan"], from: Self.d("2019-03-01"), actor: .system)
            }
            #expect(backdated.first?.message.contains("history is not rewritten") == true)
            try await assignments.end(cellID: loaded.cell, on: Self.d("2019-09-01"), actor: .system)
            #expect(try await assignments.assigned(to: loaded.cell, on: Self.d("2019-09-01")) == nil)
            #expect(try await assignments.history(of: loaded.cell).count == 2)
            let twice = await MeetingTests.issues {
                try await assignments.end(cellID: loaded.cell, on: Self.d("2019-10-01"), actor: .system)
            }
            #expect(twice.first?.message.contains("no committee member is assigned") == true)
            // The cell's secretary reads the history but cannot assign for the committee above.
            let secretary = CommitteeAssignments(db: db, scope: .restricted(units: [], organisations: [loaded.cell]))
            #expect(try await secretary.history(of: loaded.cell).count == 2)
            let refused = await MeetingTests.issues {
                try await secretary.assign(
                    cellID: loaded.cell, memberID: loaded["Ma Thị Lan"], from: Self.d("2019-12-01"), actor: .system)
            }
            #expect(refused.first?.message.contains("not found") == true)
            #expect(try await CommitteeAssignments(db: db, scope: .nothing).history(of: loaded.cell).isEmpty)
        }
    }

    @Test(
        "rules.md R11: the notice names each member told and how; minutes say if the assigned member came",
        arguments: TestDatabase.all)
    func notice(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let loaded = try await Self.load(db)
            try await CommitteeAssignments(db: db, scope: .everything).assign(
                cellID: loaded.cell, memberID: loaded["Ma Thị Lan"], from: Self.d("2019-01-01"), actor: .system)
            let meetings = CellMeetings(db: db, scope: .everything)
            func draft(_ notices: [NoticeEntry], noticeOn: String? = "2019-06-03") -> MeetingPlanDraft {
                MeetingPlanDraft(
                    kind: .regular, date: Self.d("2019-06-05"), scheduledStart: TimeOfDay("07:30")!,
                    noticeSentOn: noticeOn.map(Self.d), notifications: notices)
            }
            // Someone neither on the roll nor assigned, a person twice, or no notice day: refused, nothing written.
            let stranger = await MeetingTests.issues {
                _ = try await meetings.plan(
                    cellID: loaded.cell, draft([NoticeEntry(memberID: loaded["Hoàng Văn Hoan"], method: .phone)]),
                    actor: .system)
            }
            #expect(stranger.map(\.field) == ["notifications[0].memberID"])
            let twice = await MeetingTests.issues {
                _ = try await meetings.plan(
                    cellID: loaded.cell,
                    draft([
                        NoticeEntry(memberID: loaded["Lương Văn Ấn"], method: .phone),
                        NoticeEntry(memberID: loaded["Lương Văn Ấn"], method: .inPerson),
                    ]), actor: .system)
            }
            #expect(twice.map(\.field) == ["notifications[1].memberID"])
            let undated = await MeetingTests.issues {
                _ = try await meetings.plan(
                    cellID: loaded.cell,
                    draft([NoticeEntry(memberID: loaded["Lương Văn Ấn"], method: .phone)], noticeOn: nil),
                    actor: .system)
            }
            #expect(undated.map(\.field) == ["noticeSentOn"])
            #expect(try await meetings.meetings(of: loaded.cell).isEmpty)

            let planned = try await meetings.plan(
                cellID: loaded.cell,
                draft([
                    NoticeEntry(memberID: loaded["Lương Văn Ấn"], method: .inPerson),
                    NoticeEntry(memberID: loaded["Triệu Văn Ếch"], method: .loudspeaker),
                    NoticeEntry(memberID: loaded["Ma Thị Lan"], method: .phone),
                ]), actor: .system)
            var detail = try #require(try await meetings.detail(planned.id))
            #expect(detail.assignedCommitteeMember?.name == "Ma Thị Lan")
            #expect(
                detail.notifications.map { "\($0.member.name):\($0.method.rawValue):\($0.committeeMember)" } == [
                    "Ma Thị Lan:phone:true", "Lương Văn Ấn:inPerson:false", "Triệu Văn Ếch:loudspeaker:false",
                ])
            // Recorded again after more calls: the list is replaced while the meeting is still planned.
            try await meetings.recordNotice(
                planned.id,
                MeetingNoticeDraft(
                    noticeSentOn: Self.d("2019-06-04"),
                    notifications: [NoticeEntry(memberID: loaded["Triệu Văn Ếch"], method: .phone)]), actor: .system)
            detail = try #require(try await meetings.detail(planned.id))
            #expect(
                detail.notifications.map(\.method) == [.phone] && detail.meeting.noticeSentOn == Self.d("2019-06-04"))

            // The minutes may record only the assigned committee member as present.
            var entry = Self.entry(loaded, committeeMember: loaded["Hoàng Văn Hoan"])
            let wrong = await MeetingTests.issues {
                try await meetings.recordMinutes(planned.id, entry, actor: .system)
            }
            #expect(wrong.map(\.field) == ["committeeMemberID"])
            entry.committeeMemberID = loaded["Ma Thị Lan"]
            try await meetings.recordMinutes(planned.id, entry, actor: .system)
            #expect(try await meetings.detail(planned.id)?.body?.committeeMemberID == loaded["Ma Thị Lan"])
            // Once held, the notice is part of the record.
            let late = await MeetingTests.issues {
                try await meetings.recordNotice(
                    planned.id, MeetingNoticeDraft(noticeSentOn: Self.d("2019-06-04"), notifications: []),
                    actor: .system)
            }
            #expect(late.first?.message.contains("part of its record") == true)
            // A committee member typed as text is refused, not dropped.
            let typed = Data(
                #"{"kind": "regular", "date": "2019-06-05", "scheduledStart": "07:30", "notifiedCommitteeMember": "Ông A"}"#
                    .utf8)
            #expect(throws: InputError.self) { _ = try JSONDecoder().decode(MeetingPlanDraft.self, from: typed) }
        }
    }

    @Test(
        "rules.md R11: the commune dashboard counts each cell's meetings without its assigned committee member",
        arguments: TestDatabase.all)
    func dashboard(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let loaded = try await Self.load(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            func hold(_ day: String, committeeMember: UUID?) async throws {
                let id = try await meetings.plan(
                    cellID: loaded.cell,
                    MeetingPlanDraft(
                        kind: .regular, date: Self.d(day), scheduledStart: TimeOfDay("07:30")!,
                        noticeSentOn: Self.d(day).adding(days: -2)), actor: .system
                ).id
                try await meetings.recordMinutes(
                    id, Self.entry(loaded, committeeMember: committeeMember), actor: .system)
            }
            // January: nobody assigned yet. From February Lan is; she comes in February, not in March.
            try await hold("2019-01-08", committeeMember: nil)
            try await CommitteeAssignments(db: db, scope: .everything).assign(
                cellID: loaded.cell, memberID: loaded["Ma Thị Lan"], from: Self.d("2019-02-01"), actor: .system)
            try await hold("2019-02-12", committeeMember: loaded["Ma Thị Lan"])
            try await hold("2019-03-05", committeeMember: nil)
            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: Self.d("2019-03-31"))
            ).id
            let dashboard = CommuneDashboard(db: db, scope: .everything)
            let march = try #require(try await dashboard.load(unit: commune, asOf: Self.d("2019-03-31")))
            let row = try #require(march.cells.first { $0.cellID == loaded.cell })
            #expect(row.meetingsWithoutCommitteeMember == 2)
            #expect(row.assignedCommitteeMember?.name == "Ma Thị Lan")
            #expect(march.cellsWithoutCommitteeMember == 1)
            // As of 10 February only January's meeting is counted; the next year starts again.
            let february = try #require(try await dashboard.load(unit: commune, asOf: Self.d("2019-02-10")))
            #expect(february.cells.first { $0.cellID == loaded.cell }?.meetingsWithoutCommitteeMember == 1)
            let nextYear = try #require(try await dashboard.load(unit: commune, asOf: Self.d("2020-01-05")))
            #expect(nextYear.cells.first { $0.cellID == loaded.cell }?.meetingsWithoutCommitteeMember == 0)
            #expect(nextYear.cellsWithoutCommitteeMember == 0)
        }
    }

    @Test(
        "rules.md R11: a committee member typed before stays readable as a note; no person or notice is made up",
        arguments: TestDatabase.all)
    func legacyText(database: TestDatabase) async throws {
        try await database.withLocation { location in
            let context = try StorageContext(location: location)
            // The schema without assignments (later migrations kept, so today's writers load the fixture), with a
            // meeting whose committee member was typed.
            let before = Migrations()
            before.add(GanDanMigrations.all.filter { !($0 is AddCommitteeAssignments) })
            let migrator = Migrator(
                databases: context.databases, migrations: before, logger: context.logger,
                on: context.databases.eventLoopGroup.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            let loaded = try await Self.load(context.db)
            let id = try await CellMeetings(db: context.db, scope: .everything).plan(
                cellID: loaded.cell,
                MeetingPlanDraft(kind: .regular, date: Self.d("2019-03-05"), scheduledStart: TimeOfDay("07:30")!),
                actor: .system
            ).id
            let old = try #require(try await MeetingRecord.find(id, on: context.db))
            old.notifiedCommitteeMember = "Đ/c Lan, Đảng ủy viên"
            try await old.update(on: context.db)

            try await context.migrate()
            let detail = try #require(try await CellMeetings(db: context.db, scope: .everything).detail(id))
            #expect(detail.meeting.legacyCommitteeMemberNote == "Đ/c Lan, Đảng ủy viên")
            #expect(detail.assignedCommitteeMember == nil && detail.notifications.isEmpty)
            #expect(try await CommitteeAssignments(db: context.db, scope: .everything).history(of: loaded.cell).isEmpty)
            await context.shutdown()
        }
    }
}
