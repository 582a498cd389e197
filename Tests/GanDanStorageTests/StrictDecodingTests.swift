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
            _ = try await DatasetWriter(db: db).write(Fixtures.tree)
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
}
