import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

/// rules.md R27: villages are told apart by their commune, never by name alone; every list and paper above a commune
/// names a cell with its commune.
@Suite("Cells named with their commune above a commune (rules.md R27)")
struct CellNamingTests {
    @Test("a village named with its kind by the office is not titled twice: “Bản Lằn”, not “Bản Bản Lằn”")
    func nameWithItsKind() {
        func unit(_ kind: UnitKind, _ name: String) -> UnitSnapshot {
            UnitSnapshot(
                id: UUID(), versionID: UUID(), code: "02215.02", kind: kind, name: name, parentID: nil,
                validity: Fixtures.since)
        }
        #expect(unit(.hamlet, "Bản Lằn").title(in: .vi) == "Bản Lằn")
        #expect(unit(.hamlet, "Bản Lằn").title(in: .en) == "Hamlet Bản Lằn")
        #expect(unit(.residentialGroup, "tổ dân phố 3").title(in: .vi) == "tổ dân phố 3")
        #expect(unit(.hamlet, "Lằn").title(in: .vi) == "Bản Lằn")
        #expect(unit(.village, "Thôn Nà Mỏ").title(in: .vi) == "Thôn Nà Mỏ")
        // Only the kind's own word: a village whose name starts with a like word keeps its prefix.
        #expect(unit(.hamlet, "Bàn Xá").title(in: .vi) == "Bản Bàn Xá")
    }

    /// The fixture tree and a second commune, Hồng Thái, with a village also called Nà Coóc; two officials of
    /// Thanh Tương's agency cell to place.
    static var dataset: OrganisationDataset {
        var dataset = Fixtures.tree
        let since = Fixtures.since
        dataset.units += [
            UnitDraft(code: "00002", kind: .commune, name: "Hồng Thái", parentCode: "001", validity: since),
            UnitDraft(
                code: "00002.01", kind: .village, name: "Nà Coóc", parentCode: "00002", validity: since,
                profile: VillageProfile(distanceKm: 4, households: 90, poorHouseholds: 9)),
        ]
        dataset.organisations += [
            OrganisationDraft(
                code: "DB-00002", kind: .grassrootsCommittee, name: "Đảng bộ xã Hồng Thái", unitCode: "00002",
                parentCode: nil, validity: since),
            OrganisationDraft(
                code: "CB-00002.01", kind: .villageCell, name: "Chi bộ thôn Nà Coóc", unitCode: "00002.01",
                parentCode: "DB-00002", validity: since),
        ]
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan",
                posts: [PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: since)]),
            Fixtures.member("La Văn Đường"),
            Fixtures.member("Hoàng Văn Tài", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member("Triệu Văn Ấn", cell: "CB-00002.01", village: "00002.01"),
        ]
        return dataset
    }

    @Test(
        "R27: the district's cell list, placement plan and impact report name each cell with its commune; a commune's own list does not need to",
        arguments: TestDatabase.all)
    func districtLists(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset, actor: .system)
            let day = Fixtures.date("2019-04-01")
            let tree = OrganisationTree(db: db, scope: .everything)
            let district = try #require(try await tree.unit(code: "001", on: day)).id
            let thanhTuong = try #require(try await tree.unit(code: "00001", on: day)).id

            // The district's cells at a glance: the two Nà Coóc cells differ by their commune.
            let dashboard = CommuneDashboard(db: db, scope: .everything)
            let districtCells = try #require(try await dashboard.load(unit: district, asOf: day)).cells.map(\.cellName)
            #expect(districtCells.contains("Chi bộ thôn Nà Coóc (xã Thanh Tương)"))
            #expect(districtCells.contains("Chi bộ thôn Nà Coóc (xã Hồng Thái)"))
            #expect(Set(districtCells).count == districtCells.count)
            // The agency cell's name already ends with its commune.
            #expect(districtCells.contains("Chi bộ cơ quan xã Thanh Tương"))
            let communeCells = try #require(try await dashboard.load(unit: thanhTuong, asOf: day)).cells.map(\.cellName)
            #expect(communeCells.contains("Chi bộ thôn Nà Coóc"))

            // The district's placement plan, and the decision printed from it.
            let plan = try await PlacementPlans(db: db, scope: .everything).propose(
                unitID: district, on: day, actor: .system)
            #expect(!plan.decisions.isEmpty)
            #expect(plan.decisions.allSatisfy { $0.toCellName.hasSuffix("(xã Thanh Tương)") })

            // The impact report over the district.
            let impact = try await ImpactReports(db: db, scope: .everything).report(
                unitID: district, placementDate: day, months: 3)
            #expect(
                Set(impact.cells.map(\.cell.name)) == [
                    "Chi bộ thôn Nà Coóc (xã Thanh Tương)", "Chi bộ thôn Nà Làng (xã Thanh Tương)",
                    "Chi bộ thôn Nà Coóc (xã Hồng Thái)",
                ])
        }
    }

    @Test(
        "R27: a member list over the district names each member's cell with its commune, so the two Nà Coóc differ",
        arguments: TestDatabase.all)
    func memberList(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset, actor: .system)
            let day = Fixtures.date("2019-04-01")
            let members = try await MemberDirectory(db: db, scope: .everything).search(.init(text: "", date: day))
                .items
            let cells = Dictionary(uniqueKeysWithValues: members.map { ($0.fullName, $0.cellName) })
            #expect(cells["Hoàng Văn Tài"] == "Chi bộ thôn Nà Coóc (xã Thanh Tương)")
            #expect(cells["Triệu Văn Ấn"] == "Chi bộ thôn Nà Coóc (xã Hồng Thái)")
            #expect(cells["Hoàng Văn Hoan"] == "Chi bộ cơ quan xã Thanh Tương")
        }
    }
}
