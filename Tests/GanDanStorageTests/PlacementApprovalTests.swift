import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Approval is exact across plans (rules.md R13)")
struct PlacementApprovalTests {
    static let proposalDay = PlacementPlanTests.proposalDay
    static let decisionDay = PlacementPlanTests.decisionDay

    /// The fixture commune with its two members in the agency cell.
    static func commune(_ db: any Database) async throws -> UUID {
        _ = try await DatasetWriter(db: db, scope: .everything).write(PlacementPlanTests.twoMembers)
        return try #require(
            try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: proposalDay)
        ).id
    }

    /// How many internal transfers each member has.
    static func transfers(_ db: any Database) async throws -> [UUID: Int] {
        let records = try await MembershipRecord.query(on: db).filter(\.$transferKind == "internal").all()
        return records.reduce(into: [:]) { $0[$1.memberID, default: 0] += 1 }
    }

    @Test(
        "a second draft for the same members is refused after the first is approved, and marked superseded",
        arguments: TestDatabase.all)
    func staleSecondDraft(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let commune = try await Self.commune(db)
            let plans = PlacementPlans(db: db, scope: .everything)
            let first = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            let second = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            _ = try await plans.approve(first.id, version: 1, decisionDate: Self.decisionDay, actor: .system)
            // Dated before the first decision, when the members were still in the agency cell.
            let error = await #expect(throws: StorageError.self) {
                try await plans.approve(
                    second.id, version: 1, decisionDate: Self.decisionDay.adding(days: -10), actor: .system)
            }
            #expect(error?.description.contains(first.id.uuidString) == true)
            #expect(error?.description.contains("superseded") == true)
            #expect(try await plans.plan(second.id)?.status == .superseded)
            #expect(try await plans.plan(first.id)?.status == .approved)
            #expect(try await Self.transfers(db).values.sorted() == [1, 1])
        }
    }

    @Test(
        "a plan proposed as of an earlier date cannot place members another plan already placed",
        arguments: TestDatabase.all)
    func proposedAsOfEarlierDate(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let commune = try await Self.commune(db)
            let plans = PlacementPlans(db: db, scope: .everything)
            let first = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            _ = try await plans.approve(first.id, version: 1, decisionDate: Self.decisionDay, actor: .system)
            let late = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            let error = await #expect(throws: StorageError.self) {
                try await plans.approve(late.id, version: 1, decisionDate: .today(), actor: .system)
            }
            #expect(error?.description.contains("is no longer on the roll") == true)
            #expect(try await plans.plan(late.id)?.status == .superseded)
            // Dated while they were still in the agency cell: the later move still counts.
            let backdated = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            await #expect(throws: StorageError.self) {
                try await plans.approve(
                    backdated.id, version: 1, decisionDate: Self.proposalDay.adding(days: 2), actor: .system)
            }
            #expect(try await plans.plan(backdated.id)?.status == .superseded)
            #expect(try await Self.transfers(db).values.sorted() == [1, 1])
        }
    }

    @Test(
        "a decision dated before the proposal or after today (beyond the setting) is refused; the draft stays",
        arguments: TestDatabase.all)
    func decisionDateBounds(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let commune = try await Self.commune(db)
            let plans = PlacementPlans(db: db, scope: .everything)
            let plan = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            let early = await #expect(throws: InputError.self) {
                try await plans.approve(
                    plan.id, version: 1, decisionDate: Self.proposalDay.adding(days: -1), actor: .system)
            }
            #expect(early?.issues.first?.field == "decision_date")
            await #expect(throws: InputError.self) {
                try await plans.approve(
                    plan.id, version: 1, decisionDate: CivilDate.today().adding(days: 3), actor: .system)
            }
            #expect(try await plans.plan(plan.id)?.status == .draft)
            #expect(try await Self.transfers(db).isEmpty)
            let lenient = PlacementPlans(db: db, scope: .everything, charter: CharterSettings(decisionLeadDays: 5))
            _ = try await lenient.approve(
                plan.id, version: 1, decisionDate: CivilDate.today().adding(days: 3), actor: .system)
            #expect(try await plans.plan(plan.id)?.status == .approved)
        }
    }

    @Test(
        "of approvals of two different drafts for the same members at once, exactly one wins",
        arguments: TestDatabase.all)
    func concurrentDifferentDrafts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let commune = try await Self.commune(db)
            let plans = PlacementPlans(db: db, scope: .everything)
            let first = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            let second = try await plans.propose(unitID: commune, on: Self.proposalDay, actor: .system)
            // Each approval runs its own transaction, on its own pooled connection. On a loaded machine the second
            // may wait past the pool's timeout for a connection and never start: like a planner, it tries again.
            @Sendable func attempt(_ id: UUID, _ day: CivilDate, _ name: String) async -> String {
                for _ in 1...3 {
                    do {
                        _ = try await plans.approve(id, version: 1, decisionDate: day, actor: Actor(name: name))
                        return "approved"
                    } catch {
                        if "\(error)" == "connectionRequestTimeout" { continue }
                        return "\(error)"
                    }
                }
                return "connectionRequestTimeout"
            }
            async let a = attempt(first.id, Self.decisionDay, "a")
            async let b = attempt(second.id, Self.decisionDay.adding(days: 1), "b")
            let results = await [a, b]
            #expect(results.filter { $0 == "approved" }.count == 1, "\(results)")
            let statuses = [try await plans.plan(first.id)?.status, try await plans.plan(second.id)?.status]
            #expect(statuses.filter { $0 == .approved }.count == 1)
            #expect(statuses.filter { $0 == .superseded }.count == 1, "\(results)")
            #expect(try await Self.transfers(db).values.sorted() == [1, 1])
        }
    }
}
