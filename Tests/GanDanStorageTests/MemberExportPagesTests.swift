import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("A member export read a page at a time (issue 22): the whole roll, in name order, nothing twice")
struct MemberExportPagesTests {
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    /// Names that tie (the same name and birth date twice, the same name born on other days) and names whose order
    /// depends on Vietnamese letters (Đ after D, accents after the bare letter).
    static var dataset: OrganisationDataset {
        var dataset = Fixtures.tree
        let people: [(String, String, String)] = [
            ("Hoàng Văn An", "1980-01-01", "CQ-00001"), ("Hoàng Văn An", "1980-01-01", "CB-00001.01"),
            ("Hoàng Văn An", "1979-05-05", "CB-00001.02"), ("Hoàng Văn Ân", "1980-01-01", "CQ-00001"),
            ("Đào Thị Hoa", "1970-02-02", "CB-00001.01"), ("Dương Văn Hải", "1965-03-03", "CB-00001.02"),
            ("Ma Thị Thu", "1972-04-04", "CB-00001.01"), ("Lò Văn Ba", "1970-06-06", "CQ-00001"),
            ("Nông Văn Ất", "1968-07-07", "CB-00001.02"), ("Bàn Thị Mai", "1975-08-08", "CB-00001.01"),
            ("Triệu Văn Tài", "1966-09-09", "CQ-00001"),
        ]
        dataset.members = people.enumerated().map { index, person in
            Fixtures.member(
                person.0, cell: person.2, born: person.1, citizenID: "00000000\(1000 + index)")
        }
        dataset.members.append(Fixtures.member("Mà Văn Mất", status: .deceased, statusSince: "2016-08-01"))
        return dataset
    }

    @Test("pages of two make the same export as one read, in Vietnamese name order", arguments: TestDatabase.all)
    func pagesOfTwo(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset)
            let exporter = MemberExporter(db: db, scope: .everything)
            var pages: [[(id: UUID, draft: MemberDraft)]] = []
            let count = try await exporter.pages(on: Self.today, pageSize: 2) { pages.append($0) }
            let paged = pages.flatMap { $0 }
            #expect(count == 11)
            #expect(paged.count == 11 && Set(paged.map(\.id)).count == 11)
            #expect(pages.allSatisfy { $0.count <= 2 })
            #expect(!paged.contains { $0.draft.fullName == "Mà Văn Mất" })
            let whole = try await exporter.drafts(on: Self.today)
            #expect(paged.map(\.draft) == whole)
            let keys = paged.map { (VietnameseText.personNameSortKey($0.draft.fullName), $0.draft.birthDate) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
            // By given name first (An, Ân, Ất…), then the whole name, then the birth date.
            #expect(
                paged.map(\.draft.fullName) == [
                    "Hoàng Văn An", "Hoàng Văn An", "Hoàng Văn An", "Hoàng Văn Ân", "Nông Văn Ất", "Lò Văn Ba",
                    "Dương Văn Hải", "Đào Thị Hoa", "Bàn Thị Mai", "Triệu Văn Tài", "Ma Thị Thu",
                ])
            #expect(paged.first?.draft.birthDate == Fixtures.date("1979-05-05"))
            #expect(Set(paged.prefix(3).map(\.draft.cellCode)) == ["CQ-00001", "CB-00001.01", "CB-00001.02"])
        }
    }

    @Test("the pages' CSV lines, written one after another, are the export's CSV", arguments: TestDatabase.all)
    func csvLines(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset)
            let exporter = MemberExporter(db: db, scope: .everything)
            var text = ""
            var header = true
            try await exporter.pages(on: Self.today, pageSize: 3) { page in
                text += try MemberCSVWriter.lines(page.map(\.draft), header: header)
                header = false
            }
            #expect(text == (try MemberCSVWriter.csv(try await exporter.drafts(on: Self.today))))
            #expect(text.split(separator: "\n").count == 12)
            #expect(try MemberCSVWriter.lines([], header: false).isEmpty)
        }
    }

    @Test(
        "a member left on two official rolls (which the writers refuse) is listed once, and the pages after go on",
        arguments: TestDatabase.all)
    func doublyListed(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset)
            let first = try #require(
                try await MemberRecord.query(on: db).filter(\.$birthDate == "1979-05-05").first())
            let other = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CQ-00001"))
            try await MembershipRecord(
                member: try first.requireID(), cell: other.id, kind: MembershipKind.official.rawValue,
                transfer: .initial, from: Fixtures.date("2020-01-01")
            ).create(on: db)
            let exporter = MemberExporter(db: db, scope: .everything)
            var pages: [Int] = []
            let count = try await exporter.pages(on: Self.today, pageSize: 2) { pages.append($0.count) }
            // The first page's two rows are the same member: one draft, and the export does not stop there.
            #expect(pages.first == 1)
            #expect(count == 11 && pages.reduce(0, +) == 11)
        }
    }

    @Test("a limited scope's export holds only its cells' members, page after page", arguments: TestDatabase.all)
    func scoped(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.dataset)
            let tree = OrganisationTree(db: db, scope: .everything)
            let naCooc = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let village = try #require(try await tree.unit(code: "00001.01", on: Self.today)).id
            let exporter = MemberExporter(db: db, scope: .restricted(units: [village], organisations: [naCooc]))
            var names: [String] = []
            try await exporter.pages(on: Self.today, pageSize: 2) { names += $0.map(\.draft.fullName) }
            #expect(names == ["Hoàng Văn An", "Đào Thị Hoa", "Bàn Thị Mai", "Ma Thị Thu"])
            #expect(try await exporter.units(on: Self.today) == [village])
        }
    }
}
