import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite(
    "Official transfers waiting on the day and temporary ones in force travel in a district folder's transfers file and are kept on import"
)
struct DistrictTransfersTests {
    /// The import tests' folder with a second commune, its committee, village and cell to transfer into.
    static func folder() throws -> DistrictFolder {
        var folder = try DistrictImportTests.folder()
        folder.dataset.units += [
            UnitDraft(code: "02285", kind: .commune, name: "Năng Khả", parentCode: "072", validity: Fixtures.since),
            UnitDraft(
                code: "02285.01", kind: .village, name: "Bản Tùn", parentCode: "02285", validity: Fixtures.since,
                profile: VillageProfile(households: 60)),
        ]
        folder.dataset.organisations += [
            OrganisationDraft(
                code: "DB-02285", kind: .grassrootsCommittee, name: "Đảng bộ xã Năng Khả", unitCode: "02285",
                parentCode: nil, validity: Fixtures.since),
            OrganisationDraft(
                code: "CB-02285.01", kind: .villageCell, name: "Chi bộ thôn Bản Tùn", unitCode: "02285.01",
                parentCode: "DB-02285", validity: Fixtures.since),
        ]
        return folder
    }

    @Test(
        "a transfer sent before the day and not received is written to transfers.csv, read back and stored with its deadline; one sent after the day is not",
        arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("transfers-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = CivilDate.on(2026, 11, 1)
        let deadline = try await database.withDatabase { db in
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(
                try Self.folder(), dryRun: false, actor: .cli)
            let members = try await MemberRecord.query(on: db).sort(\.$fullName).all()
            let banTun = try #require(
                try await OrganisationRecord.query(on: db).filter(\.$code == "CB-02285.01").first())
            let writer = TransferWriter(db: db, scope: .everything)
            for (member, on) in zip(members, ["2026-10-01", "2026-11-10"]) {
                try await writer.send(
                    try member.requireID(),
                    TransferForm(kind: "official", toCell: try banTun.requireID().uuidString, on: on, reason: "Về quê"),
                    today: DistrictImportTests.today, actor: .cli)
            }
            let export = DistrictExport(db: db, scope: .commandLineOperator)
            let dataset = try await export.dataset(unitCode: "072", on: day, actor: .cli)
            let transfers = try await export.pendingTransfers(of: dataset, on: day)
            #expect(transfers.map { dataset.members[$0.member].fullName } == ["Hoàng Văn Hoan"])
            #expect(transfers.map(\.toCellCode) == ["CB-02285.01"] && transfers.map(\.fromCellCode) == ["CB-02284.01"])
            #expect(try await export.pendingTransfers(of: dataset, on: CivilDate.on(2026, 9, 30)).isEmpty)
            _ = try DistrictFolder.write(dataset, transfers: transfers, to: directory, format: .csv)
            return try #require(transfers.first?.deadline)
        }
        let text = try String(contentsOf: directory.appendingPathComponent("transfers.csv"), encoding: .utf8)
        #expect(text.contains("CB-02284.01,CB-02285.01,official,2026-10-01,\(deadline.iso)"))
        let folder = DistrictFolder.read(from: directory, today: DistrictImportTests.today)
        #expect(folder.issues == [])
        #expect(folder.transfers.count == 1)
        try await database.withDatabase { db in
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(folder, dryRun: false, actor: .cli)
            let stored = try #require(try await MemberTransferRecord.query(on: db).first())
            #expect(try await MemberTransferRecord.query(on: db).count() == 1)
            #expect(stored.sentOn == "2026-10-01" && stored.deadline == deadline.iso && stored.receivedOn == nil)
            let hoan = try #require(
                try await MemberRecord.query(on: db).filter(\.$fullName == "Hoàng Văn Hoan").first())
            #expect(stored.memberID == hoan.id)
            // Filed on the member as the transfer form files it, so the member's history and both units see it.
            let entry = try #require(
                try await AuditEntryRecord.query(on: db).filter(\.$action == "transfer_official").first())
            #expect(entry.entity == "member" && entry.entityID == hoan.id?.uuidString)
            let pending = try await MemberTransfers(db: db, scope: .everything).pending(into: [stored.toCellID])
            #expect(pending.map(\.memberName) == ["Hoàng Văn Hoan"])
        }
    }

    @Test(
        "a temporary transfer in force on the day travels with its end, and the import puts the member on the host cell's roll until then (rules.md R13)",
        arguments: TestDatabase.all)
    func temporaryRoundTrip(database: TestDatabase) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("temporary-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = CivilDate.on(2026, 11, 1)
        try await database.withDatabase { db in
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(
                try Self.folder(), dryRun: false, actor: .cli)
            let thu = try #require(try await MemberRecord.query(on: db).filter(\.$fullName == "Ma Thị Thu").first())
            let banTun = try #require(
                try await OrganisationRecord.query(on: db).filter(\.$code == "CB-02285.01").first())
            try await TransferWriter(db: db, scope: .everything).send(
                try thu.requireID(),
                TransferForm(
                    kind: "temporary", toCell: try banTun.requireID().uuidString, on: "2026-09-01",
                    until: "2027-03-01", reason: "Đi làm ăn xa"),
                today: DistrictImportTests.today, actor: .cli)
            let export = DistrictExport(db: db, scope: .commandLineOperator)
            let dataset = try await export.dataset(unitCode: "072", on: day, actor: .cli)
            let transfers = try await export.pendingTransfers(of: dataset, on: day)
            #expect(transfers.map(\.kind) == [.temporary] && transfers.map(\.until) == [.on(2027, 3, 1)])
            #expect(try await export.pendingTransfers(of: dataset, on: .on(2027, 3, 1)).isEmpty)
            _ = try DistrictFolder.write(dataset, transfers: transfers, to: directory, format: .csv)
        }
        let text = try String(contentsOf: directory.appendingPathComponent("transfers.csv"), encoding: .utf8)
        #expect(text.contains("CB-02284.01,CB-02285.01,temporary,2026-09-01,,2027-03-01"))
        let folder = DistrictFolder.read(from: directory, today: DistrictImportTests.today)
        #expect(folder.issues == [])
        try await database.withDatabase { db in
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(folder, dryRun: false, actor: .cli)
            let stored = try #require(try await MemberTransferRecord.query(on: db).first())
            #expect(stored.kind == "temporary" && stored.receivedOn == "2026-09-01" && stored.until == "2027-03-01")
            let hosted = try await MembershipRecord.query(on: db).filter(\.$kind == MembershipKind.temporary.rawValue)
                .all()
            #expect(hosted.map(\.validFrom) == ["2026-09-01"] && hosted.map(\.validUntil) == ["2027-03-01"])
            #expect(hosted.map(\.organisationID) == [stored.toCellID] && hosted.map(\.memberID) == [stored.memberID])
            #expect(try await AuditEntryRecord.query(on: db).filter(\.$action == "transfer_temporary").count() == 1)
        }
    }

    @Test(
        "a transfer of someone not in the members file, into an unknown cell or the member's own, from a cell not the member's, sent before joining it, a second one of a member, or a temporary one without its end, too long or beside another is refused by line and field",
        arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        var tables: [DistrictFile: ImportTable] = [:]
        for (file, table) in DistrictFolder.tables(try Self.folder().dataset) {
            tables[file] = try TableReader.csv(try TableCSVWriter.data(table))
        }
        tables[.transfers] = try TableReader.csv(
            Data(
                """
                citizen_id,from_cell_code,to_cell_code,kind,sent_on,until
                008075000999,CB-02284.01,CB-02285.01,official,2026-10-01,
                008075000101,CB-02284.01,CB-99999.01,official,2026-10-01,
                008075000101,CB-02285.01,CB-02284.01,,2026-10-01,
                008075000101,CB-02284.01,CB-02285.01,tạm thời,2026-10-01,
                008075000101,CB-02284.01,CB-02284.01,official,2026-10-01,
                008075000101,CB-02284.01,CB-02285.01,official,2026-10-01,
                008075000101,CB-02284.01,CB-02285.01,official,2026-10-05,
                008190000102,CB-02284.01,CB-02285.01,official,2015-01-01,
                008190000102,CB-02284.01,CB-02285.01,tạm thời,2026-10-01,2028-01-01
                008190000102,CB-02284.01,CB-02285.01,tạm thời,2026-10-01,2027-01-01
                008190000102,CB-02284.01,CB-02285.01,temporary,2026-10-02,2027-01-02
                008190000102,CB-02284.01,CB-02285.01,chuyển hẳn,2026-10-02,
                """.utf8))
        let folder = DistrictFolder(tables: tables, today: DistrictImportTests.today)
        #expect(
            folder.issues.map { "\($0.file ?? "") \($0.line ?? 0) \($0.field ?? "")" }.sorted() == [
                "transfers 10 until", "transfers 12 citizen_id", "transfers 13 kind", "transfers 2 citizen_id",
                "transfers 3 to_cell_code", "transfers 4 from_cell_code", "transfers 5 until",
                "transfers 6 to_cell_code", "transfers 8 citizen_id", "transfers 9 sent_on",
            ])
        #expect(folder.transfers.map(\.kind) == [.official, .temporary])
        try await database.withDatabase { db in
            await #expect(throws: InputError.self) {
                _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(
                    folder, dryRun: false, actor: .cli)
            }
            let members = try await MemberRecord.query(on: db).count()
            let transfers = try await MemberTransferRecord.query(on: db).count()
            #expect(members == 0 && transfers == 0)
        }
    }
}
