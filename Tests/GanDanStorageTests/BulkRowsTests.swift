import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Bulk rows: the fast write paths keep values exact and a failed write leaves nothing (rules.md R27)")
struct BulkRowsTests {
    /// Member rows with citizen IDs 1…count; `repeating` gives one row the ID of the first row.
    static func members(_ count: Int, repeatingAt repeating: Int? = nil) -> BulkRows {
        var rows = BulkRows.members()
        var keys = VietnameseText.KeyCache()
        for index in 0..<count {
            let id = String(1_000_000_000_000 + (index == repeating ? 0 : index)).dropFirst()
            let draft = Fixtures.member("Hà Thị Số \(index)", citizenID: String(id), village: nil)
            rows.appendMember(draft, id: UUID(), residenceUnitID: nil, keys: &keys)
        }
        return rows
    }

    @Test("bulk ids are version-7 UUIDs in creation order, also many within one millisecond")
    func timeOrderedIDs() {
        var ids = RandomUUIDs(batch: 3)
        var stopped = RandomUUIDs(batch: 5, now: { 1_764_806_400_000 })
        let drawn = (0..<1_000).map { _ in ids.next() } + (0..<10_000).map { _ in stopped.next() }
        #expect(Set(drawn).count == drawn.count)
        let texts = drawn.map(\.uuidString)
        // Text order (how SQLite compares them) and byte order (PostgreSQL's uuid) are creation order.
        #expect(texts[..<1_000] == texts[..<1_000].sorted()[...])
        #expect(texts[1_000...] == texts[1_000...].sorted()[...])
        for text in texts {
            #expect(text[text.index(text.startIndex, offsetBy: 14)] == "7")
            #expect("89AB".contains(text[text.index(text.startIndex, offsetBy: 19)]))
        }
        #expect(texts[1_000].hasPrefix("019AE6A8-9800-7000-"))
        // 10,000 ids in a stopped millisecond: the 12-bit counter runs out twice and borrows the next milliseconds.
        #expect(texts[1_000 + 4_096].hasPrefix("019AE6A8-9801-7000-"))
        #expect(texts.last!.hasPrefix("019AE6A8-9802-770F-"))
    }

    @Test(
        "a unique key broken late in a large write fails it, and the transaction leaves no row behind",
        arguments: TestDatabase.all)
    func failedWriteLeavesNothing(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            // Large enough for several SQLite statements (2,000 rows each) and the bulk settings (1,000 rows).
            let rows = Self.members(6_500, repeatingAt: 6_400)
            await #expect(throws: (any Error).self) {
                try await db.writeTransaction { db in try await rows.insert(on: db) }
            }
            #expect(try await MemberRecord.query(on: db).count() == 0)

            let good = Self.members(6_500)
            try await db.writeTransaction { db in try await good.insert(on: db) }
            #expect(try await MemberRecord.query(on: db).count() == 6_500)
            let stored = try #require(
                try await MemberRecord.query(on: db).filter(\.$citizenID == "000000006400").first())
            #expect(stored.fullName == "Hà Thị Số 6400" && stored.nameSearch == "ha thi so 6400")
            #expect(stored.residenceUnitID == nil && stored.officialOn == "2001-01-01" && stored.statusSince == nil)
        }
    }
}
