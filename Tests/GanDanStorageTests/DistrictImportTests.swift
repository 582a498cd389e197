import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("A district folder loads into an empty database all or nothing, every problem named by file, line and field")
struct DistrictImportTests {
    static let today = CivilDate.on(2026, 11, 25)

    /// A commune with one village and its cell, two members, and the posts given.
    static func folder(
        posts: String = "", villageFrom: String = "2008-01-01", cellFrom: String = "1990-01-01",
        joined: String = "2001-05-19"
    ) throws -> DistrictFolder {
        let texts: [DistrictFile: String] = [
            .units: """
            Mã đơn vị,Cấp,Tên đơn vị,Mã đơn vị cấp trên,Từ ngày
            08,province,Tuyên Quang,,2008-01-01
            072,district,Na Hang,08,2008-01-01
            02284,commune,Thanh Tương,072,2008-01-01
            """,
            .villages: """
            Mã xã,Mã thôn,Tên thôn,Loại,Từ ngày,Khoảng cách (km),Số hộ,Số hộ nghèo,Năm rà soát,DTTS,Miền núi
            02284,01,Nà Coóc,Thôn,\(villageFrom),"19,5",120,30,2018,x,có
            """,
            .organisations: """
            code,kind,name,parent_code,unit_code,valid_from
            DB-02284,grassrootsCommittee,Đảng bộ xã Thanh Tương,,02284,1960-01-01
            CB-02284.01,villageCell,Chi bộ thôn Nà Coóc,DB-02284,02284.01,\(cellFrom)
            """,
            .members: """
            full_name,birth_date,sex,ethnicity,citizen_id,admitted_on,official_on,cell_code,joined_cell_on
            Hoàng Văn Hoan,1975-02-03,Nam,Tày,008075000101,2000-05-19,2001-05-19,CB-02284.01,\(joined)
            Ma Thị Thu,1990-08-12,Nữ,Tày,008190000102,2015-03-26,2016-03-26,CB-02284.01,2016-03-26
            """,
            .posts: "Số CCCD,Chức vụ,Mã tổ chức đảng,Từ ngày,Đến ngày,Hình thức\n" + posts,
        ]
        var tables: [DistrictFile: ImportTable] = [:]
        for (file, text) in texts { tables[file] = try TableReader.csv(Data(text.utf8)) }
        return DistrictFolder(tables: tables, today: today)
    }

    /// Imports the folder and expects it refused with exactly one issue; then that the database is still empty.
    static func expectRefused(_ folder: DistrictFolder, db: any Database) async throws -> InputIssue? {
        var found: [InputIssue] = []
        do {
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(folder, dryRun: false, actor: .cli)
            Issue.record("the folder was imported")
        } catch InputError.invalid(let issues) {
            found = issues
        }
        #expect(found.count == 1, "\(found)")
        #expect(try await UnitRecord.query(on: db).count() == 0)
        #expect(try await OrganisationRecord.query(on: db).count() == 0)
        #expect(try await MemberRecord.query(on: db).count() == 0)
        return found.first
    }

