import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

/// A village cell's meetings as stored: minutes checked against the registry, versions, tasks, absences.
@Suite("Village-cell meetings in storage (rules.md R8–R12, A7)")
struct MeetingTests {
    /// Nà Coóc's cell: secretary, two full members, one probationary, one exempt.
    static var cellDataset: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Lương Văn Ấn", cell: "CB-00001.01", village: "00001.01",
                posts: [PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.01", validity: Fixtures.since)]),
            Fixtures.member("Ma Văn Bình", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member("Hoàng Thị Cúc", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member(
                "Nông Văn Dự", cell: "CB-00001.01", admitted: "2019-01-10", official: nil, village: "00001.01"),
            Fixtures.member(
                "Triệu Văn Ếch", cell: "CB-00001.01", status: .exempt, statusSince: "2015-01-01", village: "00001.01"),
        ]
        return dataset
    }

    struct Cell {
        var id: UUID
        var members: [String: UUID]

        subscript(_ name: String) -> UUID { members[name]! }
    }

    static func loadCell(_ db: any Database) async throws -> Cell {
        _ = try await DatasetWriter(db: db, scope: .everything).write(cellDataset, actor: .system)
        let cell = try #require(
            try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01"))
        let roster = try await CellDirectory(db: db, scope: .everything).roster(
            of: cell.id, on: Fixtures.date("2019-06-01"))
        return Cell(
            id: cell.id,
            members: Dictionary(uniqueKeysWithValues: roster.map { ($0.member.fullName, $0.member.id) }))
    }

    static func plan(_ meetings: CellMeetings, _ cell: Cell, _ date: String, kind: MeetingKind = .regular) async throws
        -> UUID
    {
        let day = Fixtures.date(date)
        return try await meetings.plan(
            cellID: cell.id,
            MeetingPlanDraft(
                kind: kind, date: day, scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                topic: kind == .regular ? nil : "Mở rộng diện tích trồng lê", noticeSentOn: day.adding(days: -2)),
            actor: .system
        ).id
    }

    /// Everyone present except the given absences; 7:30–9:15 (105 minutes).
    static func entry(
        _ cell: Cell, absent: [String: AttendanceMark] = [:], end: String = "09:15", conclusion: String = "Thống nhất",
        tasks: [MemberTaskDraft] = [], reviews: [MemberTaskReview] = [], reason: String? = nil
    ) -> MinutesEntry {
        MinutesEntry(
            startTime: TimeOfDay("07:30")!, endTime: TimeOfDay(end)!,
            attendance: cell.members.sorted { $0.key < $1.key }.map { name, id in
                let mark = absent[name] ?? .present
                return AttendanceEntry(memberID: id, mark: mark, reason: mark == .excused ? "Ốm" : nil)
            }, chairID: cell["Lương Văn Ấn"],
            recorderID: ["Ma Văn Bình", "Hoàng Thị Cúc", "Nông Văn Dự"].first { absent[$0] == nil }.map { cell[$0] },
            agenda: ["Kiểm điểm tháng"],
            lastMonthReview: "Đã kiểm điểm", conclusion: conclusion, tasks: tasks, reviews: reviews,
            correctionReason: reason)
    }

    static func issues(_ body: () async throws -> Void) async -> [InputIssue] {
        do {
            try await body()
        } catch let error as InputError {
            return error.issues
        } catch let error as StorageError {
            return [InputIssue(message: error.description)]
        } catch {
            return [InputIssue(message: "\(error)")]
        }
        return []
    }

    @Test(
        "the roll comes from the registry: present + absent must equal the expected members",
        arguments: TestDatabase.all)
    func rollArithmetic(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let id = try await Self.plan(meetings, cell, "2019-06-05")
            var missing = Self.entry(cell)
            missing.attendance.removeAll { $0.memberID == cell["Hoàng Thị Cúc"] }
            let problems = await Self.issues { try await meetings.recordMinutes(id, missing, actor: .system) }
            #expect(problems.contains { $0.message.contains("Hoàng Thị Cúc is on the roll but not marked") })
            #expect(
                problems.contains {
                    $0.field == "attendance" && $0.message.contains("do not add up to the 4 members expected")
                })

            let backwards = await Self.issues {
                try await meetings.recordMinutes(id, Self.entry(cell, end: "07:00"), actor: .system)
            }
            #expect(backwards.map(\.field) == ["endTime"])
            #expect(try await meetings.detail(id)?.meeting.status == .planned)

            try await meetings.recordMinutes(id, Self.entry(cell, absent: ["Triệu Văn Ếch": .excused]), actor: .system)
            let detail = try #require(try await meetings.detail(id))
            #expect(detail.meeting.status == .held)
            #expect(detail.body?.minutes.roll == MeetingRoll(full: 3, probationary: 1, exempt: 1))
            #expect(detail.meeting.present == 4)
            #expect(detail.meeting.expected == 4)
            #expect(detail.meeting.durationMinutes == 105)
            #expect(detail.meeting.quality == 100)
        }
    }

    @Test("a combined thematic meeting needs 120 minutes and a topic (rules.md R8, R9)", arguments: TestDatabase.all)
    func combinedDuration(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let untitled = await Self.issues {
                _ = try await meetings.plan(
                    cellID: cell.id,
                    MeetingPlanDraft(
                        kind: .thematic, date: Fixtures.date("2019-06-05"), scheduledStart: TimeOfDay("07:30")!),
                    actor: .system)
            }
            #expect(untitled.map(\.field) == ["topic"])
            let id = try await Self.plan(meetings, cell, "2019-06-05", kind: .combined)
            let warnings = try await meetings.recordMinutes(id, Self.entry(cell), actor: .system)
            #expect(warnings.contains { $0.hasPrefix("endTime") && $0.contains("120-minute minimum") })
            #expect(try await meetings.detail(id)?.breaches == [.short(minutes: 105, minimum: 120)])
            try await meetings.recordMinutes(
                id, Self.entry(cell, end: "09:30", reason: "Sửa giờ kết thúc"), actor: .system)
            #expect(try await meetings.detail(id)?.breaches == [])
        }
    }

    @Test(
        "a 45-minute meeting called the same day is recorded, scored down and flagged (rules.md R8, R11)",
        arguments: TestDatabase.all)
    func shortLateMeetingIsRecordedAndFlagged(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let day = Fixtures.date("2019-06-05")
            let short = try await meetings.plan(
                cellID: cell.id,
                MeetingPlanDraft(
                    kind: .regular, date: day, scheduledStart: TimeOfDay(hour: 7, minute: 30)!, noticeSentOn: day),
                actor: .system
            ).id
            let warnings = try await meetings.recordMinutes(short, Self.entry(cell, end: "08:15"), actor: .system)
            #expect(warnings.count == 2)
            let detail = try #require(try await meetings.detail(short))
            #expect(detail.meeting.status == .held)
            #expect(detail.meeting.durationMinutes == 45)
            #expect(detail.breaches == [.short(minutes: 45, minimum: 90), .lateNotice(daysAhead: 0, required: 1)])
            #expect(detail.breaches.map { $0.label.vi }.allSatisfy { !$0.contains("rules.md") })
            // Duration (20) and prepared topics (15, late notice) are lost: 65 of 100.
            #expect(detail.meeting.quality == 65)

            let wellKept = try await Self.plan(meetings, cell, "2019-06-20")
            try await meetings.recordMinutes(wellKept, Self.entry(cell), actor: .system)
            #expect(try await meetings.detail(wellKept)?.breaches == [])

            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: day)
            ).id
            let report = try #require(
                try await CommuneDashboard(db: db, scope: .everything).load(
                    unit: commune, asOf: Fixtures.date("2019-06-30")))
            #expect(report.flaggedMeetings.map(\.meetingID) == [short])
            #expect(report.flaggedMeetings.first?.breaches.count == 2)
            let nextMonth = try #require(
                try await CommuneDashboard(db: db, scope: .everything).load(
                    unit: commune, asOf: Fixtures.date("2019-07-10")))
            #expect(nextMonth.flaggedMeetings.isEmpty)
        }
    }

    @Test("a correction is a new version; the old text stays readable (rules.md R10)", arguments: TestDatabase.all)
    func correctionVersions(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let id = try await Self.plan(meetings, cell, "2019-06-05")
            try await meetings.recordMinutes(id, Self.entry(cell, conclusion: "Bản đầu"), actor: Actor(name: "a"))
            let unexplained = await Self.issues {
                try await meetings.recordMinutes(id, Self.entry(cell, conclusion: "Bản sửa"), actor: .system)
            }
            #expect(unexplained.map(\.field) == ["correctionReason"])
            try await meetings.recordMinutes(
                id,
                Self.entry(
                    cell, absent: ["Ma Văn Bình": .unexcused], conclusion: "Bản sửa", reason: "Ghi nhầm điểm danh"),
                actor: Actor(name: "b"))
            let current = try #require(try await meetings.detail(id))
            #expect(current.meeting.version == 2)
            #expect(current.body?.minutes.conclusion == "Bản sửa")
            #expect(current.versions.map(\.version) == [1, 2])
            #expect(current.versions.last?.correctionReason == "Ghi nhầm điểm danh")
            #expect(current.meeting.present == 3)
            let old = try #require(try await meetings.detail(id, version: 1))
            #expect(old.body?.minutes.conclusion == "Bản đầu")
            #expect(old.shownVersion == 1)
            await #expect(throws: StorageError.self) { try await meetings.detail(id, version: 3) }
            let rows = try await AttendanceRecordRow.query(on: db).filter(\.$meetingID == id).all()
            #expect(rows.filter { $0.status == "unexcused" }.map(\.memberID) == [cell["Ma Văn Bình"]])
        }
    }

    @Test("tasks assigned at one meeting are reviewed at the next, once (rules.md A7)", arguments: TestDatabase.all)
    func taskLifecycle(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2019-06-01")))
            let household = try await HouseholdRegister(db: db, scope: .everything).add(
                HouseholdDraft(headName: "Hoàng Văn Páo", size: 5, year: 2019, status: .poor), village: village.id,
                actor: .system)
            let meetings = CellMeetings(db: db, scope: .everything)
            let june = try await Self.plan(meetings, cell, "2019-06-05")
            let tasks = [
                MemberTaskDraft(
                    kind: .poorHouseholds, description: "Giúp hộ ông Páo làm chuồng trại",
                    assigneeIDs: [cell["Ma Văn Bình"].uuidString], due: YearMonth("2019-07")!,
                    householdIDs: [household.id.uuidString]),
                MemberTaskDraft(
                    kind: .ruralCriterion, description: "Vận động dọn vệ sinh đường thôn",
                    assigneeIDs: [cell["Hoàng Thị Cúc"].uuidString, cell["Nông Văn Dự"].uuidString],
                    due: YearMonth("2019-07")!, criterionSetID: "2016-2020", criterionNumber: 17),
            ]
            var badTask = tasks[0]
            badTask.householdIDs = [UUID().uuidString]
            badTask.assigneeIDs = [UUID().uuidString]
            let refused = await Self.issues {
                try await meetings.recordMinutes(june, Self.entry(cell, tasks: [badTask]), actor: .system)
            }
            #expect(refused.map(\.field) == ["tasks[0].assigneeIDs[0]", "tasks[0].householdIDs[0]"])

            try await meetings.recordMinutes(june, Self.entry(cell, tasks: tasks), actor: .system)
            let open = try await meetings.tasks(of: cell.id, openOnly: true)
            #expect(open.count == 2)
            let help = try #require(open.first { $0.kind == .poorHouseholds })
            #expect(help.households.map(\.name) == ["Hoàng Văn Páo"])
            #expect(
                try await HouseholdRegister(db: db, scope: .everything).households(ofVillage: village.id, year: 2019)
                    .first?.openTasks == 1)

            let selfReview = await Self.issues {
                try await meetings.recordMinutes(
                    june,
                    Self.entry(
                        cell, tasks: tasks,
                        reviews: [MemberTaskReview(taskID: help.id.uuidString, status: .done, outcome: "")],
                        reason: "Bổ sung"), actor: .system)
            }
            #expect(selfReview.contains { $0.message.contains("later meeting than the one that assigned it") })

            let july = try await Self.plan(meetings, cell, "2019-07-05")
            try await meetings.recordMinutes(
                july,
                Self.entry(
                    cell, reviews: [MemberTaskReview(taskID: help.id.uuidString, status: .done, outcome: "Đã làm xong")]
                ),
                actor: .system)
            let afterJuly = try await meetings.tasks(of: cell.id)
            #expect(afterJuly.first { $0.id == help.id }?.status == .done)
            #expect(afterJuly.first { $0.id == help.id }?.reviewedMeetingID == july)
            #expect(afterJuly.filter { $0.status.isOpen }.count == 1)
            #expect(try await meetings.detail(july)?.tasksReviewed.map(\.id) == [help.id])

            let august = try await Self.plan(meetings, cell, "2019-08-05")
            let twice = await Self.issues {
                try await meetings.recordMinutes(
                    august,
                    Self.entry(
                        cell, reviews: [MemberTaskReview(taskID: help.id.uuidString, status: .done, outcome: "")]),
                    actor: .system)
            }
            #expect(twice.contains { $0.message.contains("already reviewed at another meeting") })

            // Correcting July's minutes without the review reopens the task.
            try await meetings.recordMinutes(july, Self.entry(cell, reason: "Chưa kiểm điểm"), actor: .system)
            #expect(try await meetings.tasks(of: cell.id, openOnly: true).count == 2)
        }
    }

    @Test(
        "3 unexcused absences in one calendar year flag a member; excused absences and exempt members do not (rules.md R12)",
        arguments: TestDatabase.all)
    func absenceFlags(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let plan: [(String, [String: AttendanceMark])] = [
                ("2019-11-05", ["Ma Văn Bình": .unexcused, "Hoàng Thị Cúc": .unexcused]),
                ("2019-12-05", ["Ma Văn Bình": .unexcused, "Hoàng Thị Cúc": .unexcused, "Triệu Văn Ếch": .excused]),
                ("2020-01-06", ["Ma Văn Bình": .excused, "Hoàng Thị Cúc": .unexcused]),
                ("2020-02-05", ["Ma Văn Bình": .unexcused, "Triệu Văn Ếch": .excused]),
                ("2020-03-05", ["Ma Văn Bình": .unexcused, "Triệu Văn Ếch": .excused]),
                ("2020-04-06", ["Ma Văn Bình": .unexcused, "Triệu Văn Ếch": .excused]),
            ]
            for (date, absent) in plan {
                let id = try await Self.plan(meetings, cell, date)
                try await meetings.recordMinutes(id, Self.entry(cell, absent: absent), actor: .system)
            }
            // Cúc: 2 in 2019 and 1 in 2020 — not 3 in one year. Bình: 2 in 2019, then 3 in 2020.
            #expect(try await meetings.absenceFlags(of: cell.id, year: 2019).isEmpty)
            let flags = try await meetings.absenceFlags(of: cell.id, year: 2020)
            #expect(flags.map(\.member.name) == ["Ma Văn Bình"])
            #expect(flags.first?.dates.map(\.iso) == ["2020-02-05", "2020-03-05", "2020-04-06"])
            let trend = try await meetings.qualityTrend(
                of: cell.id, from: Fixtures.date("2019-01-01"), until: Fixtures.date("2021-01-01"))
            #expect(trend.map(\.month.iso) == ["2019-11", "2019-12", "2020-01", "2020-02", "2020-03", "2020-04"])
        }
    }

    @Test(
        "a member transferred mid-year keeps the year's unexcused absences from the old cell (rules.md R12)",
        arguments: TestDatabase.all)
    func absencesAcrossCells(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Self.cellDataset
            dataset.members += [
                Fixtures.member(
                    "Lò Văn Giang", cell: "CB-00001.02",
                    posts: [PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.02", validity: Fixtures.since)]
                ),
                Fixtures.member("Đinh Thị Hoa", cell: "CB-00001.02"),
                Fixtures.member("Hà Văn Ích", cell: "CB-00001.02"),
            ]
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset, actor: .system)
            let tree = OrganisationTree(db: db, scope: .everything)
            let naCoocID = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let naLangID = try #require(try await tree.organisation(code: "CB-00001.02")).id
            let directory = CellDirectory(db: db, scope: .everything)
            func cell(_ id: UUID, on day: String) async throws -> Cell {
                let roster = try await directory.roster(of: id, on: Fixtures.date(day))
                return Cell(
                    id: id, members: Dictionary(uniqueKeysWithValues: roster.map { ($0.member.fullName, $0.member.id) })
                )
            }
            let meetings = CellMeetings(db: db, scope: .everything)
            let naCooc = try await cell(naCoocID, on: "2020-01-01")
            for date in ["2020-01-06", "2020-02-05"] {
                let id = try await Self.plan(meetings, naCooc, date)
                try await meetings.recordMinutes(
                    id, Self.entry(naCooc, absent: ["Ma Văn Bình": .unexcused]), actor: .system)
            }
            try await MembershipWriter(db: db, scope: .everything).transfer(
                naCooc["Ma Văn Bình"], to: naLangID, on: Fixtures.date("2020-02-20"), kind: .internal)
            let naLang = try await cell(naLangID, on: "2020-03-01")
            #expect(naLang.members.keys.contains("Ma Văn Bình"))
            let march = try await Self.plan(meetings, naLang, "2020-03-05")
            let marchEntry = MinutesEntry(
                startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("09:15")!,
                attendance: naLang.members.sorted { $0.key < $1.key }.map { name, id in
                    AttendanceEntry(memberID: id, mark: name == "Ma Văn Bình" ? .unexcused : .present)
                }, chairID: naLang["Lò Văn Giang"], recorderID: naLang["Đinh Thị Hoa"], agenda: ["Kiểm điểm tháng"],
                lastMonthReview: "Đã kiểm điểm", conclusion: "Thống nhất")
            try await meetings.recordMinutes(march, marchEntry, actor: .system)

            let flags = try await meetings.absenceFlags(of: naLangID, year: 2020)
            #expect(flags.map(\.member.name) == ["Ma Văn Bình"])
            #expect(flags.first?.dates.map(\.iso) == ["2020-01-06", "2020-02-05", "2020-03-05"])
            // He was on Nà Coóc's roll in 2020 too, so its list shows the same count; 2019 has none.
            #expect(try await meetings.absenceFlags(of: naCoocID, year: 2020).map(\.member.name) == ["Ma Văn Bình"])
            #expect(try await meetings.absenceFlags(of: naLangID, year: 2019).isEmpty)
        }
    }

    @Test("the yearly thematic plan warns about a quarter without a topic (rules.md R9)", arguments: TestDatabase.all)
    func thematicPlan(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let topics = ["2019-02", "2019-05", "2019-11"].map {
                ThematicTopic(month: YearMonth($0)!, title: "Chuyên đề \($0)")
            }
            let warnings = try await meetings.saveThematicPlan(
                of: cell.id, ThematicPlan(year: 2019, topics: topics), actor: .system)
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("Quarter 3") == true)
            #expect(try await meetings.thematicPlan(of: cell.id, year: 2019)?.topics.count == 3)
            let wrongYear = await Self.issues {
                try await meetings.saveThematicPlan(
                    of: cell.id,
                    ThematicPlan(year: 2019, topics: [ThematicTopic(month: YearMonth("2020-01")!, title: "Sai năm")]),
                    actor: .system)
            }
            #expect(wrongYear.map(\.field) == ["topics[0].month"])
            #expect(try await meetings.thematicPlan(of: cell.id, year: 2019)?.topics.count == 3)
        }
    }

    @Test("households carry a status per year under the standard in force (rules.md R25)", arguments: TestDatabase.all)
    func households(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.loadCell(db)
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2019-06-01")))
            let register = HouseholdRegister(db: db, scope: .everything)
            let a = try await register.add(
                HouseholdDraft(headName: "Bàn Văn Sình", size: 4, year: 2019, status: .poor), village: village.id,
                actor: .system)
            _ = try await register.add(
                HouseholdDraft(headName: "Lý Thị Mai", year: 2019, status: .nearPoor), village: village.id,
                actor: .system)
            try await register.setStatus(a.id, year: 2020, status: .escaped, actor: .system)
            try await register.setStatus(a.id, year: 2023, status: .notPoor, actor: .system)
            #expect(
                try await register.counts(ofVillages: [village.id], year: 2019)[village.id]
                    == PovertyCount(poor: 1, nearPoor: 1))
            #expect(
                try await register.counts(ofVillages: [village.id], year: 2020)[village.id] == PovertyCount(escaped: 1))
            let in2023 = try await register.households(ofVillage: village.id, year: 2023)
            #expect(in2023.first { $0.id == a.id }?.standardID == "2022-2025")
            #expect(try await register.households(ofVillage: village.id, year: 2019).first?.standardID == "2016-2020")
            let refused = await Self.issues {
                _ = try await register.add(
                    HouseholdDraft(headName: " ", size: 0, year: 2010, status: .poor), village: village.id,
                    actor: .system)
            }
            #expect(refused.map(\.field) == ["headName", "size", "year"])
        }
    }

    @Test(
        "R25: a household's survey decides its status by the standard of the year: 700,000 is poor and 700,001 with 2 deprivations near-poor in 2019, 1,400,000 with 2 near-poor in 2023; a status the lines contradict is refused",
        arguments: TestDatabase.all)
    func householdSurvey(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.loadCell(db)
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2019-06-01")))
            let register = HouseholdRegister(db: db, scope: .everything)
            let poor = HouseholdSurvey(income: 850_000, deprivations: 3)
            let sinh = try await register.add(
                HouseholdDraft(headName: "Bàn Văn Sình", year: 2019, status: .poor, survey: poor), village: village.id,
                actor: .system)
            // The same figures under 2022–2025 (1,500,000 and 3 of 12) are poor too; 2 deprivations are near-poor.
            try await register.setStatus(sinh.id, year: 2023, status: .poor, survey: poor, actor: .system)
            let refused = await Self.issues {
                try await register.setStatus(
                    sinh.id, year: 2023, status: .poor, survey: HouseholdSurvey(income: 1_400_000, deprivations: 2),
                    actor: .system)
            }
            #expect(refused.map(\.field) == ["status"])
            #expect(refused.first?.message.contains("near-poor under the 2022-2025 standard") == true)
            // 2019: 700,000 is poor with no deprivation; 700,001 with 2 is near-poor, not poor.
            _ = try await register.add(
                HouseholdDraft(
                    headName: "Lý Thị Mai", year: 2019, status: .poor,
                    survey: HouseholdSurvey(income: 700_000, deprivations: 0)), village: village.id, actor: .system)
            let nearPoor = await Self.issues {
                _ = try await register.add(
                    HouseholdDraft(
                        headName: "Hà Văn Tải", year: 2019, status: .poor,
                        survey: HouseholdSurvey(income: 700_001, deprivations: 2)), village: village.id, actor: .system)
            }
            #expect(nearPoor.map(\.field) == ["status"])
            let tooMany = await Self.issues {
                _ = try await register.add(
                    HouseholdDraft(
                        headName: "Hà Văn Tải", year: 2019, status: .poor,
                        survey: HouseholdSurvey(income: 700_001, deprivations: 11)), village: village.id,
                    actor: .system)
            }
            #expect(tooMany.map(\.field) == ["survey.deprivations"])
            // Above 1,000,000 the household has left poverty: "escaped" and "not poor" both agree with the lines.
            try await register.setStatus(
                sinh.id, year: 2020, status: .escaped, survey: HouseholdSurvey(income: 1_000_001, deprivations: 4),
                actor: .system)
            #expect(
                try await register.counts(ofVillages: [village.id], year: 2019)[village.id] == PovertyCount(poor: 2))
            #expect(
                try await register.counts(ofVillages: [village.id], year: 2020)[village.id] == PovertyCount(escaped: 1))
        }
    }

    @Test(
        "a village's criteria are recorded against the set in force that year (rules.md R24)",
        arguments: TestDatabase.all)
    func criteria(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.loadCell(db)
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2019-06-01")))
            let criteria = VillageCriteria(db: db, scope: .everything)
            try await criteria.record(
                village: village.id, year: 2019, met: [17: true, 1: true, 2: false], actor: .system)
            let report = try #require(try await criteria.report(village: village.id, year: 2019))
            #expect(report.set.id == "2016-2020")
            #expect(report.criteria.count == 19)
            #expect(report.metCount == 2)
            #expect(report.criteria.first { $0.isEnvironment }?.number == 17)
            let later = try #require(try await criteria.report(village: village.id, year: 2027))
            #expect(later.set.id == "2026-2030")
            #expect(later.criteria.count == 10)
            #expect(later.criteria.first { $0.isEnvironment }?.number == 8)
            #expect(later.metCount == 0)
            let refused = await Self.issues {
                try await criteria.record(village: village.id, year: 2027, met: [17: true], actor: .system)
            }
            #expect(refused.map(\.field) == ["met.17"])
        }
    }

    @Test(
        "R24: a village's criteria are recorded against the sets of a province's file, not only the built-in ones",
        arguments: TestDatabase.all)
    func criteriaFromFile(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.loadCell(db)
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2019-06-01")))
            let criteria = (1...11).map { #"{"number": \#($0), "vi": "Tiêu chí \#($0)", "en": "Criterion \#($0)"}"# }
            let file = """
                {"criteria_sets": [{"id": "2026-2030", "decision": "51/2025/QĐ-TTg (tỉnh bổ sung)",
                  "valid_from": "2026-02-15", "valid_until": "2031-01-01", "environment_number": 11,
                  "criteria": [\(criteria.joined(separator: ", "))]}]}
                """
            let sets = try RuralCriteriaSet.read(json: Data(file.utf8))
            let provincial = VillageCriteria(db: db, scope: .everything, sets: sets)
            try await provincial.record(village: village.id, year: 2027, met: [11: true], actor: .system)
            let report = try #require(try await provincial.report(village: village.id, year: 2027))
            #expect(report.set.decision == "51/2025/QĐ-TTg (tỉnh bổ sung)")
            #expect(report.criteria.count == 11 && report.metCount == 1)
            #expect(report.criteria.first { $0.isEnvironment }?.number == 11)
            let builtIn = await Self.issues {
                try await VillageCriteria(db: db, scope: .everything).record(
                    village: village.id, year: 2027, met: [11: true], actor: .system)
            }
            #expect(builtIn.map(\.field) == ["met.11"])
        }
    }

    @Test(
        "a month without its regular meeting is flagged; a thematic meeting does not replace it (rules.md R7, R9)",
        arguments: TestDatabase.all)
    func calendarGaps(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            for (date, kind, end) in [
                ("2019-01-14", MeetingKind.regular, "09:15"), ("2019-02-11", .thematic, "09:15"),
                ("2019-04-08", .combined, "09:45"),
            ] {
                let id = try await Self.plan(meetings, cell, date, kind: kind)
                try await meetings.recordMinutes(id, Self.entry(cell, end: end), actor: .system)
            }
            _ = try await Self.plan(meetings, cell, "2019-05-06")
            let gaps = try #require(
                try await meetings.calendarGaps(of: cell.id, year: 2019, asOf: Fixtures.date("2019-07-15")))
            #expect(gaps.monthsWithoutMeeting.map(\.iso) == ["2019-02", "2019-03", "2019-05", "2019-06"])
            #expect(gaps.quartersWithoutThematic == [])
            let later = try #require(
                try await meetings.calendarGaps(of: cell.id, year: 2019, asOf: Fixtures.date("2020-01-01")))
            #expect(later.quartersWithoutThematic == [3, 4])
        }
    }

    @Test(
        "a member here temporarily takes part but is not on the roll and has no vote (rules.md R4, R13)",
        arguments: TestDatabase.all)
    func temporaryMember(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Self.cellDataset
            var visitor = Fixtures.member("Đàm Văn Khách", cell: "CQ-00001", village: "00001.02")
            visitor.temporaryCellCode = "CB-00001.01"
            dataset.members.append(visitor)
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset, actor: .system)
            let cellID = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01")
            ).id
            let roster = try await CellDirectory(db: db, scope: .everything).roster(
                of: cellID, on: Fixtures.date("2019-06-01"))
            let cell = Cell(
                id: cellID, members: Dictionary(uniqueKeysWithValues: roster.map { ($0.member.fullName, $0.member.id) })
            )
            let meetings = CellMeetings(db: db, scope: .everything)
            let id = try await Self.plan(meetings, cell, "2019-06-05")
            var entry = Self.entry(cell)
            entry.votes = [MeetingVote(subject: "Nghị quyết", inFavour: 5, against: 0)]
            let refused = await Self.issues { try await meetings.recordMinutes(id, entry, actor: .system) }
            #expect(refused.map(\.field) == ["votes[0]"])
            entry.votes = [MeetingVote(subject: "Nghị quyết", inFavour: 4, against: 0)]
            try await meetings.recordMinutes(id, entry, actor: .system)
            let detail = try #require(try await meetings.detail(id))
            #expect(detail.body?.minutes.roll == MeetingRoll(full: 3, probationary: 1, exempt: 1))
            #expect(detail.meeting.expected == 4)
            #expect(detail.body?.minutes.attendance.contains { $0.temporary } == true)
        }
    }
}
