import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

/// The cells' monthly party dues registers as stored (issue 20 item 7, rules.md R12).
@Suite("Party dues registers in storage: rates, one row per month, the three-months flag, scope (rules.md R12)")
struct PartyDuesTests {
    static func month(_ text: String) -> YearMonth { YearMonth(text)! }

    static func setUp(_ db: any Database) async throws -> (cell: UUID, members: [String: UUID], other: UUID) {
        let (cell, members) = try await CitizenTests.load(db)
        let other = try #require(
            try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.02")
        ).id
        return (cell, members, other)
    }

    @Test(
        "a salaried member pays 1 % of her salary, a pensioner 0.5 %, a farmer the province's fixed amount",
        arguments: TestDatabase.all)
    func rateByBand(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members, _) = try await Self.setUp(db)
            let dues = PartyDues(db: db, scope: .everything)
            let (an, binh, hoan) = (members["Lương Văn Ấn"]!, members["Ma Văn Bình"]!, members["Hoàng Văn Hoan"]!)
            try await dues.record(
                cellID: cell, month: Self.month("2019-06"),
                [
                    DuesEntry(memberID: hoan, band: .salaried, income: 6_250_000),
                    DuesEntry(memberID: an, band: .pensioner, income: 3_100_000),
                    DuesEntry(memberID: binh, band: .other),
                ], actor: .system)
            let register = try await dues.register(of: cell, month: Self.month("2019-06"))
            let due = Dictionary(uniqueKeysWithValues: register.lines.map { ($0.member.id, $0.amountDue) })
            #expect(due[hoan] == 62_500)
            #expect(due[an] == 15_500)
            #expect(due[binh] == 2_000)
            // The next month's register carries each member's band and income over, not yet recorded.
            let july = try await dues.register(of: cell, month: Self.month("2019-07"))
            let carried = try #require(july.lines.first { $0.member.id == hoan })
            #expect(carried.band == .salaried && carried.income == 6_250_000 && !carried.recorded)
        }
    }

    @Test(
        "recording the same month twice keeps one row per member, and passing it up twice one total",
        arguments: TestDatabase.all)
    func idempotent(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members, _) = try await Self.setUp(db)
            let dues = PartyDues(db: db, scope: .everything)
            let an = members["Lương Văn Ấn"]!
            let entries = [
                DuesEntry(
                    memberID: members["Ma Văn Bình"]!, band: .other, paidOn: Fixtures.date("2019-06-10"),
                    collectedBy: an),
                DuesEntry(memberID: an, band: .other, paidOn: Fixtures.date("2019-06-10"), collectedBy: an),
            ]
            let june = Self.month("2019-06")
            try await dues.record(cellID: cell, month: june, entries, actor: .system)
            let audits = try await AuditEntryRecord.query(on: db).count()
            #expect(try await dues.record(cellID: cell, month: june, entries, actor: .system) == 0)
            let again = try await dues.register(of: cell, month: june)
            #expect(try await DuesPaymentRecord.query(on: db).count() == 2)
            #expect(try await AuditEntryRecord.query(on: db).count() == audits)
            #expect(again.collected == 4_000 && again.paidCount == 2)
            try await dues.passUp(cellID: cell, month: june, on: Fixtures.date("2019-06-28"), by: an, actor: .system)
            try await dues.passUp(cellID: cell, month: june, on: Fixtures.date("2019-06-28"), by: an, actor: .system)
            let passed = try await dues.register(of: cell, month: june)
            #expect(try await DuesHandoverRecord.query(on: db).count() == 1)
            #expect(passed.handover?.total == 4_000 && passed.handover?.passedBy.id == an)
            let totals = try await dues.totals(cells: [NamedID(id: cell, name: "Nà Coóc")], month: june)
            #expect(totals.first?.collected == 4_000 && totals.first?.handover?.total == 4_000)
        }
    }

    @Test(
        "R12: two unpaid months are not flagged, three in a row are, a paid month in between starts again",
        arguments: TestDatabase.all)
    func threeMonthsFlag(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members, _) = try await Self.setUp(db)
            let dues = PartyDues(db: db, scope: .everything)
            let (an, binh, hoan) = (members["Lương Văn Ấn"]!, members["Ma Văn Bình"]!, members["Hoàng Văn Hoan"]!)
            func record(_ month: String, paid: [UUID]) async throws {
                let day = Self.month(month).firstDay.adding(days: 9)
                try await dues.record(
                    cellID: cell, month: Self.month(month),
                    [an, binh, hoan].map {
                        DuesEntry(
                            memberID: $0, band: .other, paidOn: paid.contains($0) ? day : nil,
                            collectedBy: paid.contains($0) ? an : nil)
                    }, actor: .system)
            }
            try await record("2019-01", paid: [an])
            try await record("2019-02", paid: [an])
            #expect(try await dues.unpaidFlags(of: cell, year: 2019).isEmpty)
            try await record("2019-03", paid: [an, hoan])
            let flags = try await dues.unpaidFlags(of: cell, year: 2019)
            #expect(flags.map(\.member.id) == [binh])
            #expect(flags.first?.months == ["2019-01", "2019-02", "2019-03"].map(Self.month))
            // Hoàn paid in March: April and May unpaid are two months, not five.
            try await record("2019-04", paid: [an])
            try await record("2019-05", paid: [an])
            #expect(try await dues.unpaidFlags(of: cell, year: 2019).map(\.member.id) == [binh])
        }
    }

    @Test(
        "a secretary's register is her cell's only: another cell is not found, to read or to write",
        arguments: TestDatabase.all)
    func scope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members, other) = try await Self.setUp(db)
            let mine = PartyDues(db: db, scope: .restricted(units: [], organisations: [cell]))
            _ = try await mine.register(of: cell, month: Self.month("2019-06"))
            await #expect(throws: StorageError.self) {
                _ = try await mine.register(of: other, month: Self.month("2019-06"))
            }
            await #expect(throws: StorageError.self) {
                try await mine.record(
                    cellID: other, month: Self.month("2019-06"),
                    [DuesEntry(memberID: members["Ma Văn Bình"]!, band: .other)], actor: .system)
            }
            #expect(try await mine.unpaidFlags(of: other, year: 2019).isEmpty)
            let totals = try await mine.totals(
                cells: [NamedID(id: cell, name: "a"), NamedID(id: other, name: "b")], month: Self.month("2019-06"))
            #expect(totals.map(\.cell.id) == [cell])
        }
    }

    @Test(
        "bad lines are refused in Vietnamese naming the member, and nothing of the send is written",
        arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members, other) = try await Self.setUp(db)
            let dues = PartyDues(db: db, scope: .everything)
            let (an, binh) = (members["Lương Văn Ấn"]!, members["Ma Văn Bình"]!)
            let outsider = try await CellDirectory(db: db, scope: .everything).roster(
                of: other, on: Fixtures.date("2019-06-30")
            ).first?.member.id
            let issues = await CitizenTests.problems {
                try await dues.record(
                    cellID: cell, month: Self.month("2019-06"),
                    [
                        DuesEntry(memberID: an, band: .other),
                        DuesEntry(memberID: binh, band: .salaried, income: nil),
                        DuesEntry(
                            memberID: an, band: .other, paidOn: Fixtures.date("2019-06-10"),
                            collectedBy: outsider ?? UUID()),
                    ], actor: .system)
            }
            #expect(
                issues.contains {
                    $0.field == "income[\(binh.uuidString)]" && $0.message(in: .vi).contains("Ma Văn Bình")
                })
            #expect(issues.contains { $0.field == "collectedBy" && $0.message(in: .vi).hasPrefix("Người thu") })
            #expect(try await DuesPaymentRecord.query(on: db).count() == 0)
            let nothing = await CitizenTests.problems {
                try await dues.passUp(
                    cellID: cell, month: Self.month("2019-06"), on: Fixtures.date("2019-06-28"), by: an, actor: .system)
            }
            #expect(
                nothing.map { $0.message(in: .vi) } == ["Tháng 06/2019 chưa có đảng viên nào nộp đảng phí để nộp lên."])
        }
    }
}
