import GanDanCore
import GanDanDemo
import GanDanStorage
import GanDanTesting
import Testing

@Suite("The article's placements in the demo: robust, and as the article tells them (rules.md A3, A6, C)")
struct ArticlePlacementTests {
    @Test(
        "none of the article's placements is marginal: the best plan without it costs more than 1 % of the member's cost and more than a kilometre's travel (rules.md A3, A4)",
        arguments: TestDatabase.all)
    func robust(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let margins = try await ArticlePlacementMargins(db: db).margins()
            // Hoàng Văn Hoan, La Văn Đường, the Youth Union secretary and Khuổi Phầy's three newcomers.
            #expect(margins.count == 6)
            for row in margins {
                #expect(!row.isMarginal, "\(row.margin.memberName) → \(row.margin.cellName): +\(row.margin.extraCost)")
                #expect(row.margin.extraCost > 0 && row.margin.runnerUpCellID != row.margin.cellID)
            }
        }
    }

    @Test(
        "the three newcomers to Khuổi Phầy include key commune officials, as the article says (seed article ¶5, rules.md C)",
        arguments: TestDatabase.all)
    func khuoiPhayNewcomers(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let newcomers = try await ArticlePlacementMargins(db: db).margins().filter {
                $0.placement.villageCode == NaHangDemo.khuoiPhayVillageCode
            }
            #expect(newcomers.count == 3)
            let officials = newcomers.filter { $0.posts.contains(where: \.isKeyLeader) }
            #expect(
                officials.count >= 2,
                "key officials among Khuổi Phầy's newcomers: \(officials.map(\.margin.memberName))")
            #expect(Set(officials.flatMap(\.posts)).isSuperset(of: NaHangDemo.khuoiPhayOfficialPosts))
        }
    }
}

@Suite("The demo's invented identifiers look invented (rules.md C, R28)")
struct InventedIdentifierTests {
    static let demo = NaHangDemo.dataset()

    @Test("invented phone numbers have 10 digits and start 0100, a prefix no Vietnamese network uses")
    func phones() {
        let phones = Self.demo.members.compactMap(\.phone)
        #expect(phones.count > Self.demo.members.count / 2)
        let malformed = phones.filter { phone in
            phone.count != 10 || !phone.allSatisfy { $0.isASCII && $0.isNumber }
                || !MemberValidation.isValidPhone(phone)
        }
        #expect(malformed.isEmpty, "\(malformed.prefix(3))")
        #expect(phones.allSatisfy { $0.hasPrefix(NaHangDemo.phonePrefix) })
        // Mobiles 03x, 05x, 07x, 08x, 09x; fixed lines 02x: the digit after the 0 is none of 2, 3, 5, 7, 8, 9.
        let real = phones.filter { "235789".contains($0.dropFirst().prefix(1)) }
        #expect(real.isEmpty, "\(real.count) phones in a real network's range, e.g. \(real.prefix(3))")
    }

    @Test("invented citizen IDs have 12 digits and start 000, which no province code (001–096) of a real ID is")
    func citizenIDs() {
        let ids = Self.demo.members.compactMap(\.citizenID)
        #expect(ids.count == Self.demo.members.count)
        #expect(ids.allSatisfy(MemberValidation.isValidCitizenID))
        // A real ID begins with its province code, 001–096; 000 is none.
        let real = ids.filter { $0.prefix(3) != "000" || (1...96).contains(Int($0.prefix(3)) ?? -1) }
        #expect(real.isEmpty, "\(real.prefix(3))")
    }
}
