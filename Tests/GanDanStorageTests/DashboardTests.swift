import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Dashboards as of a date (rules.md A1–A3, A5, A7, A8, R4, R7, R26)")
struct DashboardTests {
    static func d(_ text: String) -> CivilDate { Fixtures.date(text) }

    /// The fixture tree with a key leader and an ordinary member in the agency cell and the Nà Coóc secretary.
    static var placementTree: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan",
                posts: [
                    PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: Fixtures.since)
                ]),
            Fixtures.member("Ma Văn Ba", village: "00001.02"),
            Fixtures.member("Hoàng Văn Tài", cell: "CB-00001.01", village: "00001.01"),
        ]
        return dataset
    }

    static let givenNames = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Khánh", "Lâm", "Minh"]

    /// Nà Coóc: one full member, one probationary, one suspended, one who left, one who joins in June 2019.
    /// Nà Làng: nine full members (rules.md A5).
    static var rollTree: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member("Hoàng Văn Tài", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member("Lý Văn Một", cell: "CB-00001.01", admitted: "2018-10-01", official: nil),
            Fixtures.member(
                "Đặng Văn Ba", cell: "CB-00001.01", status: .suspended, statusSince: "2019-01-01"),
            Fixtures.member("Triệu Văn Bốn", cell: "CB-00001.01", status: .left, statusSince: "2019-03-01"),
            Fixtures.member("Bàn Văn Hai", cell: "CB-00001.01", joined: "2019-06-01"),
        ]
        for index in 0..<9 {
            dataset.members.append(Fixtures.member("Nông Văn \(givenNames[index])", cell: "CB-00001.02"))
        }
        return dataset
    }

    @Test(
        "the district dashboard before and after the placement, and the deadline as it passes",
        arguments: TestDatabase.all)
    func district(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.placementTree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let district = try #require(try await tree.unit(code: "001", on: Self.d("2019-03-01")))
            let commune = try #require(try await tree.unit(code: "00001", on: Self.d("2019-03-01")))
            _ = try await Directives(db: db, scope: .everything).create(
                title: "Giải thể chi bộ cơ quan xã", legalBasis: "KL 38", deadline: Self.d("2019-04-20"),
                unitID: district.id, plannedOn: Self.d("2019-03-15"), actor: .system)
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: district.id, on: Self.d("2019-04-01"), actor: .system)
            _ = try await plans.approve(
                plan.id, version: plan.version, decisionDate: Self.d("2019-04-25"), actor: .system)
            let dashboard = DistrictDashboard(db: db, scope: .everything)

            let early = try #require(try await dashboard.load(unit: district.id, asOf: Self.d("2019-03-01")))
            #expect(early.communes.map(\.agencyCells) == [0])
            #expect(early.communes.first?.status == DeadlineStatus.notPlanned)

            let before = try #require(try await dashboard.load(unit: district.id, asOf: Self.d("2019-04-10")))
            let row = try #require(before.communes.first { $0.communeID == commune.id })
            #expect(row.communeName == "Thanh Tương")
            #expect(row.agencyCells == 1 && row.dissolved == 0 && row.completedOn == nil)
            #expect(row.status == .open)
            #expect(row.membersToMove == 2 && row.membersMoved == 0)
            #expect(row.leadersToMove == 1 && row.leadersMoved == 0)
            #expect(row.villageCells == 2 && row.villageCellsReceived == 0 && row.villageCellsWithLeader == 0)
            #expect(row.weakCells == 1 && row.weakCellsWithLeader == 0)
            #expect(row.placed == 0)
            let overdue = try #require(try await dashboard.load(unit: district.id, asOf: Self.d("2019-04-24")))
            #expect(overdue.communes.first?.status == .overdue)
            #expect(overdue.totals.status == .overdue)

            let after = try #require(try await dashboard.load(unit: district.id, asOf: Self.d("2019-04-25")))
            let done = try #require(after.communes.first { $0.communeID == commune.id })
            #expect(done.agencyCells == 1 && done.dissolved == 1 && done.completedOn == Self.d("2019-04-25"))
            #expect(done.status == .late)
            #expect(done.membersToMove == 2 && done.membersMoved == 2)
            #expect(done.leadersToMove == 1 && done.leadersMoved == 1)
            #expect(done.villageCellsReceived >= 1 && done.villageCellsWithLeader == 1)
            // Hoan goes to Nà Coóc, the far weak cell (rules.md A3).
            #expect(done.weakCells == 1 && done.weakCellsWithLeader == 1)
            #expect(done.planned == 2 && done.placed == 2)
            #expect(after.totals.membersMoved == 2 && after.totals.dissolved == 1)
            #expect(after.ranking.map(\.unitName) == ["Huyện Mẫu"])
            #expect(after.ranking.first?.completedOn == Self.d("2019-04-25"))
            #expect(before.ranking.first?.completedOn == nil)

            // The lists behind the figures hold exactly the counted members.
            let hoan = try #require(
                try await MemberDirectory(db: db, scope: .everything).search(
                    .init(text: "Hoan", date: Self.d("2019-04-25"))
                ).items.first)
            #expect(
                try await dashboard.members(.leadersMoved, commune: commune.id, asOf: Self.d("2019-04-25")) == [hoan.id]
            )
            #expect(try await dashboard.members(.leadersMoved, commune: commune.id, asOf: Self.d("2019-04-24")).isEmpty)
            #expect(try await dashboard.members(.moved, commune: commune.id, asOf: Self.d("2019-04-25")).count == 2)
            // The commune's own view: the district's plan and the district's rank still count.
            let own = try #require(try await dashboard.load(unit: commune.id, asOf: Self.d("2019-04-25")))
            #expect(own.communes.map(\.planned) == [2] && own.communes.map(\.placed) == [2])
            #expect(own.communes.map(\.districtName) == ["Huyện Mẫu"])
            #expect(own.ranking.map(\.unitName) == ["Huyện Mẫu"])
            #expect(try await dashboard.members(.placed, commune: commune.id, asOf: Self.d("2019-04-25")).count == 2)

            // The province view holds the same commune; a province ranks its districts too.
            let province = try #require(try await tree.unit(code: "01", on: Self.d("2019-04-25")))
            let whole = try #require(try await dashboard.load(unit: province.id, asOf: Self.d("2019-04-25")))
            #expect(whole.communes.map(\.districtName) == ["Huyện Mẫu"])
            #expect(whole.totals.membersMoved == 2)

            // Renamed later: the old name before, the new one after (rules.md R26).
            try await UnitWriter(db: db, scope: .everything).change(
                commune.id, on: Self.d("2020-01-01"), .init(name: "Thanh Tương Mới"))
            let renamed = try #require(try await dashboard.load(unit: district.id, asOf: Self.d("2020-02-01")))
            #expect(renamed.communes.map(\.communeName) == ["Thanh Tương Mới"])
            #expect(renamed.communes.first?.membersMoved == 2)
            let old = try #require(try await dashboard.load(unit: district.id, asOf: Self.d("2019-12-31")))
            #expect(old.communes.map(\.communeName) == ["Thanh Tương"])
            #expect(try await dashboard.load(unit: district.id, asOf: Self.d("2007-01-01")) == nil)
        }
    }

    @Test("cells at a glance: rolls, rating, meetings, tasks and feedback as they stood", arguments: TestDatabase.all)
    func commune(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.rollTree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Self.d("2019-01-01")))
            let naCooc = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let naLang = try #require(try await tree.organisation(code: "CB-00001.02")).id
            let april = try await Self.meeting(db, cell: naCooc, on: "2019-04-10")
            let may = try await Self.meeting(db, cell: naCooc, on: "2019-05-08")
            _ = try await Self.meeting(db, cell: naCooc, on: "2019-05-20", status: .planned)
            try await Self.task(db, cell: naCooc, meeting: april, position: 0, reviewedAt: may)
            try await Self.task(db, cell: naCooc, meeting: may, position: 0, reviewedAt: nil)
            let book = FeedbackBook(db: db, scope: .everything)
            let item = try await book.record(
                cellID: naCooc,
                CitizenFeedback(
                    receivedOn: Self.d("2019-05-02"), receivedBy: "Hoàng Văn Tài", topic: .infrastructure,
                    summary: "Đường vào bản sạt lở"), actor: .system)
            _ = try await book.apply(
                .forward(on: Self.d("2019-05-20"), to: .communePeoplesCommittee, detail: nil), to: item.id,
                actor: .system)
            let dashboard = CommuneDashboard(db: db, scope: .everything)
            let cells = CellDirectory(db: db, scope: .everything)
            let meetings = CellMeetings(db: db, scope: .everything)

            func glance(_ day: String, _ cell: UUID) async throws -> CellGlance {
                let report = try await dashboard.load(unit: commune.id, asOf: Self.d(day))
                guard let found = report?.cells.first(where: { $0.cellID == cell }) else {
                    Issue.record("no row for the cell on \(day)")
                    throw StorageError.notFound("cell \(cell) on \(day)")
                }
                return found
            }

            // Early April 2019: the 2018 rating is made, no meeting yet; the agency cell is a cell too.
            let report = try #require(try await dashboard.load(unit: commune.id, asOf: Self.d("2019-04-01")))
            #expect(report.cells.count == 3)
            let first = try await glance("2019-04-01", naCooc)
            #expect(first.lastRating?.year == 2018 && first.lastRating?.level == .notCompleted)
            #expect(first.lastRating?.weak == true)
            #expect(first.lastMeetingID == nil && first.noMeetingThisMonth)
            #expect(first.openTasks == 0 && first.overdueFeedback == 0)
            #expect(try await glance("2018-12-30", naCooc).lastRating == nil)

            // 5 May: April's meeting is the last, its task open; feedback not yet overdue.
            let fifth = try await glance("2019-05-05", naCooc)
            #expect(fifth.lastMeetingID == april && fifth.monthsSinceLastMeeting == 1 && fifth.noMeetingThisMonth)
            #expect(fifth.openTasks == 1 && fifth.overdueFeedback == 0)
            #expect(try await meetings.tasks(of: naCooc, openOn: Self.d("2019-05-05")).count == 1)

            // 15 May: May's meeting held (the planned one does not count), April's task reviewed, May's open;
            // the feedback waits past its 5 working days.
            let mid = try await glance("2019-05-15", naCooc)
            #expect(mid.lastMeetingID == may && mid.lastMeetingDate == Self.d("2019-05-08"))
            #expect(mid.monthsSinceLastMeeting == 0 && !mid.noMeetingThisMonth)
            #expect(mid.openTasks == 1 && mid.overdueFeedback == 1)
            let openIDs = try await meetings.tasks(of: naCooc, openOn: Self.d("2019-05-15")).map(\.id)
            #expect(Set(openIDs) == Set(try await dashboard.openTasks(of: naCooc, asOf: Self.d("2019-05-15"))))
            #expect(
                try await book.list(cells: [naCooc], on: Self.d("2019-05-15"), overdueOnly: true).map(\.id) == [item.id]
            )
            // Forwarded on the 20th: no longer overdue afterwards, still overdue on the 15th.
            #expect(try await glance("2019-05-21", naCooc).overdueFeedback == 0)
            #expect(try await book.list(cells: [naCooc], on: Self.d("2019-05-21"), overdueOnly: true).isEmpty)
            // Answered in July: the 15th of May still shows it overdue, as it stood then.
            _ = try await book.apply(.answer(on: Self.d("2019-07-01"), text: "Đã sửa"), to: item.id, actor: .system)
            #expect(try await glance("2019-05-15", naCooc).overdueFeedback == 1)

            // A thematic meeting alone in June is not June's monthly meeting (rules.md R7, R9), as on the meetings page.
            _ = try await Self.meeting(db, cell: naCooc, on: "2019-06-05", kind: .thematic)
            let june = try await glance("2019-06-10", naCooc)
            #expect(june.noMeetingThisMonth && june.lastMeetingID == may && june.monthsSinceLastMeeting == 1)

            // Rolls on the day (rules.md R4): the same figures as the cell page and the charter counts.
            for day in ["2019-05-15", "2019-07-01"] {
                for cell in [naCooc, naLang] {
                    let row = try await glance(day, cell)
                    let snapshot = try #require(try await tree.organisation(cell))
                    let summary = try #require(try await cells.summaries(of: [snapshot], on: Self.d(day)).first)
                    #expect(row.size == (try await cells.roster(of: cell, on: Self.d(day))).count)
                    #expect(row.fullMembers == summary.counts.full)
                    #expect(row.mayProposeCommittee == summary.mayProposeCommittee)
                    #expect(
                        Set(try await dashboard.fullMembers(of: cell, asOf: Self.d(day))).count == summary.counts.full)
                }
            }
            let may15 = try await glance("2019-05-15", naCooc)
            #expect(may15.size == 3 && may15.fullMembers == 1 && may15.belowMinimum)
            let july = try await glance("2019-07-01", naCooc)
            #expect(july.size == 4 && july.fullMembers == 2)
            let large = try await glance("2019-05-15", naLang)
            #expect(large.fullMembers == 9 && large.mayProposeCommittee && !large.belowMinimum)

            // Renamed: the village's name on the day.
            let village = try #require(try await tree.unit(code: "00001.01", on: Self.d("2019-01-01")))
            try await UnitWriter(db: db, scope: .everything).change(
                village.id, on: Self.d("2020-01-01"), .init(name: "Nà Coóc Mới"))
            #expect(try await glance("2019-12-31", naCooc).unitName == "Nà Coóc")
            #expect(try await glance("2020-01-01", naCooc).unitName == "Nà Coóc Mới")

            // A scope holding one cell sees one row; a unit outside the scope is not found (rules.md R30).
            let narrow = CommuneDashboard(
                db: db, scope: .restricted(units: [commune.id], organisations: [naLang]))
            #expect(
                try await narrow.load(unit: commune.id, asOf: Self.d("2019-05-15"))?.cells.map(\.cellID) == [naLang])
            #expect(try await narrow.openTasks(of: naCooc, asOf: Self.d("2019-05-15")).isEmpty)
            let outside = CommuneDashboard(db: db, scope: .restricted(units: [village.id], organisations: [naCooc]))
            #expect(try await outside.load(unit: commune.id, asOf: Self.d("2019-05-15")) == nil)
        }
    }

    @Test(
        "a larger tree: every one of its cells is counted right in the same batched reads", arguments: TestDatabase.all)
    func largerTree(database: TestDatabase) async throws {
        var dataset = Self.placementTree
        let villages = 40
        for index in 0..<villages {
            let code = String(format: "00001.%02d", index + 10)
            dataset.units.append(
                UnitDraft(
                    code: code, kind: .village, name: "Bản Thử \(index)", parentCode: "00001",
                    validity: Fixtures.since, profile: VillageProfile(distanceKm: Double(index), households: 50)))
            dataset.organisations.append(
                OrganisationDraft(
                    code: "CB-\(code)", kind: .villageCell, name: "Chi bộ bản Thử \(index)", unitCode: code,
                    parentCode: "DB-00001", validity: Fixtures.since))
            for person in 0..<2 {
                dataset.members.append(
                    Fixtures.member(
                        "Lò Văn \(Self.givenNames[person]) \(index)", cell: "CB-\(code)",
                        official: person == 0 ? "2001-01-01" : nil,
                        village: code))
            }
        }
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let tree = OrganisationTree(db: db, scope: .everything)
            let district = try #require(try await tree.unit(code: "001", on: Self.d("2019-03-01")))
            let commune = try #require(try await tree.unit(code: "00001", on: Self.d("2019-03-01")))
            _ = try await Directives(db: db, scope: .everything).create(
                title: "Giải thể", legalBasis: "KL 38", deadline: Self.d("2019-04-30"), unitID: district.id,
                plannedOn: Self.d("2019-03-15"), actor: .system)
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: district.id, on: Self.d("2019-04-01"), actor: .system)
            _ = try await plans.approve(
                plan.id, version: plan.version, decisionDate: Self.d("2019-04-25"), actor: .system)
            let report = try #require(
                try await CommuneDashboard(db: db, scope: .everything).load(
                    unit: commune.id, asOf: Self.d("2019-05-01")))
            #expect(report.cells.count == villages + 2)
            let extra = report.cells.filter { $0.cellName.hasPrefix("Chi bộ bản Thử") }
            #expect(extra.count == villages)
            #expect(extra.allSatisfy { $0.size == 2 && $0.fullMembers == 1 && $0.belowMinimum })
            let snapshots = try await tree.organisations(atUnits: report.cells.map(\.unitID), on: Self.d("2019-05-01"))
            let summaries = try await CellDirectory(db: db, scope: .everything).summaries(
                of: snapshots, on: Self.d("2019-05-01"))
            #expect(report.fullMembers == summaries.reduce(0) { $0 + $1.counts.full })
            let district2 = try #require(
                try await DistrictDashboard(db: db, scope: .everything).load(
                    unit: district.id, asOf: Self.d("2019-05-01")))
            #expect(district2.totals.villageCells == villages + 2)
            #expect(district2.totals.membersMoved == 2 && district2.totals.villageCellsReceived >= 1)
        }
    }

    @discardableResult
    static func meeting(
        _ db: any Database, cell: UUID, on day: String, status: MeetingStatus = .held, kind: MeetingKind = .regular
    ) async throws -> UUID {
        let record = MeetingRecord()
        record.id = UUID()
        record.organisationID = cell
        record.body = MeetingBody.cell.rawValue
        record.kind = kind.rawValue
        record.status = status.rawValue
        record.date = day
        record.scheduledStart = "07:30"
        record.currentVersion = status == .held ? 1 : 0
        record.createdBy = "tests"
        record.createdAt = Date()
        try await record.create(on: db)
        return record.id!
    }

    static func task(_ db: any Database, cell: UUID, meeting: UUID, position: Int, reviewedAt: UUID?) async throws {
        let record = MemberTaskRecord()
        record.id = UUID()
        record.organisationID = cell
        record.meetingID = meeting
        record.position = position
        record.kind = MemberTaskKind.other.rawValue
        record.description = "Vận động hộ dân trồng lê"
        record.dueMonth = "2019-06"
        record.status = (reviewedAt == nil ? MemberTaskStatus.open : .done).rawValue
        record.reviewedMeetingID = reviewedAt
        try await record.create(on: db)
    }
}
