import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("Transfers between cells outside a plan: official, temporary, internal (issue 18, rules.md R13, R14)")
struct MemberTransferTests {
    static let actor = Actor(name: "planner")
    static let today = Fixtures.date("2026-12-06")

    /// The test tree, a second commune (Năng Khả) with a cell founded in 2026, a cell of Thanh Tương dissolved in
    /// 2015, and Ma Văn Ba on the agency cell's roll since 2000, its deputy secretary since 2008.
    static func seed(_ db: any Database) async throws -> UUID {
        var dataset = Fixtures.twoCommunes
        let since = Fixtures.since
        dataset.organisations += [
            OrganisationDraft(
                code: "CB-00002.02", kind: .otherCell, name: "Chi bộ trường Năng Khả", unitCode: "00002",
                parentCode: "DB-00002", validity: Validity(from: Fixtures.date("2026-09-01"))),
            OrganisationDraft(
                code: "CB-00001.09", kind: .villageCell, name: "Chi bộ thôn Cũ", unitCode: "00001.01",
                parentCode: "DB-00001", validity: Validity(from: since.from, until: Fixtures.date("2015-01-01"))),
        ]
        dataset.members = [
            Fixtures.member(
                "Ma Văn Ba", citizenID: "008075000002",
                posts: [PostDraft(kind: .cellDeputySecretary, organisationCode: "CQ-00001", validity: since)])
        ]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        return try #require(
            try await MemberDirectory(db: db, scope: .everything).search(.init(text: "ba", date: today)).items.first
        ).id
    }

    static func cell(_ code: String, _ db: any Database) async throws -> UUID {
        try #require(try await OrganisationTree(db: db, scope: .everything).organisation(code: code)).id
    }

    static func entries(_ db: any Database) async throws -> [AuditEntry] {
        try await AuditTrail(db: db, scope: .everything).entries().filter { $0.action.hasPrefix("transfer") }
    }

    static func rolls(_ member: UUID, _ db: any Database) async throws -> [MembershipView] {
        try #require(try await MemberDirectory(db: db, scope: .everything).detail(member, on: today)).memberships
    }

    @Test(
        "an official transfer waits 60 working days (rules.md R13) for the receiving cell; received, the old roll ends that day",
        arguments: TestDatabase.all)
    func official(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let ba = try await Self.seed(db)
            let agency = try await Self.cell("CQ-00001", db)
            let banTun = try await Self.cell("CB-00002.01", db)
            let writer = TransferWriter(db: db, scope: .everything)
            let id = try await writer.send(
                ba, TransferForm(kind: "official", toCell: banTun.uuidString, on: "2026-11-02", reason: "Về quê"),
                today: Self.today, actor: Self.actor)
            let pending = try await MemberTransfers(db: db, scope: .everything).pending(into: [banTun])
            #expect(pending.map(\.id) == [id])
            let deadline = try #require(pending.first?.deadline)
            #expect(deadline == WorkingCalendar.vietnam.adding(workingDays: 60, to: Fixtures.date("2026-11-02")))
            #expect(pending.first?.standing(on: Self.today)?.isOverdue == false)
            // Sent, not yet received: the member is still on the agency cell's roll.
            #expect(try await Self.rolls(ba, db).map(\.organisationID) == [agency])
            try await writer.receive(
                id.uuidString, into: banTun, on: "2026-11-20", today: Self.today, actor: Self.actor)
            let rolls = try await Self.rolls(ba, db)
            #expect(rolls.map(\.organisationID) == [agency, banTun])
            #expect(rolls.map(\.validity.until) == [Fixtures.date("2026-11-20"), nil])
            #expect(rolls.last?.transferKind == .official)
            let posts = try #require(try await MemberDirectory(db: db, scope: .everything).detail(ba, on: Self.today))
                .posts
            #expect(posts.map(\.validity.until) == [Fixtures.date("2026-11-20")], "he leaves the agency cell's post")
            #expect(try await MemberTransfers(db: db, scope: .everything).pending(into: [banTun]).isEmpty)
            let entries = try await Self.entries(db)
            #expect(entries.map(\.action).sorted() == ["transfer_official", "transfer_receive"])
            #expect(entries.allSatisfy { $0.units.count == 2 && $0.entityID == ba.uuidString })
        }
    }

    @Test(
        "a transfer not received by its deadline is overdue on the cell's to-do list, and can be cancelled",
        arguments: TestDatabase.all)
    func overdue(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let ba = try await Self.seed(db)
            let banTun = try await Self.cell("CB-00002.01", db)
            let writer = TransferWriter(db: db, scope: .everything)
            let id = try await writer.send(
                ba, TransferForm(kind: "official", toCell: banTun.uuidString, on: "2026-09-01", reason: "Về quê"),
                today: Self.today, actor: Self.actor)
            let list = try await ToDoLists(db: db, scope: .everything).cells([banTun], on: Self.today)
            #expect(list.cells.first?.transfersWaiting == 1)
            #expect(list.cells.first?.transfersOverdue == 1)
            let lines = ToDoLines.cell(try #require(list.cells.first), on: Self.today)
            #expect(lines.contains { $0.urgent && $0.text.vi.contains("quá hạn nhận sinh hoạt") })
            await #expect(throws: InputError.self) {
                try await writer.cancel(id.uuidString, of: ba, reason: " ", today: Self.today, actor: Self.actor)
            }
            try await writer.cancel(id.uuidString, of: ba, reason: "Không đi nữa", today: Self.today, actor: Self.actor)
            #expect(try await MemberTransfers(db: db, scope: .everything).pending(into: [banTun]).isEmpty)
            #expect(try await Self.rolls(ba, db).count == 1)
            #expect(try await Self.entries(db).map(\.action).sorted() == ["transfer_cancel", "transfer_official"])
        }
    }

    @Test(
        "a temporary transfer of 3 to 12 months opens a host-cell membership that ends by itself; the official stays",
        arguments: TestDatabase.all)
    func temporary(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let ba = try await Self.seed(db)
            let agency = try await Self.cell("CQ-00001", db)
            let banTun = try await Self.cell("CB-00002.01", db)
            let writer = TransferWriter(db: db, scope: .everything)
            for until in ["2026-12-31", "2027-11-02"] {
                let error = await #expect(throws: InputError.self) {
                    try await writer.send(
                        ba,
                        TransferForm(
                            kind: "temporary", toCell: banTun.uuidString, on: "2026-10-01", until: until,
                            reason: "Đi làm ăn xa"), today: Self.today, actor: Self.actor)
                }
                #expect(error?.issues.map(\.field) == ["until"])
            }
            try await writer.send(
                ba,
                TransferForm(
                    kind: "temporary", toCell: banTun.uuidString, on: "2026-10-01", until: "2027-04-01",
                    reason: "Đi làm ăn xa"), today: Self.today, actor: Self.actor)
            let rolls = try await Self.rolls(ba, db)
            #expect(Set(rolls.map(\.kind)) == [.official, .temporary])
            #expect(rolls.first { $0.kind == .official }?.organisationID == agency)
            #expect(rolls.first { $0.kind == .official }?.validity.until == nil)
            let host = CellDirectory(db: db, scope: .everything)
            #expect(try await host.roster(of: banTun, on: Self.today).map(\.membership) == [.temporary])
            #expect(try await host.roster(of: banTun, on: Fixtures.date("2027-04-01")).isEmpty)
            #expect(try await Self.entries(db).map(\.action) == ["transfer_temporary"])
        }
    }

    @Test(
        "an internal transfer within one commune committee takes effect on its day; the wrong kind is refused",
        arguments: TestDatabase.all)
    func `internal`(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let ba = try await Self.seed(db)
            let naCooc = try await Self.cell("CB-00001.01", db)
            let banTun = try await Self.cell("CB-00002.01", db)
            let writer = TransferWriter(db: db, scope: .everything)
            let sameCommittee = await #expect(throws: InputError.self) {
                try await writer.send(
                    ba, TransferForm(kind: "official", toCell: naCooc.uuidString, on: "2026-11-02", reason: "Về thôn"),
                    today: Self.today, actor: Self.actor)
            }
            #expect(sameCommittee?.issues.first?.message(in: .vi).contains("nội bộ") == true)
            await #expect(throws: InputError.self) {
                try await writer.send(
                    ba, TransferForm(kind: "internal", toCell: banTun.uuidString, on: "2026-11-02", reason: "Về xã"),
                    today: Self.today, actor: Self.actor)
            }
            try await writer.send(
                ba, TransferForm(kind: "internal", toCell: naCooc.uuidString, on: "2026-11-02", reason: "Về thôn"),
                today: Self.today, actor: Self.actor)
            let rolls = try await Self.rolls(ba, db)
            #expect(rolls.last?.organisationID == naCooc)
            #expect(rolls.last?.transferKind == .internal)
            #expect(rolls.last?.validity.from == Fixtures.date("2026-11-02"))
            #expect(try await Self.entries(db).map(\.action) == ["transfer_internal"])
        }
    }

    @Test(
        "bad transfers are refused with their reason and nothing is written (rules.md R13, R26)",
        arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let ba = try await Self.seed(db)
            let agency = try await Self.cell("CQ-00001", db)
            let banTun = try await Self.cell("CB-00002.01", db)
            let school = try await Self.cell("CB-00002.02", db)
            let old = try await Self.cell("CB-00001.09", db)
            let writer = TransferWriter(db: db, scope: .everything)
            func refused(_ form: TransferForm, field: String, _ vi: String) async {
                let error = await #expect(throws: InputError.self) {
                    try await writer.send(ba, form, today: Self.today, actor: Self.actor)
                }
                #expect(error?.issues.first?.field == field)
                #expect(error?.issues.first?.message(in: .vi).contains(vi) == true, "\(error?.issues ?? [])")
            }
            await refused(
                TransferForm(kind: "internal", toCell: old.uuidString, on: "2026-11-02", reason: "x"), field: "toCell",
                "đã giải thể")
            await refused(
                TransferForm(kind: "official", toCell: school.uuidString, on: "2026-08-03", reason: "x"),
                field: "toCell", "chưa thành lập")
            await refused(
                TransferForm(kind: "official", toCell: agency.uuidString, on: "2026-11-02", reason: "x"),
                field: "toCell", "đang sinh hoạt")
            await refused(
                TransferForm(kind: "official", toCell: banTun.uuidString, on: "2026-11-02", reason: ""),
                field: "reason", "lý do")
            let outside = TransferWriter(db: db, scope: .restricted(units: [], organisations: [banTun]))
            await #expect(throws: StorageError.self) {
                try await outside.send(
                    ba, TransferForm(kind: "official", toCell: banTun.uuidString, on: "2026-11-02", reason: "x"),
                    today: Self.today, actor: Self.actor)
            }
            #expect(try await MemberTransfers(db: db, scope: .everything).of(ba, today: Self.today).isEmpty)
            #expect(try await Self.entries(db).isEmpty)
            #expect(try await Self.rolls(ba, db).count == 1)
        }
    }

    @Test(
        "a transfer is received neither before it was sent nor twice, and a second one waits for the first",
        arguments: TestDatabase.all)
    func receivedOnce(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let ba = try await Self.seed(db)
            let banTun = try await Self.cell("CB-00002.01", db)
            let school = try await Self.cell("CB-00002.02", db)
            let writer = TransferWriter(db: db, scope: .everything)
            let id = try await writer.send(
                ba, TransferForm(kind: "official", toCell: banTun.uuidString, on: "2026-11-02", reason: "Về quê"),
                today: Self.today, actor: Self.actor)
            let second = await #expect(throws: InputError.self) {
                try await writer.send(
                    ba, TransferForm(kind: "official", toCell: school.uuidString, on: "2026-11-03", reason: "Về quê"),
                    today: Self.today, actor: Self.actor)
            }
            #expect(second?.issues.first?.message(in: .vi).contains("đang chờ") == true)
            let early = await #expect(throws: InputError.self) {
                try await writer.receive(
                    id.uuidString, into: banTun, on: "2026-10-30", today: Self.today, actor: Self.actor)
            }
            #expect(early?.issues.first?.field == "receivedOn")
            await #expect(throws: InputError.self) {
                try await writer.receive(
                    id.uuidString, into: school, on: "2026-11-20", today: Self.today, actor: Self.actor)
            }
            try await writer.receive(
                id.uuidString, into: banTun, on: "2026-11-20", today: Self.today, actor: Self.actor)
            let twice = await #expect(throws: InputError.self) {
                try await writer.receive(
                    id.uuidString, into: banTun, on: "2026-11-21", today: Self.today, actor: Self.actor)
            }
            #expect(twice?.issues.first?.message(in: .vi).contains("đã được nhận") == true)
            #expect(try await Self.rolls(ba, db).count == 2)
            #expect(try await Self.entries(db).count == 2)
        }
    }
}
