import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import SQLKit
import Testing

@Suite("Stored values decode strictly: an unknown value is corrupt data, never a default")
struct StrictDecodingTests {
    @Test("a unit kind no version ever wrote is reported with its table, column and value", arguments: TestDatabase.all)
    func unknownUnitKind(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            try await (db as! any SQLDatabase).raw("UPDATE units SET kind = 'galaxy' WHERE code = '00001'").run()
            let tree = OrganisationTree(db: db, scope: .everything)
            do {
                let unit = try await tree.unit(code: "00001", on: Fixtures.date("2019-01-01"))
                Issue.record("a unit with an unknown kind was read: \(String(describing: unit))")
            } catch StorageError.corrupt(let table, let column, let value) {
                #expect(table == "units" && column == "kind" && value == "galaxy")
                #expect(
                    StorageError.corrupt(table: table, column: column, value: value).description
                        == "corrupt data: table units, column kind holds the unknown value \"galaxy\"")
            }
        }
    }

    @Test(
        "a post kind no version ever wrote stops the roster and the member page instead of vanishing",
        arguments: TestDatabase.all)
    func unknownPostKind(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            dataset.members = [Fixtures.member("Hoàng Văn An", cell: "CB-00001.02")]
            dataset.members[0].posts = [
                PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.02", validity: Fixtures.since)
            ]
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let cell = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.02"))
            let day = Fixtures.date("2019-03-15")
            let cells = CellDirectory(db: db, scope: .everything)
            let member = try #require(try await cells.roster(of: cell.id, on: day).first)
            #expect(member.posts == [.cellSecretary])
            try await (db as! any SQLDatabase).raw("UPDATE posts SET kind = 'galaxy'").run()
            let reads: [(String, () async throws -> Any?)] = [
                ("roster", { try await cells.roster(of: cell.id, on: day) }),
                ("detail", { try await MemberDirectory(db: db, scope: .everything).detail(member.member.id, on: day) }),
            ]
            for (name, read) in reads {
                do {
                    let result = try await read()
                    Issue.record("the \(name) read a post with an unknown kind: \(String(describing: result))")
                } catch StorageError.corrupt(let table, let column, let value) {
                    #expect(table == "posts" && column == "kind" && value == "galaxy", "\(name)")
                }
            }
        }
    }

    @Test(
        "a stored date that is not a date stops the roster, the member page and the export instead of becoming 1900",
        arguments: TestDatabase.all)
    func unreadableDate(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            dataset.members = [Fixtures.member("Hoàng Văn An", cell: "CB-00001.02")]
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let cell = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.02"))
            let day = Fixtures.date("2019-03-15")
            let cells = CellDirectory(db: db, scope: .everything)
            let member = try #require(try await cells.roster(of: cell.id, on: day).first)
            for (column, value) in [("birth_date", "1975-02-30"), ("official_on", "không rõ")] {
                try await (db as! any SQLDatabase).raw("UPDATE members SET \(unsafeRaw: column) = \(bind: value)").run()
                let reads: [(String, () async throws -> Any?)] = [
                    ("roster", { try await cells.roster(of: cell.id, on: day) }),
                    (
                        "detail",
                        { try await MemberDirectory(db: db, scope: .everything).detail(member.member.id, on: day) }
                    ),
                    ("export", { try await MemberExporter(db: db, scope: .everything).drafts(on: day) }),
                ]
                for (name, read) in reads {
                    do {
                        let result = try await read()
                        Issue.record("the \(name) read \(column) \(value): \(String(describing: result))")
                    } catch StorageError.corrupt(let table, let corruptColumn, let corruptValue) {
                        #expect(table == "members" && corruptColumn == column && corruptValue == value, "\(name)")
                    }
                }
                try await (db as! any SQLDatabase).raw(
                    "UPDATE members SET birth_date = '1975-05-05', official_on = '2001-01-01'"
                ).run()
            }
        }
    }
}
