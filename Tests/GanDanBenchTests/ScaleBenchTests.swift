import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanTesting
import Testing

@testable import GanDanBench
@testable import GanDanStorage

@Suite("Scale benchmark steps on a small province: the generated CSV imports cleanly, history and reports run")
struct ScaleBenchTests {
    static let shape = ScaleProvinceShape(
        districts: 2, communesPerDistrict: 2, villagesPerCommune: 3, members: 120, seed: 11)

    @Test("tree, CSV import, 4 months of meetings and the timed reports", arguments: TestDatabase.all)
    func steps(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let province = ScaleProvince.dataset(Self.shape)
            let bench = ScaleBench(db: db)
            let tree = try await bench.writeTree(province)
            #expect(tree.unitsCreated == 1 + 2 + 4 + 12)
            #expect(tree.organisations == 1 + 2 + 4 + 4 + 12)
            #expect(tree.members == 0)

            let csv = try ScaleBench.membersCSV(province.members)
            #expect(csv.split(separator: "\n").count == 121)
            let imported = try await bench.importMembers(Data(csv.utf8))
            #expect(imported.valid == 120 && imported.written)
            #expect(try await MemberRecord.query(on: db).count() == 120)
            #expect(try await MembershipRecord.query(on: db).count() == 120)
            let stored = try await MemberRecord.query(on: db).all()
            #expect(Set(stored.compactMap(\.citizenID)) == Set(province.members.compactMap(\.citizenID)))
            #expect(Set(stored.map(\.fullName)) == Set(province.members.map(\.fullName)))

            // One audit entry per unit and organisation, and one per cell for the members it received, chained
            // (hashes as hex, rules.md R30).
            let cells = Set(province.members.map(\.cellCode)).count
            #expect(try await AuditTrail(db: db, scope: .everything).verify() == .intact(entries: 19 + 23 + cells))

            // Importing the same file again is refused as a whole: the citizen IDs are taken (rules.md R28).
            await #expect(throws: InputError.self) { _ = try await bench.importMembers(Data(csv.utf8)) }
            #expect(try await MemberRecord.query(on: db).count() == 120)

            let history = try await bench.writeHistory(Self.shape, months: 4)
            // Every village cell meets in most of the 4 months; each meeting has attendance lines.
            #expect(history.meetings >= 12 * 3 && history.meetings <= 12 * 4)
            #expect(history.attendance >= history.meetings * 3)
            #expect(try await MeetingRecord.query(on: db).count() == history.meetings)

            let operations = try await bench.operations(months: 4)
            #expect(
                operations.map(\.name) == [
                    "impact report, district", "impact report, commune", "dashboard, district", "dashboard, commune",
                ])
            let timings = try await ScaleBench.measure(operations, warmups: 1, repetitions: 3)
            #expect(timings.map(\.name) == operations.map(\.name))
            #expect(timings.allSatisfy { $0.latency.samples == 3 && $0.latency.p50 <= $0.latency.max })

            let district = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: ScaleProvince.districtCode(0), on: ScaleProvince.placementDate))
            let report = try await ImpactReports(db: db, scope: .everything).report(
                unitID: district.id, placementDate: ScaleProvince.placementDate, months: 2)
            #expect(report.cells.count == 6)
            #expect(report.before.meetings + report.after.meetings > 0)
        }
    }
}
