import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("A dataset writer writes only within its access scope (issue 17)")
struct DatasetWriterScopeTests {
    static let since = Validity(from: Fixtures.date("2015-01-01"))

    /// `Fixtures.tree` and a second commune with one village and its cell.
    static var twoCommunes: OrganisationDataset {
        var tree = Fixtures.tree
        tree.units += [
            UnitDraft(code: "00002", kind: .commune, name: "Sơn Phú", parentCode: "001", validity: since),
            UnitDraft(code: "00002.01", kind: .village, name: "Nà Mỏ", parentCode: "00002", validity: since),
        ]
        tree.organisations += [
            OrganisationDraft(
                code: "DB-00002", kind: .grassrootsCommittee, name: "Đảng bộ xã Sơn Phú", unitCode: "00002",
                parentCode: nil, validity: since),
            OrganisationDraft(
                code: "CB-00002.01", kind: .villageCell, name: "Chi bộ thôn Nà Mỏ", unitCode: "00002.01",
                parentCode: "DB-00002", validity: since),
        ]
        return tree
    }

    /// The units and organisations of commune 00001.
    static func firstCommune(on db: any Database) async throws -> AccessScope {
        let units = try await UnitRecord.query(on: db).filter(\.$code ~~ ["00001", "00001.01", "00001.02"]).all()
        let organisations = try await OrganisationRecord.query(on: db)
            .filter(\.$code ~~ ["DB-00001", "CQ-00001", "CB-00001.01", "CB-00001.02"]).all()
        return .restricted(
            units: Set(units.map(\.unitID)), organisations: Set(try organisations.map { try $0.requireID() }))
    }

    @Test(
        "a writer restricted to one commune refuses a dataset that touches another commune and writes nothing",
        arguments: TestDatabase.all)
    func refusesOtherCommune(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.twoCommunes)
            let scope = try await Self.firstCommune(on: db)
            let writer = DatasetWriter(db: db, scope: scope)
            let units = try await UnitRecord.query(on: db).count()
            let organisations = try await OrganisationRecord.query(on: db).count()
            let dataset = OrganisationDataset(
                units: [
                    UnitDraft(
                        code: "00002.02", kind: .village, name: "Nà Khà", parentCode: "00002", validity: Self.since)
                ],
                organisations: [
                    OrganisationDraft(
                        code: "CQ-00002", kind: .communeAgencyCell, name: "Chi bộ cơ quan xã Sơn Phú",
                        unitCode: "00002", parentCode: "DB-00002", validity: Self.since)
                ],
                members: [
                    Fixtures.member("Lý Văn A", joined: "2008-01-01"),
                    Fixtures.member("Lý Văn B", cell: "CB-00002.01", joined: "2008-01-01"),
                ])

            let error = await #expect(throws: InputError.self) {
                try await writer.write(dataset, memberLines: [2, 3])
            }
            let issues = error?.issues ?? []
            #expect(issues.contains { $0.field == "unit 00002.02" })
            #expect(issues.contains { $0.field == "organisation CQ-00002" })
            #expect(issues.contains { $0.line == 3 && $0.field == "cell_code" })
            #expect(!issues.contains { $0.line == 2 })
            #expect(try await UnitRecord.query(on: db).count() == units)
            #expect(try await OrganisationRecord.query(on: db).count() == organisations)
            #expect(try await MemberRecord.query(on: db).count() == 0)

            // The same writer writes what lies inside its commune.
            let inside = try await writer.write(OrganisationDataset(members: [Fixtures.member("Lý Văn A")]))
            #expect(inside.members == 1)
        }
    }
}
