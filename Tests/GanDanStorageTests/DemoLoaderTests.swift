import FluentKit
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("The Na Hang demo in the database (rules.md C)")
struct DemoLoaderTests {
    @Test(
        "the demo shows Na Hang's 12 communes and their agency cells with the article's people",
        arguments: TestDatabase.all)
    func demo(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let summary = try await DemoLoader(db: db).load()
            #expect((3000...4000).contains(summary.members))
            let day = NaHangDemo.referenceDate
            let tree = OrganisationTree(db: db)
            let naHang = try #require(try await tree.unit(code: "072", on: day))
            let communes = try await tree.children(of: naHang.id, on: day)
            #expect(communes.count == 12)
            let agencyCells = try await tree.organisations(atUnits: communes.map(\.id), on: day)
                .filter { $0.kind == .communeAgencyCell }
            #expect(agencyCells.count == 12)

            let cells = CellDirectory(db: db)
            let thanhTuong = try #require(try await tree.organisation(code: "CQ-02284"))
            let roster = try await cells.roster(of: thanhTuong.id, on: day)
            let hoan = try #require(roster.first { $0.member.fullName == "Hoàng Văn Hoan" })
            #expect(hoan.member.isKeyLeader)
            #expect(Set(hoan.posts).isSuperset(of: [.partyDeputySecretary, .peoplesCommitteeChairman]))
            let nangKha = try #require(try await tree.organisation(code: "CQ-02281"))
            #expect(try await cells.roster(of: nangKha.id, on: day).contains { $0.member.fullName == "La Văn Đường" })

            await #expect(throws: StorageError.self) { try await DemoLoader(db: db).load() }
        }
    }
}
