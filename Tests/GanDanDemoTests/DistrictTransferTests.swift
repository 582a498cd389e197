import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@Suite("A district moves between installations as files (issue 18)")
struct DistrictTransferTests {
    /// The proposal for Na Hang on `day`, as `gandan placement propose --unit 072` makes it: each member → cell and
    /// cost, and the plan's total.
    static func proposal(_ db: any Database, on day: CivilDate) async throws -> [String] {
        let tree = OrganisationTree(db: db, scope: .commandLineOperator)
        let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: day))
        let plan = try await PlacementPlans(db: db, scope: .commandLineOperator).propose(
            unitID: district.id, on: day, actor: .cli)
        var lines = ["total \(plan.total)"]
        for decision in plan.decisions {
            let cell = try #require(try await tree.organisation(decision.toCellID))
            lines.append("\(decision.memberName) → \(cell.code) \(decision.terms.total) \(decision.isKeyLeader)")
        }
        return lines.sorted()
    }

    @Test(
        "Na Hang exported as of 31-3-2019 from the planning-stage demo and imported into an empty database gets the same placements on 1-4-2019",
        arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("district-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let day = DemoLoader.proposalDate
        let original = try await database.withDemo(stage: .planning) { db, _ in
            let dataset = try await DistrictExport(db: db, scope: .commandLineOperator).dataset(
                unitCode: NaHangDemo.districtCode, on: CivilDate.on(2019, 3, 31), actor: .cli)
            _ = try DistrictFolder.write(dataset, to: folder, format: .csv)
            return try await Self.proposal(db, on: day)
        }
        let copy = try await database.withDatabase { db in
            let contents = DistrictFolder.read(from: folder, today: CivilDate.today())
            #expect(contents.issues == [])
            #expect(contents.dataset.members.contains { !$0.posts.isEmpty })
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(contents, dryRun: false, actor: .cli)
            return try await Self.proposal(db, on: day)
        }
        #expect(original.count > 250)
        #expect(copy == original)
    }
}