    @Test(
        "a good folder is imported with its village profile, ratings and posts; a second one into the same database is refused",
        arguments: TestDatabase.all)
    func goodFolder(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let folder = try Self.folder(posts: "008075000101,Bí thư chi bộ,CB-02284.01,2017-05-01,,Bầu\n")
            #expect(folder.issues == [])
            let dry = try await DistrictImport(db: db, scope: .commandLineOperator).run(
                folder, dryRun: true, actor: .cli)
            #expect(dry.members == 2 && dry.dryRun)
            #expect(try await MemberRecord.query(on: db).count() == 0)
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(folder, dryRun: false, actor: .cli)
            let day = CivilDate.on(2019, 3, 31)
            let tree = OrganisationTree(db: db, scope: .everything)
            let village = try #require(try await tree.unit(code: "02284.01", on: day))
            #expect(village.profile?.distanceKm == 19.5)
            #expect(village.profile?.povertyRate == 0.25)
            #expect(village.profile?.ethnicMinority == true && village.profile?.mountain == true)
            let post = try #require(try await PostRecord.query(on: db).first())
            #expect(post.source == PostSource.election.rawValue)
            let exported = try await DistrictExport(db: db, scope: .commandLineOperator).dataset(
                unitCode: "072", on: day, actor: .cli)
            #expect(exported.members.flatMap(\.posts).map(\.source) == [.election])
            await #expect(throws: StorageError.self) {
                try await DistrictImport(db: db, scope: .commandLineOperator).run(folder, dryRun: false, actor: .cli)
            }
        }
    }

    @Test(
        "an empty joining day is the founding of a younger cell; an earlier one is refused by line (rules.md R26)",
        arguments: TestDatabase.all)
    func joiningDayHeldToFounding(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let early = try Self.folder(cellFrom: "2010-01-01", joined: "2005-01-01")
            let issue = try #require(try await Self.expectRefused(early, db: db))
            #expect(issue.file == "members" && issue.line == 2 && issue.field == "joined_cell_on")
            #expect(issue.message(in: .vi).contains("01/01/2010"))
            let empty = try Self.folder(cellFrom: "2010-01-01", joined: "")
            #expect(empty.issues == [])
            _ = try await DistrictImport(db: db, scope: .commandLineOperator).run(empty, dryRun: false, actor: .cli)
            let froms = try await MembershipRecord.query(on: db).all().map(\.validFrom).sorted()
            #expect(froms == ["2010-01-01", "2016-03-26"])
        }
    }

    @Test(
        "a post for a person who is not a member is refused with its file, line and field", arguments: TestDatabase.all)
    func postOfNonMember(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let folder = try Self.folder(posts: "008080000999,Bí thư chi bộ,CB-02284.01,2017-05-01,,\n")
            let issue = try #require(try await Self.expectRefused(folder, db: db))
            #expect(issue.file == "posts" && issue.line == 2 && issue.field == "citizen_id")
            #expect(issue.message.contains("no member"))
        }
    }

    @Test("two secretaries of one cell on one day are refused (rules.md R2, R3)", arguments: TestDatabase.all)
    func twoSecretaries(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let folder = try Self.folder(
                posts: """
                    008075000101,cellSecretary,CB-02284.01,2017-05-01,,
                    008190000102,Bí thư chi bộ,CB-02284.01,2018-06-01,,Chỉ định

                    """)
            let issue = try #require(try await Self.expectRefused(folder, db: db))
            #expect(issue.file == "posts" && issue.line == 3 && issue.field == "post")
            #expect(issue.message.contains("2018-06-01") && issue.message.contains("Hoàng Văn Hoan"))
        }
    }

    @Test(
        "a cell committee member in a cell of two full members is refused, as the post form refuses it (rules.md R2)",
        arguments: TestDatabase.all)
    func committeeBelowThreshold(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let folder = try Self.folder(
                posts: """
                    008075000101,cellSecretary,CB-02284.01,2017-05-01,,
                    008190000102,Chi ủy viên,CB-02284.01,2017-05-01,,Bầu

                    """)
            let issue = try #require(try await Self.expectRefused(folder, db: db))
            #expect(issue.file == "posts" && issue.line == 3 && issue.field == "post")
            #expect(issue.message(in: .vi).contains("có 2 đảng viên chính thức"))
        }
    }

    @Test("a village dated before its commune existed is refused (rules.md R26)", arguments: TestDatabase.all)
    func villageBeforeCommune(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let folder = try Self.folder(villageFrom: "2000-01-01")
            let issue = try #require(try await Self.expectRefused(folder, db: db))
            #expect(issue.file == "villages" && issue.line == 2 && issue.field == "valid_from")
            #expect(issue.message.contains("before 02284 existed"))
        }
    }
}
