import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Importing villages, party organisations and posts into a stored tree (issue 18, rules.md R2, R3, R26, R27)")
struct TreeImportTests {
    static let today = Fixtures.date("2026-12-06")
    static let actor = Actor(name: "planner")

    static func run(
        _ csv: String, kind: ImportKind, on db: any Database, scope: AccessScope = .everything, dryRun: Bool = false
    ) async throws -> ImportReport {
        let table = try TableReader.csv(Data(csv.utf8))
        return try await SpreadsheetImport(db: db, scope: scope).run(
            table, kind: kind, mapping: ColumnMapping.guess(header: table.header, kind: kind), today: today,
            dryRun: dryRun, actor: actor)
    }

    /// The two communes' tree, and a scope of the first commune only.
    static func firstCommune(_ db: any Database) async throws -> AccessScope {
        _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.twoCommunes)
        return try await DatasetWriterScopeTests.firstCommune(on: db)
    }

    static func places(_ report: ImportReport) -> [String] {
        report.errors.map { "\($0.line ?? 0) \($0.field ?? "")" }
    }

    @Test(
        "villages: a new one and a new profile of a stored one are written; a bad line writes nothing and names its field",
        arguments: TestDatabase.all)
    func villages(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let scope = try await Self.firstCommune(db)
            let header = "STT,Mã xã,Mã thôn,Tên thôn,Từ ngày,Khoảng cách (km),Số hộ,Số hộ nghèo,Vùng cao miền núi\n"
            let bad =
                header + """
                    1,00001,04,Nà Bốn,01/01/2020,4,60,5,có
                    2,00002,05,Bản Ngoài,01/01/2020,4,60,5,không
                    3,00001,06,Nà Sáu,01/01/2000,4,60,5,không
                    4,00001,07,Nà Bảy,01/01/2020,4,10,20,không
                    """
            let refused = try await Self.run(bad, kind: .villages, on: db, scope: scope)
            #expect(!refused.written && refused.rows == 4 && refused.valid == 1)
            #expect(Self.places(refused) == ["3 commune_code", "4 valid_from", "5 poor_households"])
            #expect(refused.errors[0].message(in: .vi).contains("không thuộc đơn vị bạn được quản lý"))
            #expect(refused.errors[1].message(in: .vi).contains("trước khi 00001 được thành lập"))
            #expect(try await UnitRecord.query(on: db).filter(\.$code == "00001.04").count() == 0)

            let good =
                header + """
                    1,00001,03,Nà Mới,01/01/2020,"7,5",90,12,có
                    2,00001,01,Nà Coóc,01/01/2021,19,85,20,có
                    """
            let report = try await Self.run(good, kind: .villages, on: db, scope: scope)
            #expect(report.errors.isEmpty && report.written && report.valid == 2)
            let tree = OrganisationTree(db: db, scope: .everything)
            let new = try #require(try await tree.unit(code: "00001.03", on: Self.today))
            #expect(new.profile?.distanceKm == 7.5 && new.profile?.households == 90 && new.profile?.mountain == true)
            // The stored village gets a new version from the file's date; the old one still answers for 2020.
            #expect(try await tree.unit(code: "00001.01", on: Self.today)?.profile?.households == 85)
            #expect(try await tree.unit(code: "00001.01", on: Fixtures.date("2020-06-01"))?.profile?.households == 80)
            let audit = try await AuditEntryRecord.query(on: db).filter(\.$entity == "unit")
                .filter(\.$actor == "planner").all()
            #expect(audit.map(\.action).sorted() == ["create", "update"])
        }
    }

    @Test(
        "organisations: parents in the file or in scope are written, older than their unit's record too; outside units, unknown codes and dates before the parent committee are refused",
        arguments: TestDatabase.all)
    func organisations(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let scope = try await Self.firstCommune(db)
            let header = "Mã tổ chức đảng,Loại tổ chức,Tên tổ chức đảng,Mã cấp ủy cấp trên,Mã đơn vị,Ngày thành lập\n"
            let bad =
                header + """
                    CB-TH-00001,Chi bộ khác,Chi bộ Trường Tiểu học,DB-00001,00001,01/09/2015
                    CB-TH-00002,Chi bộ khác,Chi bộ Trường Năng Khả,DB-00002,00002,01/09/2015
                    CB-00001.01,Chi bộ thôn bản,Chi bộ thôn Nà Coóc,DB-00001,00001.01,01/09/2015
                    CB-YT-00001,Chi bộ khác,Chi bộ Trạm Y tế,DB-00001,99999,01/09/2015
                    CB-YT-00002,Chi bộ khác,Chi bộ Trạm Y tế 2,DB-00001,00001,01/09/1990
                    """
            let refused = try await Self.run(bad, kind: .organisations, on: db, scope: scope)
            #expect(!refused.written && refused.valid == 1)
            let places = Self.places(refused)
            #expect(places.contains("3 unit_code") && places.contains("3 parent_code"))
            #expect(places.contains("4 code") && places.contains("5 unit_code") && places.contains("6 valid_from"))
            #expect(refused.errors.allSatisfy { $0.vietnamese != nil })
            #expect(try await OrganisationRecord.query(on: db).filter(\.$code == "CB-TH-00001").count() == 0)

            let good =
                header + """
                    DB-MOI,Đảng bộ xã,Đảng bộ mới,,00001,03/02/1950
                    CB-TH-00001,Chi bộ khác,Chi bộ Trường Tiểu học,DB-MOI,00001,01/09/2020
                    """
            let report = try await Self.run(good, kind: .organisations, on: db, scope: scope)
            #expect(report.errors.isEmpty && report.written)
            let school = try #require(
                try await OrganisationRecord.query(on: db).filter(\.$code == "CB-TH-00001").first())
            let parent = try #require(try await OrganisationRecord.query(on: db).filter(\.$code == "DB-MOI").first())
            #expect(school.parentID == parent.id && school.validFrom == "2020-09-01")
            // Older than its commune's stored start (1-1-2008, the list's first day): party organisations often are.
            #expect(parent.validFrom == "1950-02-03")
            #expect(
                try await AuditEntryRecord.query(on: db).filter(\.$entity == "organisation")
                    .filter(\.$actor == "planner").count() == 2)
        }
    }

    static let names = [
        "Hoàng Văn An", "Ma Thị Bình", "Triệu Văn Cường", "Nông Thị Dung", "Lý Văn Em", "Bàn Thị Giang",
        "Hà Văn Hải", "Quan Thị Khánh",
    ]

    /// Nà Coóc's cell with eight full members since 2001 and a ninth, full from 1-1-2020; citizen IDs 000000000101….
    static func seedCell(_ db: any Database) async throws {
        var dataset = Fixtures.tree
        dataset.members =
            names.enumerated().map { Fixtures.member($1, cell: "CB-00001.01", citizenID: "0000000001\($0 + 10)") }
            + [
                Fixtures.member(
                    "Đặng Văn Lâm", cell: "CB-00001.01", admitted: "2019-01-01", official: "2020-01-01",
                    citizenID: "000000000199")
            ]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
    }

    static let postHeader = "STT,Họ và tên,Ngày sinh,Số CCCD,Chức vụ,Mã chi bộ,Từ ngày,Đến ngày,Hình thức\n"

    @Test(
        "posts: a committee member below 9 full members (R2), a second secretary and a non-member are refused by line; nothing is written",
        arguments: TestDatabase.all)
    func refusedPosts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seedCell(db)
            let file =
                Self.postHeader + """
                    1,Hoàng Văn An,,000000000110,Bí thư chi bộ,CB-00001.01,01/02/2020,,Bầu
                    2,Ma Thị Bình,,000000000111,Chi ủy viên,CB-00001.01,01/06/2019,,Bầu
                    3,Triệu Văn Cường,,000000000112,Bí thư chi bộ,CB-00001.01,01/03/2020,,Bầu
                    4,Người Ngoài,,000000009999,Phó Bí thư chi bộ,CB-00001.01,01/03/2020,,Bầu
                    5,Nông Thị Dung,,000000000113,Phó Bí thư chi bộ,CB-99999,01/03/2020,,Bầu
                    """
            let report = try await Self.run(file, kind: .posts, on: db)
            #expect(!report.written && report.valid == 1)
            #expect(Self.places(report) == ["3 post", "4 post", "5 citizen_id", "6 organisation_code"])
            #expect(report.errors[0].message(in: .vi).contains("có 8 đảng viên chính thức"))
            #expect(report.errors[1].message(in: .vi).contains("Hoàng Văn An giữ chức vụ này"))
            #expect(report.errors[2].message(in: .en).contains("No party member"))
            #expect(try await PostRecord.query(on: db).count() == 0)
            #expect(try await AuditEntryRecord.query(on: db).filter(\.$action == "assign_post").count() == 0)
        }
    }

    @Test(
        "posts: a good file writes every post with its audit entry, persons found by citizen ID or name and birth date",
        arguments: TestDatabase.all)
    func writtenPosts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seedCell(db)
            let file =
                Self.postHeader + """
                    1,Hoàng Văn An,,000000000110,Bí thư chi bộ,CB-00001.01,01/02/2015,01/02/2020,Bầu
                    2,Ma Thị Bình,05/05/1975,,Bí thư chi bộ,CB-00001.01,01/02/2020,,Bầu
                    3,Triệu Văn Cường,,000000000112,Chi ủy viên,CB-00001.01,01/02/2020,,Chỉ định
                    """
            let dry = try await Self.run(file, kind: .posts, on: db, dryRun: true)
            #expect(dry.errors.isEmpty && !dry.written)
            #expect(try await PostRecord.query(on: db).count() == 0)
            let report = try await Self.run(file, kind: .posts, on: db)
            #expect(report.errors.isEmpty && report.written && report.valid == 3)
            let posts = try await PostRecord.query(on: db).sort(\.$validFrom).all()
            #expect(posts.map(\.kind) == ["cellSecretary", "cellSecretary", "cellCommitteeMember"])
            #expect(posts.first?.validUntil == "2020-02-01" && posts.last?.source == "appointment")
            let audit = try await AuditEntryRecord.query(on: db).filter(\.$action == "assign_post").all()
            #expect(audit.count == 3 && audit.allSatisfy { $0.actor == "planner" })
        }
    }

    @Test(
        "posts: an earlier secretary imported after today's is no second holder: terms that do not share a day (rules.md R26)",
        arguments: TestDatabase.all)
    func earlierHolderAfterToday(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seedCell(db)
            let today = Self.postHeader + "1,Ma Thị Bình,05/05/1975,,Bí thư chi bộ,CB-00001.01,01/02/2020,,Bầu\n"
            #expect(try await Self.run(today, kind: .posts, on: db).written)
            let an = "1,Hoàng Văn An,,000000000110,Bí thư chi bộ,CB-00001.01,01/02/2015,01/02/2020,Bầu\n"
            let overlapping = "2,Triệu Văn Cường,,000000000112,Bí thư chi bộ,CB-00001.01,01/06/2019,01/12/2019,Bầu\n"
            let refused = try await Self.run(Self.postHeader + an + overlapping, kind: .posts, on: db)
            #expect(Self.places(refused) == ["3 post"])
            #expect(refused.errors.first?.message(in: .vi).contains("Hoàng Văn An giữ chức vụ này") == true)
            #expect(try await Self.run(Self.postHeader + an, kind: .posts, on: db).written)
            let posts = try await PostRecord.query(on: db).sort(\.$validFrom).all()
            #expect(posts.map(\.validFrom) == ["2015-02-01", "2020-02-01"])
        }
    }
}
