import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("The demo reaches the present: cell life month by month to today across the 2025 restructure (issue 19)")
struct PresentDemoTests {
    static let today = TestDatabase.presentToday

    @Test(
        "at stage present Nà Coóc's cell is a cell of xã Nà Hang, met in November 2026 evaluating November, with the story's members less those who moved away; every cell met that month and held its 2025 congress; 2025 ratings keep the quota per committee; households were reviewed each year; lives changed the rolls",
        arguments: TestDatabase.all)
    func present(database: TestDatabase) async throws {
        try await database.withDemo(stage: .present) { db, _ in
            try await Self.checkNaCooc(db)
            try await Self.checkEveryCellMet(db)
            try await Self.checkRatings(db)
            try await Self.checkHouseholds(db)
            try await Self.checkLives(db)
        }
    }

    @Test(
        "at stage present the cells of the old district's own bodies, under the province since 1-7-2025, met in November 2026 with minutes, and none was on November's to-do list without its meeting or topic (rules.md R7, R9)",
        arguments: TestDatabase.all)
    func bodyCells(database: TestDatabase) async throws {
        try await database.withDemo(stage: .present) { db, _ in
            let tree = OrganisationTree(db: db, scope: .everything)
            let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: RestructureTests.before))
            let before = try await tree.organisations(
                atUnits: try await tree.subtree(of: district.id, on: RestructureTests.before),
                on: RestructureTests.before)
            let bodies = before.filter { $0.kind == .otherCell }
            #expect(bodies.count > 30)
            let november = try await MeetingRecord.query(on: db).filter(\.$organisationID ~~ bodies.map(\.id))
                .filter(\.$date >= "2026-11-01").filter(\.$date <= "2026-11-30").all()
            #expect(Set(november.map(\.organisationID)) == Set(bodies.map(\.id)))
            #expect(november.allSatisfy { $0.currentVersion > 0 })
            // As of the month's last day: December's meeting is not due to be planned on its first.
            let toDo = try await ToDoLists(db: db, scope: .everything).cells(bodies.map(\.id), on: .on(2026, 11, 30))
            #expect(toDo.totals.meetingNotPlanned == 0 && toDo.totals.thematicTopicMissing == 0)
        }
    }

    @Test(
        "at stage present the province planner sees Na Hang district in 2019 and the new communes today; xã Nà Hang's planner sees Nà Coóc's cell today; Nà Coóc's secretary works then and now",
        arguments: TestDatabase.all)
    func accounts(database: TestDatabase) async throws {
        try await database.withDemo(stage: .present) { db, _ in
            let tree = OrganisationTree(db: db, scope: .everything)
            let users = UserDirectory(db: db)
            let logins = try await DemoUsers.create(tree: tree, users: users, passwordHash: "x", today: Self.today)
            #expect(logins.map(\.username).contains("planner.xanahang"))
            let cell = try #require(
                try await tree.organisation(
                    code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode)))
            let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: RestructureTests.before))
            let naHang = try #require(try await tree.unit(code: NaHangDemo.newNaHangCode, on: Self.today))
            let resolver = ScopeResolver(db: db)
            func scope(_ username: String, on day: CivilDate) async throws -> AccessScope {
                let account = try #require(try await users.credentials(username: username)?.account)
                return try await resolver.scopes(for: account, on: day).read
            }
            let then = try await scope("planner.tuyenquang", on: RestructureTests.before)
            let now = try await scope("planner.tuyenquang", on: Self.today)
            #expect(then.contains(unit: district.id) && then.contains(organisation: cell.id))
            #expect(now.contains(unit: naHang.id) && now.contains(organisation: cell.id))
            #expect(try await scope("planner.xanahang", on: Self.today).contains(organisation: cell.id))
            for day in [RestructureTests.before, Self.today] {
                #expect(try await scope("secretary.nacooc", on: day).contains(organisation: cell.id))
            }
        }
    }

    @Test(
        "at stage present the committees live on after the first window: every grassroots committee of the five communes met in November 2026; citizens' feedback was heard in 2026; every village cell is followed on 1-12-2026 by a member of its new commune's committee",
        arguments: TestDatabase.all)
    func committeesLiveOn(database: TestDatabase) async throws {
        try await database.withDemo(stage: .present) { db, _ in
            let tree = OrganisationTree(db: db, scope: .everything)
            var committees: [UUID] = []
            var cells: [OrganisationSnapshot] = []
            for code in Self.newCommuneCodes {
                let commune = try #require(try await tree.unit(code: code, on: Self.today))
                let units = try await tree.subtree(of: commune.id, on: Self.today)
                let organisations = try await tree.organisations(atUnits: units + [commune.id], on: Self.today)
                committees += organisations.filter { $0.kind == .grassrootsCommittee }.map(\.id)
                cells += organisations.filter { $0.kind == .villageCell }
            }
            #expect(committees.count == Self.newCommuneCodes.count && cells.count > 100)
            // Each committee's standing body met in November 2026 (rules.md R7).
            let met = try await MeetingRecord.query(on: db).filter(\.$organisationID ~~ committees)
                .filter(\.$body == MeetingBody.standingBody.rawValue).filter(\.$date >= "2026-11-01")
                .filter(\.$date < "2026-12-01").all()
            #expect(Set(met.map(\.organisationID)) == Set(committees))
            #expect(met.allSatisfy { $0.currentVersion > 0 })
            // Citizens were heard this year too (rules.md A8).
            #expect(try await FeedbackRecord.query(on: db).filter(\.$receivedOn >= "2026-01-01").count() > 0)
            // Each cell followed by a member holding a post of the committee above it today (rules.md R11).
            let assignments = CommitteeAssignments(db: db, scope: .everything)
            for cell in cells {
                let follower = try await assignments.assigned(to: cell.id, on: Self.today)
                let committee = try #require(cell.parentID)
                #expect(committees.contains(committee))
                let members = try await assignments.candidates(for: cell.id, on: Self.today).map(\.id)
                #expect(follower.map { members.contains($0.member.id) } == true, "\(cell.name) has no follower")
            }
        }
    }

    static let newCommuneCodes = ["02221", "02245", "02239", "02248", "02260"]

    /// Nà Coóc's cell: same id, now under xã Nà Hang (02221); its November 2026 meeting evaluates November.
    static func checkNaCooc(_ db: any Database) async throws {
        let tree = OrganisationTree(db: db, scope: .everything)
        let cell = try #require(
            try await tree.organisation(
                code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode)))
        let naHang = try #require(try await tree.unit(code: NaHangDemo.newNaHangCode, on: today))
        let village = try #require(try await tree.unit(cell.unitID, on: today))
        #expect(naHang.kind == .commune && village.parentID == naHang.id)
        let meetings = CellMeetings(db: db, scope: .everything)
        let november = try await meetings.meetings(
            of: cell.id, from: CivilDate.on(2026, 11, 1), until: CivilDate.on(2026, 12, 1))
        let held = try #require(november.first)
        let detail = try #require(try await meetings.detail(held.id))
        let minutes = try #require(detail.body?.minutes)
        #expect(minutes.agenda.contains("Đánh giá kết quả thực hiện nhiệm vụ tháng 11/2026"))
        #expect(!minutes.monthEvaluation.isEmpty && minutes.attendance.contains { $0.status.isPresent })
        // The people of the placement story, less those who moved away: nobody on today's roll came from elsewhere
        // but by admission.
        let storyEnd = CivilDate.on(2020, 5, 1)
        let then = try await RestructureTests.members(of: cell.id, on: storyEnd, db)
        let now = try await RestructureTests.members(of: cell.id, on: today, db)
        for id in now.subtracting(then) {
            let member = try #require(try await MemberRecord.find(id, on: db))
            #expect(member.admittedOn > storyEnd.iso)
        }
        #expect(!then.isEmpty && now.intersection(then).count >= then.count - 2)
    }

    /// Every village cell of the five new communes with a full member on its roll held its November 2026 meeting.
    static func checkEveryCellMet(_ db: any Database) async throws {
        let tree = OrganisationTree(db: db, scope: .everything)
        var cells: [UUID] = []
        for code in ["02221", "02245", "02239", "02248", "02260"] {
            let commune = try #require(try await tree.unit(code: code, on: today))
            let units = try await tree.subtree(of: commune.id, on: today)
            cells += try await tree.organisations(atUnits: units, on: today).filter { $0.kind == .villageCell }
                .map(\.id)
        }
        #expect(cells.count > 100)
        let held = Set(
            try await MeetingRecord.query(on: db).filter(\.$organisationID ~~ cells)
                .filter(\.$date >= "2026-11-01").filter(\.$date < "2026-12-01").all().map(\.organisationID))
        #expect(held == Set(cells))
        #expect(try await MeetingRecord.query(on: db).filter(\.$date > today.iso).count() == 0)
        // Each cell held the 2025–2030 term's congress in the spring of 2025 (rules.md R6): none is overdue today.
        let toDo = try await ToDoLists(db: db, scope: .everything).cells(cells, on: today)
        #expect(toDo.totals.cells == cells.count)
        #expect(toDo.totals.congressOverdue == 0 && toDo.totals.congressDue == 0)
        let congresses = try await CellCongressRecord.query(on: db).filter(\.$organisationID ~~ cells)
            .filter(\.$heldOn >= "2025-01-01").all()
        #expect(Set(congresses.map(\.organisationID)) == Set(cells))
        #expect(congresses.allSatisfy { $0.heldOn < NaHangDemo.restructureDate.iso })
    }

    /// The cells' 2025 levels: "excellent" within 20 % of "good" among each new commune committee's cells (rules.md
    /// R18); 2020 through 2025 rated, 2026 not yet.
    static func checkRatings(_ db: any Database) async throws {
        let tree = OrganisationTree(db: db, scope: .everything)
        let yearEnd = CivilDate.on(2025, 12, 31)
        var byCommittee: [UUID: [RatingLevel]] = [:]
        for record in try await CellRatingRecord.query(on: db).filter(\.$year == 2025).all() {
            let cell = try #require(try await tree.organisation(record.organisationID, on: yearEnd))
            let parent = try #require(cell.parentID)
            byCommittee[parent, default: []].append(try #require(RatingLevel(rawValue: record.level)))
        }
        #expect(byCommittee.count == 5)
        for levels in byCommittee.values {
            let excellent = levels.filter { $0 == .excellent }.count
            let good = levels.filter { $0 == .good }.count
            #expect(RatingRules.quotaWarning(excellent: excellent, good: good) == nil)
        }
        for year in 2020...2025 {
            #expect(try await MemberRatingRecord.query(on: db).filter(\.$period == String(year)).count() > 0)
        }
        #expect(try await CellRatingRecord.query(on: db).filter(\.$year == 2026).count() == 0)
    }

    /// A poverty review of the demo's households every year through 2025, none yet for 2026.
    static func checkHouseholds(_ db: any Database) async throws {
        let households = try await HouseholdStatusRecord.query(on: db).filter(\.$year == 2020).count()
        #expect(households > 100)
        for year in 2021...2025 {
            #expect(try await HouseholdStatusRecord.query(on: db).filter(\.$year == year).count() == households)
        }
        #expect(try await HouseholdStatusRecord.query(on: db).filter(\.$year == 2026).count() == 0)
    }

    /// Some members died or moved away, a few were admitted after the story, each through the registry.
    static func checkLives(_ db: any Database) async throws {
        let died = try await MemberRecord.query(on: db).filter(\.$status == PartyStatus.deceased.rawValue)
            .filter(\.$statusSince >= "2020-05-01").count()
        let admitted = try await MemberRecord.query(on: db).filter(\.$admittedOn >= "2020-05-01").count()
        let candidates = try await CandidateRecord.query(on: db).count()
        let moved = try await AuditEntryRecord.query(on: db).filter(\.$action == "status").all()
            .filter { $0.after?.contains(StatusChangeKind.movedOut.rawValue) == true }.count
        #expect(died > 0 && admitted > 0 && moved > 0 && candidates >= admitted)
    }
}
