import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Member CSV import: all or nothing, every bad row named by line and field")
struct ImportTests {
    static let header = "full_name,birth_date,sex,ethnicity,citizen_id,phone,admitted_on,official_on,cell_code\n"
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    static func importCSV(_ text: String, into db: any Database, dryRun: Bool = false) async throws
        -> DatasetWriteSummary
    {
        let file = try MemberCSVReader.read(Data(text.utf8), today: today)
        return try await DatasetWriter(db: db, scope: .everything).write(file, dryRun: dryRun)
    }

    @Test("a good file is imported; a dry run writes nothing", arguments: TestDatabase.all)
    func goodFile(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let csv =
                Self.header + """
                    Hoàng Văn Hoan,1975-02-03,Nam,Tày,000000000101,0900000101,2000-05-19,2001-05-19,CQ-00001
                    "Ma Thị Thu",12/08/1990,female,Tày,,,2015-03-26,2016-03-26,CB-00001.01
                    """
            let dry = try await Self.importCSV(csv, into: db, dryRun: true)
            #expect(dry.members == 2 && dry.dryRun)
            #expect(try await MemberRecord.query(on: db).count() == 0)
            let real = try await Self.importCSV(csv, into: db)
            #expect(real.members == 2)
            let thu = try await MemberDirectory(db: db, scope: .everything).search(.init(text: "thu", date: Self.today))
                .items
            #expect(thu.map(\.fullName) == ["Ma Thị Thu"])
            #expect(thu.first?.cellName == "Chi bộ thôn Nà Coóc (xã Thanh Tương)")
        }
    }

    @Test("bad rows are all reported with line and field, and nothing is written", arguments: TestDatabase.all)
    func badRows(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            _ = try await Self.importCSV(
                Self.header + "Lý Văn Có,1970-01-01,Nam,Tày,000000000999,,1995-01-01,1996-01-01,CQ-00001\n", into: db)
            let csv =
                Self.header + """
                    Hoàng Văn Một,1975-02-03,Nam,Tày,000000000101,,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Hai,2030-01-01,Nam,Tày,,,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Ba,1975-02-03,Nam,Tày,000000000101,,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Bốn,1975-02-03,Nam,Tày,,,2000-05-19,2001-05-19,CQ-99999
                    Hoàng Văn Năm,1975-02-03,X,Tày,,,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Sáu,1975-02-03,Nam,Tày,000000000999,,2000-05-19,2001-05-19,CQ-00001
                    Hoàng Văn Bảy,1975-02-03,Nam,Tày,,,not a date,,CQ-00001
                    """
            let error = await #expect(throws: (any Error).self) { try await Self.importCSV(csv, into: db) }
            let text = String(describing: error)
            #expect(text.contains("line 3, birth_date: 01/01/2030 is in the future"))
            #expect(text.contains("line 4, citizen_id: 000000000101 repeats line 2"))
            #expect(text.contains("line 5, cell_code: No cell has the code CQ-99999"))
            #expect(text.contains("line 6, sex"))
            #expect(text.contains("line 7, citizen_id: 000000000999 is already registered"))
            #expect(text.contains("line 8, admitted_on"))
            #expect(try await MemberRecord.query(on: db).count() == 1)
        }
    }

    @Test("a file without the required columns, or not CSV at all, is refused with a clear message")
    func malformed() throws {
        #expect(throws: InputError.self) {
            try MemberCSVReader.read(Data("name,birthday\nA,1990-01-01\n".utf8), today: Self.today)
        }
        let error = #expect(throws: InputError.self) {
            try MemberCSVReader.read(Data("full_name,birth_date\nA,1990-01-01\n".utf8), today: Self.today)
        }
        #expect(error?.description.contains("sex: A required column is missing.") == true)
        #expect(throws: InputError.self) { try MemberCSVReader.read(Data([0xFF, 0xFE, 0x00]), today: Self.today) }
        #expect(throws: InputError.self) { try MemberCSVReader.read(Data(), today: Self.today) }
        let short = try MemberCSVReader.read(Data((Self.header + "A,1990-01-01,Nam\n").utf8), today: Self.today)
        #expect(short.members.isEmpty)
        #expect(short.issues.map(\.description) == ["line 2: The line has 3 fields, the header has 9."])
    }

    @Test("an export imports again into an empty database with the same members", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        var dataset = Fixtures.tree
        dataset.members = [
            // On the roll since the cell's record began: a file cannot say earlier (rules.md R26).
            Fixtures.member("Hoàng Văn Hoan", joined: "2008-01-01", citizenID: "000000000001"),
            Fixtures.member("Ma Thị, \"Thu\"", cell: "CB-00001.01", admitted: "2018-06-01", official: nil),
        ]
        let exported = try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            return try MemberCSVWriter.csv(try await MemberExporter(db: db, scope: .everything).drafts(on: Self.today))
        }
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let summary = try await Self.importCSV(exported, into: db)
            #expect(summary.members == 2)
            let again = try MemberCSVWriter.csv(
                try await MemberExporter(db: db, scope: .everything).drafts(on: Self.today))
            #expect(again == exported)
        }
    }

    @Test(
        "the export as of a day lists only members of the party that day, as they stood then (rules.md R26, R28)",
        arguments: TestDatabase.all)
    func exportAsOf(database: TestDatabase) async throws {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member("Hoàng Văn Hoan"),
            Fixtures.member("Ma Văn Mất", status: .deceased, statusSince: "2016-08-01"),
            Fixtures.member("Lò Văn Ra", status: .left, statusSince: "2020-02-01"),
            Fixtures.member("Nông Thị Mới", admitted: "2018-06-01", official: "2019-06-01"),
        ]
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let exporter = MemberExporter(db: db, scope: .everything)
            let in2019 = try await exporter.drafts(on: Fixtures.date("2019-03-31"))
            #expect(in2019.map(\.fullName).sorted() == ["Hoàng Văn Hoan", "Lò Văn Ra", "Nông Thị Mới"])
            let ra = try #require(in2019.first { $0.fullName == "Lò Văn Ra" })
            #expect(ra.party.status == .full && ra.party.statusSince == nil)
            let moi = try #require(in2019.first { $0.fullName == "Nông Thị Mới" })
            #expect(moi.party.status == .probationary && moi.party.officialOn == nil)
            let in2021 = try await exporter.drafts(on: Fixtures.date("2021-01-01"))
            #expect(in2021.map(\.fullName).sorted() == ["Hoàng Văn Hoan", "Nông Thị Mới"])
        }
    }
}
