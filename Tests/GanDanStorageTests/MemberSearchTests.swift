import FluentKit
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("Vietnamese search and order of members, the same on both databases")
struct MemberSearchTests {
    static let names = [
        "La Văn Đường", "Hoàng Văn Hoan", "Nguyễn Thị Hoàn", "Ma Văn Dũng", "Triệu Thị Ánh", "Bàn Văn An",
        "Lý Thị Ân", "Nông Văn Ơn", "Quan Văn Ôn", "Đặng Thị Ưng", "Sầm Văn Uy", "Hoàng Văn Đức",
    ]

    static func seeded(_ db: any Database) async throws {
        var dataset = Fixtures.tree
        dataset.members = names.enumerated().map { index, name in
            Fixtures.member(name, citizenID: String(format: "000%09d", index + 1))
        }
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
    }

    @Test("\"duong\" finds Đường and \"hoan\" finds Hoàn and Hoan", arguments: TestDatabase.all)
    func accentInsensitive(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seeded(db)
            let directory = MemberDirectory(db: db, scope: .everything)
            let day = Fixtures.date("2019-03-15")
            #expect(
                try await directory.search(.init(text: "duong", date: day)).items.map(\.fullName) == ["La Văn Đường"])
            let hoan = try await directory.search(.init(text: "hoan", date: day)).items.map(\.fullName)
            // Words match as substrings, so "hoan" also finds "Hoàng" (as a person typing expects).
            #expect(hoan.contains("Hoàng Văn Hoan") && hoan.contains("Nguyễn Thị Hoàn"))
            #expect(
                try await directory.search(.init(text: "HOÀN nguyen", date: day)).items.map(\.fullName) == [
                    "Nguyễn Thị Hoàn"
                ])
            #expect(
                try await directory.search(.init(text: "000000000002", date: day)).items.map(\.fullName) == [
                    "Hoàng Văn Hoan"
                ])
            #expect(try await directory.search(.init(text: "%", date: day)).total == Self.names.count)
        }
    }

    @Test("members are listed by given name in Vietnamese order (đ after d, ơ after ô)", arguments: TestDatabase.all)
    func order(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seeded(db)
            let page = try await MemberDirectory(db: db, scope: .everything).search(
                .init(date: Fixtures.date("2019-03-15")))
            #expect(
                page.items.map(\.fullName) == [
                    "Bàn Văn An", "Triệu Thị Ánh", "Lý Thị Ân", "Ma Văn Dũng", "Hoàng Văn Đức", "La Văn Đường",
                    "Hoàng Văn Hoan", "Nguyễn Thị Hoàn", "Quan Văn Ôn", "Nông Văn Ơn", "Sầm Văn Uy", "Đặng Thị Ưng",
                ])
        }
    }

    @Test("search pages hold what they say", arguments: TestDatabase.all)
    func paging(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seeded(db)
            let directory = MemberDirectory(db: db, scope: .everything)
            let day = Fixtures.date("2019-03-15")
            let first = try await directory.search(.init(date: day, page: 1, perPage: 5))
            let third = try await directory.search(.init(date: day, page: 3, perPage: 5))
            #expect(first.total == 12 && first.items.count == 5 && third.items.count == 2)
            #expect(third.items.last?.fullName == "Đặng Thị Ưng")
        }
    }
}
