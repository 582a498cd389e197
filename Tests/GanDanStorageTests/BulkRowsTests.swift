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

    @Test("a bulk id's text is exactly Foundation's uuidString")
    func idText() {
        var ids = RandomUUIDs()
        let edges = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
            UUID(
                uuid: (0x09, 0x0A, 0x0F, 0x10, 0x90, 0xA0, 0xF0, 0x9F, 0xA9, 0x1B, 0x2C, 0x3D, 0x4E, 0x5F, 0x60, 0x7A)),
        ]
        for id in edges + (0..<2_000).map({ _ in UUID() }) + (0..<2_000).map({ _ in ids.next() }) {
            #expect(id.upperCaseText == id.uuidString)
        }
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

@Suite("A member write in chunks: a chunk the database refuses stops it, and nothing is left (rules.md R27)")
struct ChunkedMemberWriteTests {
    @Test(
        "a citizen ID taken after the checks fails a late chunk, and the transaction leaves no new row behind",
        arguments: TestDatabase.all)
    func lateChunkFails(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let writer = DatasetWriter(db: db, scope: .everything)
            _ = try await writer.write(Fixtures.tree)
            let members = (0..<9_000).map { index in
                Fixtures.member(
                    "Lò Văn Số \(index)", joined: "2008-01-01",
                    citizenID: String(String(2_000_000_000_000 + index).dropFirst()),
                    village: index % 2 == 0 ? "00001.01" : nil)
            }
            // The plan is checked while line 8,501's citizen ID is free; another write takes it before this one
            // runs. Its chunk (members 6,000–8,999) is the third: the first two are written before the database
            // refuses it.
            let plan = try await writer.plan(
                OrganisationDataset(members: members), memberLines: Array(2...9_001), inputIssues: [])
            _ = try await writer.write(
                OrganisationDataset(members: [
                    Fixtures.member("Hà Thị Nhanh", citizenID: members[8_499].citizenID, village: nil)
                ]))
            await #expect(throws: (any Error).self) { try await writer.apply(plan, actor: .system) }
            #expect(try await MemberRecord.query(on: db).count() == 1)
            #expect(try await MembershipRecord.query(on: db).count() == 1)

            // Without the clash, all 9,000 are written, each once with its membership, in order of the file.
            let free = try await writer.plan(
                OrganisationDataset(members: members.filter { $0.citizenID != members[8_499].citizenID }),
                memberLines: nil, inputIssues: [])
            try await writer.apply(free, actor: .system)
            #expect(try await MemberRecord.query(on: db).count() == 9_000)
            #expect(try await MembershipRecord.query(on: db).count() == 9_000)
            let last = try #require(
                try await MemberRecord.query(on: db).filter(\.$citizenID == members[8_998].citizenID).first())
            #expect(last.fullName == "Lò Văn Số 8998" && last.residenceUnitID != nil)
        }
    }
}
