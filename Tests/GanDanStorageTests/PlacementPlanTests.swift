import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Placement plans on the Na Hang demo (rules.md A1–A5, R13)")
struct PlacementPlanTests {
    static let proposalDay = CivilDate(year: 2019, month: 4, day: 1)!
    static let decisionDay = CivilDate(year: 2019, month: 4, day: 25)!

    /// The fixture tree with a key leader and an ordinary member in the agency cell.
    static var twoMembers: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan",
                posts: [
                    PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: Fixtures.since)
                ]),
            Fixtures.member("Ma Văn Ba", village: "00001.02"),
        ]
        return dataset
    }

    @Test("the demo reproduces the article from data, without pins", arguments: TestDatabase.all)
    func article(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let tree = OrganisationTree(db: db, scope: .everything)
            let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: Self.proposalDay))
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: district.id, on: Self.proposalDay, actor: .system)
            let decisions = plan.decisions
            let hoan = try #require(decisions.first { $0.memberName == NaHangDemo.hoangVanHoan })
            let naCooc = try #require(
                try await tree.organisation(
                    code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode)))
            #expect(hoan.toCellID == naCooc.id)
            #expect(hoan.reasons.first?.en.contains("19 km") == true)
            #expect(hoan.reasons.first?.en.contains("weak cell") == true)
            let banTun = try #require(
                try await tree.organisation(
                    code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.banTunVillageCode)))
            let toBanTun = Set(decisions.filter { $0.toCellID == banTun.id }.map(\.memberName))
            #expect(toBanTun.isSuperset(of: [NaHangDemo.laVanDuong, NaHangDemo.nangKhaYouthSecretary]))
            let khuoiPhay = try #require(
                try await tree.organisation(
                    code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.khuoiPhayVillageCode)))
            #expect(decisions.filter { $0.toCellID == khuoiPhay.id }.count == 3)
            #expect(plan.communes.allSatisfy { $0.proposal.warnings.isEmpty })
            #expect(decisions.allSatisfy { $0.alternative != nil })

            _ = try await plans.approve(plan.id, version: plan.version, decisionDate: Self.decisionDay, actor: .system)
            let directive = try #require(try await Directives(db: db, scope: .everything).list().first)
            let progress = try #require(
                try await Directives(db: db, scope: .everything).progress(directive.id!, on: Self.decisionDay))
            #expect(progress.dissolved == 12 && progress.total == 12)
            #expect(progress.everyVillageCellReceived)
            #expect(progress.completedOn == Self.decisionDay)
            let before = try #require(
                try await Directives(db: db, scope: .everything).progress(directive.id!, on: Self.proposalDay))
            #expect(before.dissolved == 0)

            // Membership on date: Hoan is in the agency cell before, in Nà Coóc from the decision date.
            let cells = CellDirectory(db: db, scope: .everything)
            let agency = try #require(try await tree.organisation(code: "CQ-02284"))
            #expect(
                try await cells.roster(of: agency.id, on: Self.decisionDay.adding(days: -1)).contains {
                    $0.member.fullName == NaHangDemo.hoangVanHoan
                })
            #expect(
                try await cells.roster(of: naCooc.id, on: Self.decisionDay).contains {
                    $0.member.fullName == NaHangDemo.hoangVanHoan
                })
            #expect(try await tree.organisation(agency.id)?.validity.until == Self.decisionDay)
            #expect(try await AuditTrail(db: db, scope: .everything).verify() != .broken(seq: 0, reason: ""))
        }
    }

    @Test("of two planners approving at once, exactly one succeeds", arguments: TestDatabase.all)
    func concurrentApproval(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.twoMembers)
            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: Self.proposalDay))
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: commune.id, on: Self.proposalDay, actor: .system)
            async let first: Bool =
                (try? await plans.approve(plan.id, version: 1, decisionDate: Self.decisionDay, actor: Actor(name: "a")))
                != nil
            async let second: Bool =
                (try? await plans.approve(plan.id, version: 1, decisionDate: Self.decisionDay, actor: Actor(name: "b")))
                != nil
            let results = await [first, second]
            #expect(results.filter { $0 }.count == 1)
            let stored = try #require(try await plans.plan(plan.id))
            #expect(stored.status == .approved)
            let transfers = try await MembershipRecord.query(on: db).filter(\.$transferKind == "internal").count()
            #expect(transfers == 2)
        }
    }

    @Test("a mistake is undone by a new plan; the first stays in history", arguments: TestDatabase.all)
    func undoByNewPlan(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.twoMembers)
            let tree = OrganisationTree(db: db, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Self.proposalDay))
            let naLang = try #require(try await tree.organisation(code: "CB-00001.02"))
            let naCooc = try #require(try await tree.organisation(code: "CB-00001.01"))
            let plans = PlacementPlans(db: db, scope: .everything)
            let first = try await plans.propose(unitID: commune.id, on: Self.proposalDay, actor: .system)
            #expect(first.decisions.first { $0.memberName == "Hoàng Văn Hoan" }?.toCellID == naCooc.id)
            _ = try await plans.approve(first.id, version: 1, decisionDate: Self.decisionDay, actor: .system)
            let hoan = try #require(first.decisions.first { $0.memberName == "Hoàng Văn Hoan" }).memberID

            let later = CivilDate(year: 2019, month: 6, day: 1)!
            var settings = PlacementSettings()
            settings.pins[hoan] = naLang.id
            let correction = try await plans.correct(first.id, on: later, settings: settings, actor: .system)
            #expect(correction.decisions.first { $0.memberID == hoan }?.toCellID == naLang.id)
            _ = try await plans.approve(correction.id, version: 1, decisionDate: later, actor: .system)

            #expect(try await plans.plan(first.id)?.status == .superseded)
            let cells = CellDirectory(db: db, scope: .everything)
            #expect(try await cells.roster(of: naCooc.id, on: Self.decisionDay).contains { $0.member.id == hoan })
            #expect(try await cells.roster(of: naLang.id, on: later).contains { $0.member.id == hoan })
            #expect(!(try await cells.roster(of: naCooc.id, on: later).contains { $0.member.id == hoan }))
        }
    }

    @Test(
        "a plan or directive of a unit outside the scope is not found and cannot be changed (rules.md R30)",
        arguments: TestDatabase.all)
    func outsideScope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.twoMembers)
            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: Self.proposalDay))
            let plan = try await PlacementPlans(db: db, scope: .everything).propose(
                unitID: commune.id, on: Self.proposalDay, actor: .system)
            let directive = try await Directives(db: db, scope: .everything).create(
                title: "Chỉ thị", legalBasis: "NQ 18", deadline: Self.decisionDay, unitID: commune.id,
                plannedOn: Self.proposalDay, actor: .system)
            let elsewhere = AccessScope.restricted(units: [UUID()], organisations: [])
            let plans = PlacementPlans(db: db, scope: elsewhere)
            #expect(try await plans.plan(plan.id) == nil)
            #expect(try await plans.plans().isEmpty)
            await #expect(throws: StorageError.self) {
                _ = try await plans.propose(unitID: commune.id, on: Self.proposalDay, actor: .system)
            }
            await #expect(throws: StorageError.self) {
                _ = try await plans.approve(plan.id, version: 1, decisionDate: Self.decisionDay, actor: .system)
            }
            #expect(try await PlacementPlans(db: db, scope: .everything).plan(plan.id)?.status == .draft)
            let directives = Directives(db: db, scope: elsewhere)
            #expect(try await directives.progress(directive, on: Self.decisionDay) == nil)
            #expect(try await directives.list().isEmpty)
            #expect(try await directives.ranking(on: Self.decisionDay).isEmpty)
            let inside = AccessScope.restricted(units: [commune.id], organisations: [])
            #expect(try await PlacementPlans(db: db, scope: inside).plans().map(\.id) == [plan.id])
            #expect(try await Directives(db: db, scope: inside).progress(directive, on: Self.decisionDay) != nil)
        }
    }

    @Test(
        "an approval that fails half-way changes nothing: plan, rolls and cells stay as they were",
        arguments: TestDatabase.all)
    func atomicApproval(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            // Nà Làng's cell exists from 2000, Nà Coóc's only from 2008: a decision dated 2005 moves Ma Văn Ba
            // (processed first) to Nà Làng, then fails on Hoàng Văn Hoan's transfer to Nà Coóc.
            var dataset = Self.twoMembers
            dataset.organisations[3].validity = Validity(from: CivilDate(year: 2000, month: 1, day: 1)!)
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let tree = OrganisationTree(db: db, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Self.proposalDay))
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: commune.id, on: Self.proposalDay, actor: .system)
            #expect(plan.decisions.map(\.memberName) == ["Ma Văn Ba", "Hoàng Văn Hoan"])
            #expect(
                plan.decisions.map(\.toCellName) == [
                    "Chi bộ thôn Nà Làng (xã Thanh Tương)", "Chi bộ thôn Nà Coóc (xã Thanh Tương)",
                ])
            // Stored as proposed in 2005, so the decision may be dated then (the solver itself would not pick a cell
            // that did not exist yet).
            let stored = try #require(try await PlacementPlanRecord.find(plan.id, on: db))
            stored.proposedOn = "2005-01-01"
            try await stored.update(on: db)
            let error = await #expect(throws: StorageError.self) {
                try await plans.approve(
                    plan.id, version: 1, decisionDate: CivilDate(year: 2005, month: 6, day: 1)!, actor: .system)
            }
            #expect(error?.description.contains("Nà Coóc is not in force on 2005-06-01") == true)
            #expect(try await plans.plan(plan.id)?.status == .draft)
            let transfers = try await MembershipRecord.query(on: db).filter(\.$transferKind == "internal").count()
            #expect(transfers == 0)
            let agency = try #require(try await tree.organisation(code: "CQ-00001"))
            #expect(agency.validity.until == nil)
            #expect(
                try await CellDirectory(db: db, scope: .everything).roster(of: agency.id, on: Self.decisionDay).count
                    == 2)
        }
    }

    @Test("moving a member pins them, and the re-run reports what changed", arguments: TestDatabase.all)
    func rerunWithPin(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.twoMembers)
            let tree = OrganisationTree(db: db, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Self.proposalDay))
            let naLang = try #require(try await tree.organisation(code: "CB-00001.02"))
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: commune.id, on: Self.proposalDay, actor: .system)
            let hoan = try #require(plan.decisions.first { $0.memberName == "Hoàng Văn Hoan" })
            var settings = plan.settings
            settings.pins[hoan.memberID] = naLang.id
            let (rerun, changes) = try await plans.rerun(
                plan.id, settings: settings, on: Self.proposalDay, actor: .system)
            #expect(rerun.version == 2)
            #expect(
                changes.contains {
                    $0.memberID == hoan.memberID && $0.toCellName == "Chi bộ thôn Nà Làng (xã Thanh Tương)"
                })
            #expect(rerun.decisions.first { $0.memberID == hoan.memberID }?.pinned == true)
            await #expect(throws: StorageError.self) {
                try await plans.approve(plan.id, version: 1, decisionDate: Self.decisionDay, actor: .system)
            }
        }
    }
}
