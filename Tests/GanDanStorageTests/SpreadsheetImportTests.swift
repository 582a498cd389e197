import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Spreadsheet import: mapping, every bad row by line, duplicates, all or nothing (rules.md R25, R27, R28)")
struct SpreadsheetImportTests {
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    static func table(_ csv: String) throws -> ImportTable {
        try TableReader.csv(Data(csv.utf8))
    }

    static func run(
        _ csv: String, kind: ImportKind = .members, on db: any Database, dryRun: Bool = false, confirm: Bool = false,
        scope: AccessScope = .everything
    ) async throws -> ImportReport {
        let table = try table(csv)
        return try await SpreadsheetImport(db: db, scope: scope).run(
            table, kind: kind, mapping: ColumnMapping.guess(header: table.header, kind: kind), today: today,
            dryRun: dryRun, confirmDuplicates: confirm)
    }

    static let header = "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ngày vào Đảng,Ngày chính thức,Mã chi bộ\n"

    @Test("every bad row is listed with its line and field, and nothing is written", arguments: TestDatabase.all)
    func everyBadRow(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let csv =
                Self.header + """
                    Hoàng Văn Một,1975-02-03,Nam,000000000101,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Hai,2030-01-01,Nam,,2000-05-19,2001-05-19,CQ-00001

                    Hoàng Văn Ba,1975-02-03,X,,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Bốn,1975-02-03,Nam,,2000-05-19,2001-05-19,CQ-99999
                    ,1975-02-03,Nam,000000000101,hôm qua,,CQ-00001
                    """
            let report = try await Self.run(csv, on: db)
            #expect(!report.written)
            #expect(report.rows == 5 && report.valid == 1)
            let found = report.errors.map { "\($0.line ?? 0) \($0.field ?? "")" }
            #expect(found.contains("3 birth_date"))
            #expect(found.contains("5 sex"))
            #expect(found.contains("6 cell_code"))
            #expect(found.contains("7 full_name"))
            #expect(found.contains("7 admitted_on"))
            #expect(report.errors.map { $0.line ?? 0 } == report.errors.map { $0.line ?? 0 }.sorted())
            #expect(try await MemberRecord.query(on: db).count() == 0)
            let csvErrors = try ImportIssuesCSV.csv(report, language: .en)
            #expect(csvErrors.hasPrefix("line,field,severity,message"))
            #expect(csvErrors.contains("6,cell_code,error,No cell has the code CQ-99999."))
            let vietnamese = try ImportIssuesCSV.csv(report, language: .vi)
            #expect(vietnamese.hasPrefix("Dòng,Cột,Loại,Nội dung"))
            #expect(vietnamese.contains("6,cell_code,lỗi,") && !vietnamese.contains("No cell has"))
        }
    }

    @Test(
        "text with backslashes, tabs and quotes is stored as written, and the audit names each new member",
        arguments: TestDatabase.all)
    func textRoundTrips(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let csv =
                "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Ngày vào Đảng,Ngày chính thức,Mã chi bộ\n"
                + "Hoàng Văn Một,1975-02-03,Nam,\"Tày \\ Nùng\tMông\",2000-05-19,2001-05-19,CQ-00001\n"
                + "Lò Thị Hai,1976-02-03,Nữ,\"Dao \"\"Đỏ\"\"\",2000-05-19,2001-05-19,CQ-00001\n"
            let report = try await Self.run(csv, on: db)
            #expect(report.written && report.valid == 2)
            let stored = try await MemberRecord.query(on: db).sort(\.$birthDate).all()
            #expect(stored.map(\.ethnicity) == ["Tày \\ Nùng\tMông", "Dao \"Đỏ\""])
            #expect(stored.map(\.nameSearch) == ["hoang van mot", "lo thi hai"])
            #expect(stored.allSatisfy { $0.citizenID == nil && $0.statusSince == nil })
            // One entry for the cell, naming both members and their lines (rules.md R30).
            let audit = try await AuditEntryRecord.query(on: db).filter(\.$entity == "member").all()
            #expect(audit.count == 1)
            let after = try #require(audit.first?.after)
            #expect(stored.allSatisfy { after.contains($0.id!.uuidString) })
            #expect(after.contains("\"lines\":[2,3]") && after.contains("CQ-00001"))
            if case .broken(let seq, let reason) = try await AuditTrail(db: db, scope: .everything).verify() {
                Issue.record("the audit chain breaks at entry \(seq): \(reason)")
            }
        }
    }

    @Test(
        "a large file is parsed in parts and written in chunks: a bad row is named by its line, then every row lands once",
        arguments: TestDatabase.all)
    func largeFile(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            // More rows than one parse part (2,000) and than one write chunk (5,000), so both split.
            let count = 10_001
            func rows(badAt bad: Int?) -> String {
                var csv = Self.header
                for index in 0..<count {
                    let id = String(1_000_000_000_000 + index).dropFirst()
                    let cell = index.isMultiple(of: 2) ? "CQ-00001" : "CB-00001.01"
                    let sex = index == bad ? "X" : (index.isMultiple(of: 3) ? "Nữ" : "Nam")
                    csv += "Hoàng Văn Số \(index),1975-02-03,\(sex),\(id),2000-05-19,2001-05-19,\(cell)\n"
                }
                return csv
            }
            let refused = try await Self.run(rows(badAt: 7_000), on: db)
            try #require(refused.errors.count == 1)
            #expect(refused.errors.map { "\($0.line ?? 0) \($0.field ?? "")" } == ["7002 sex"])
            #expect(!refused.written && refused.valid == count - 1)
            #expect(try await MemberRecord.query(on: db).count() == 0)

            let report = try await Self.run(rows(badAt: nil), on: db)
            #expect(report.written && report.valid == count)
            #expect(try await MemberRecord.query(on: db).count() == count)
            #expect(try await MembershipRecord.query(on: db).count() == count)
            let last = try #require(
                try await MemberRecord.query(on: db).filter(\.$citizenID == "000000010000").first())
            #expect(last.fullName == "Hoàng Văn Số 10000" && last.nameSearch == "hoang van so 10000")
            // One audit entry per cell, together naming every line once (rules.md R30).
            let audit = try await AuditEntryRecord.query(on: db).filter(\.$entity == "member").all()
            #expect(audit.count == 2)
            var lines: [Int] = []
            for entry in audit {
                let object = try JSONSerialization.jsonObject(with: Data((entry.after ?? "{}").utf8)) as? [String: Any]
                let cellLines = object?["lines"] as? [Int] ?? []
                // Even rows (even lines) went to CQ-00001: each line stayed with its own row through the parts.
                let even = object?["cell"] as? String == "CQ-00001"
                #expect(cellLines.allSatisfy { $0.isMultiple(of: 2) == even } && cellLines == cellLines.sorted())
                lines += cellLines
            }
            #expect(lines.sorted() == Array(2...(count + 1)))
            if case .broken(let seq, let reason) = try await AuditTrail(db: db, scope: .everything).verify() {
                Issue.record("the audit chain breaks at entry \(seq): \(reason)")
            }
        }
    }

    @Test(
        "an empty joining day is the founding of a younger cell; an earlier one is refused by line (rules.md R26)",
        arguments: TestDatabase.all)
    func joiningDay(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let header = Self.header.dropLast() + ",Ngày sinh hoạt tại chi bộ\n"
            let early = try await Self.run(
                header + "Hoàng Văn Một,1975-02-03,Nam,000000000101,2000-05-19,2001-05-19,CQ-00001,2005-01-01", on: db)
            #expect(!early.written)
            #expect(early.errors.map { "\($0.line ?? 0) \($0.field ?? "")" } == ["2 joined_cell_on"])
            #expect(early.errors.first?.message(in: .vi).contains("01/01/2008") == true)
            let empty = try await Self.run(
                header + "Hoàng Văn Một,1975-02-03,Nam,000000000101,2000-05-19,2001-05-19,CQ-00001,", on: db)
            #expect(empty.written && empty.errors.isEmpty)
            #expect(try await MembershipRecord.query(on: db).all().map(\.validFrom) == ["2008-01-01"])
        }
    }

    @Test("a good file: the dry run writes nothing, the import writes every row", arguments: TestDatabase.all)
    func dryRunThenImport(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let csv =
                Self.header + """
                    Hoàng Văn Một,03/02/1975,Nam,000000000101,2000-05-19,2001-05-19,CQ-00001
                    Ma Thị Hai,1980-04-04,Nữ,,2010-05-19,,CB-00001.01
                    """
            let dry = try await Self.run(csv, on: db, dryRun: true)
            #expect(dry.errors.isEmpty && dry.duplicates.isEmpty && dry.valid == 2 && !dry.written)
            #expect(try await MemberRecord.query(on: db).count() == 0)
            let real = try await Self.run(csv, on: db)
            #expect(real.written && real.valid == 2)
            #expect(try await MemberRecord.query(on: db).count() == 2)
            #expect(try await MembershipRecord.query(on: db).count() == 2)
        }
    }

    @Test(
        "duplicates by citizen ID are errors; by folded name and birth date they must be confirmed",
        arguments: TestDatabase.all)
    func duplicates(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var tree = Fixtures.tree
            tree.members = [Fixtures.member("Nguyễn Văn An", born: "1980-02-03", citizenID: "000000000777")]
            _ = try await DatasetWriter(db: db, scope: .everything).write(tree)
            let byID =
                Self.header + """
                    Lò Văn Cả,1970-01-01,Nam,000000000777,2000-05-19,2001-05-19,CQ-00001
                    Lò Văn Đủ,1971-01-01,Nam,000000000888,2000-05-19,2001-05-19,CQ-00001
                    Lò Văn Đủ Hai,1972-01-01,Nam,000000000888,2000-05-19,2001-05-19,CQ-00001
                    """
            let idReport = try await Self.run(byID, on: db, confirm: true)
            #expect(idReport.errors.map(\.line) == [2, 4])
            #expect(idReport.errors.allSatisfy { $0.field == "citizen_id" })
            #expect(!idReport.written)

            let byName =
                Self.header + """
                    NGUYEN VAN AN,1980-02-03,Nam,,2000-05-19,2001-05-19,CQ-00001
                    Trần Thị Bé,1990-09-09,Nữ,,2015-05-19,2016-05-19,CQ-00001
                    Tran thi be,09/09/1990,Nữ,,2015-05-19,2016-05-19,CB-00001.01
                    """
            let unconfirmed = try await Self.run(byName, on: db)
            #expect(unconfirmed.errors.isEmpty)
            #expect(unconfirmed.duplicates.map(\.line) == [2, 4])
            #expect(unconfirmed.duplicates[0].message.contains("already registered"))
            #expect(unconfirmed.duplicates[1].message.contains("line 3"))
            #expect(!unconfirmed.written)
            #expect(try await MemberRecord.query(on: db).count() == 1)
            let confirmed = try await Self.run(byName, on: db, confirm: true)
            #expect(confirmed.written)
            #expect(try await MemberRecord.query(on: db).count() == 4)
        }
    }

    @Test("households: villages by code, scope, duplicates, all or nothing", arguments: TestDatabase.all)
    func households(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let header = "Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Năm,Phân loại hộ\n"
            let bad =
                header + """
                    00001.01,Ma Văn Pảo,5,2024,Hộ nghèo
                    00001.09,Ma Văn Pình,4,2024,poor
                    00001.02,Lò Thị Dung,3,2024,giàu
                    """
            let refused = try await Self.run(bad, kind: .households, on: db)
            #expect(refused.errors.map { "\($0.line ?? 0) \($0.field ?? "")" } == ["3 village_code", "4 status"])
            #expect(try await HouseholdRecord.query(on: db).count() == 0)

            let good =
                header + """
                    00001.01,Ma Văn Pảo,5,2024,Hộ nghèo
                    00001.02,Lò Thị Dung,3,2024,cận nghèo
                    00001.02,LO THI DUNG,2,2024,poor
                    """
            let unconfirmed = try await Self.run(good, kind: .households, on: db)
            #expect(unconfirmed.duplicates.map(\.line) == [4])
            #expect(!unconfirmed.written)
            let written = try await Self.run(good, kind: .households, on: db, confirm: true)
            #expect(written.written)
            #expect(try await HouseholdStatusRecord.query(on: db).count() == 3)
            let village = try #require(
                try await UnitRecord.query(on: db).filter(\.$code == "00001.01").first()
            ).unitID
            let list = try await HouseholdRegister(db: db, scope: .everything).households(
                ofVillage: village, year: 2024)
            #expect(list.map(\.headName) == ["Ma Văn Pảo"] && list.first?.status == .poor)

            let again = try await Self.run(header + "00001.01,MA VAN PAO,5,2025,poor\n", kind: .households, on: db)
            #expect(again.duplicates.first?.message.contains("already has a household") == true)

            let outside = try await Self.run(
                header + "00001.02,Hà Văn Tư,5,2024,poor\n", kind: .households, on: db,
                scope: .restricted(units: [village], organisations: []))
            #expect(outside.errors.map(\.message) == ["The village 00001.02 is outside the units you may manage."])
        }
    }

    @Test("members outside the importer's scope are refused by line", arguments: TestDatabase.all)
    func memberScope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let cell = try #require(try await OrganisationRecord.query(on: db).filter(\.$code == "CB-00001.01").first())
            let csv =
                Self.header + """
                    Ma Thị Hai,1980-04-04,Nữ,,2010-05-19,,CB-00001.01
                    Ma Thị Ba,1981-04-04,Nữ,,2010-05-19,,CQ-00001
                    """
            let report = try await Self.run(
                csv, on: db, scope: .restricted(units: [cell.unitID], organisations: [cell.id!]))
            #expect(report.errors.map(\.line) == [3])
            #expect(report.errors.first?.message.contains("outside") == true)
            #expect(try await MemberRecord.query(on: db).count() == 0)
        }
    }

    @Test("an XLSX workbook imports like the CSV", arguments: TestDatabase.all)
    func xlsx(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let table = try XLSXReader.table(try XLSXFixtures.excel())
            let mapping = ColumnMapping.guess(header: table.header, kind: .members)
            let report = try await SpreadsheetImport(db: db, scope: .everything).run(
                table, kind: .members, mapping: mapping, today: Self.today, dryRun: false)
            // Line 4 has no sex and no admission date: both reported, so the good line 2 is not written either.
            #expect(report.errors.map { "\($0.line ?? 0) \($0.field ?? "")" } == ["4 sex", "4 admitted_on"])
            #expect(!report.written)
            #expect(try await MemberRecord.query(on: db).count() == 0)
            var fixed = table
            fixed.rows.removeLast()
            let written = try await SpreadsheetImport(db: db, scope: .everything).run(
                fixed, kind: .members, mapping: mapping, today: Self.today, dryRun: false)
            #expect(written.written)
            let stored = try await MemberRecord.query(on: db).all()
            #expect(stored.map(\.fullName) == ["Nguyễn Văn An"] && stored.first?.birthDate == "1980-02-03")
        }
    }
}
