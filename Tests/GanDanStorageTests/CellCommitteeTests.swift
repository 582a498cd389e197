import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("A cell's committee and congresses kept on the web (issue 18 item 3, rules.md R2, R3, R6)")
struct CellCommitteeTests {
    static let actor = Actor(name: "planner")
    static let today = Fixtures.date("2026-12-06")
    static let names = [
        "Hoàng Văn An", "Ma Thị Bình", "Triệu Văn Cường", "Nông Thị Dung", "Lý Văn Em", "Bàn Thị Giang",
        "Hà Văn Hải", "Quan Thị Khánh",
    ]

    /// Nà Coóc's cell with eight full members since 2001 and a ninth, Đặng Văn Lâm, full from 1-1-2020.
    static func seed(_ db: any Database) async throws -> UUID {
        var dataset = Fixtures.tree
        dataset.members =
            names.map { Fixtures.member($0, cell: "CB-00001.01") }
            + [Fixtures.member("Đặng Văn Lâm", cell: "CB-00001.01", admitted: "2019-01-01", official: "2020-01-01")]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        return try #require(try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01")).id
    }

    static func seat(_ kind: String, cell: UUID, from: String) -> PostAssignment {
        PostAssignment(kind: kind, organisation: cell.uuidString, from: from, source: "appointment")
    }

    static func refusal(_ body: () async throws -> Void) async throws -> InputIssue? {
        do {
            try await body()
            return nil
        } catch let error as InputError {
            guard case .invalid(let issues) = error else { return nil }
            return issues.first
        }
    }

    @Test(
        "with 8 full members a cell gets no committee member; with 9 it does, up to 7 people (rules.md R2, R3, R4)",
        arguments: TestDatabase.all)
    func committeeRules(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.seed(db)
            let committees = CellCommittees(db: db, scope: .everything)
            let writer = PostWriter(db: db, scope: .everything)
            let before = try await committees.candidates(for: cell, on: Fixtures.date("2019-06-01"))
            #expect(before.count == 8)
            let early = try await Self.refusal {
                try await writer.assign(
                    before[0].id, Self.seat("cellCommitteeMember", cell: cell, from: "2019-06-01"), today: Self.today,
                    actor: Self.actor)
            }
            #expect(early?.field == "kind")
            #expect(early?.message(in: .vi).contains("có 8 đảng viên chính thức") == true)
            let full = try await committees.candidates(for: cell, on: Fixtures.date("2020-02-01"))
            #expect(full.count == 9)
            let kinds = ["cellSecretary", "cellDeputySecretary"] + Array(repeating: "cellCommitteeMember", count: 5)
            for (member, kind) in zip(full, kinds) {
                try await writer.assign(
                    member.id, Self.seat(kind, cell: cell, from: "2020-02-01"), today: Self.today, actor: Self.actor)
            }
            let eighth = try await Self.refusal {
                try await writer.assign(
                    full[7].id, Self.seat("cellCommitteeMember", cell: cell, from: "2020-03-01"), today: Self.today,
                    actor: Self.actor)
            }
            #expect(eighth?.message(in: .vi).contains("đã đủ 7 người") == true)
            // The secretary also named a committee member takes no new seat.
            try await writer.assign(
                full[0].id, Self.seat("cellCommitteeMember", cell: cell, from: "2020-03-01"), today: Self.today,
                actor: Self.actor)
            let view = try #require(try await committees.committee(of: cell, on: Fixtures.date("2020-04-01")))
            #expect(view.fullMembers == 9)
            #expect(view.seats.count == 7)
            #expect(view.seats.first?.posts == [.cellSecretary, .cellCommitteeMember])
            #expect(view.seats.first?.source == .appointment)
            #expect(view.hasCommittee)
            let other = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.02")
            ).id
            #expect(try await committees.withCommittee([cell, other], on: Fixtures.date("2020-04-01")) == [cell])
            #expect(try await committees.withCommittee([cell], on: Fixtures.date("2020-01-31")).isEmpty)
        }
    }

    @Test(
        "a congress on 15-3-2020 makes the next due from 15-3-2022 to 15-3-2023; a second on that day or one not yet held is refused (rules.md R6)",
        arguments: TestDatabase.all)
    func congresses(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.seed(db)
            let committees = CellCommittees(db: db, scope: .everything)
            #expect(try await committees.committee(of: cell, on: Self.today)?.standing == .unknown)
            try await committees.recordCongress(
                cell, CongressForm(heldOn: "2020-03-15", note: "Quyết định 12-QĐ/ĐU"), today: Self.today,
                actor: Self.actor)
            let view = try #require(try await committees.committee(of: cell, on: Fixtures.date("2022-06-01")))
            #expect(view.congresses.map(\.heldOn) == [Fixtures.date("2020-03-15")])
            #expect(view.next?.due == Fixtures.date("2022-09-15"))
            #expect(view.next?.latest == Fixtures.date("2023-03-15"))
            #expect(view.standing == .due)
            #expect(try await committees.committee(of: cell, on: Self.today)?.standing == .overdue)
            #expect(try await committees.committee(of: cell, on: Fixtures.date("2020-01-01"))?.congresses == [])
            await #expect(throws: StorageError.self) {
                try await committees.recordCongress(
                    cell, CongressForm(heldOn: "2020-03-15"), today: Self.today, actor: Self.actor)
            }
            let future = try await Self.refusal {
                try await committees.recordCongress(
                    cell, CongressForm(heldOn: "2027-01-10"), today: Self.today, actor: Self.actor)
            }
            #expect(future?.field == "heldOn")
            let blank = try await Self.refusal {
                try await committees.recordCongress(
                    cell, CongressForm(heldOn: " "), today: Self.today, actor: Self.actor)
            }
            #expect(blank?.field == "heldOn")
            let entries = try await AuditTrail(db: db, scope: .everything).entries()
                .filter { $0.action == "record_congress" }
            #expect(entries.count == 1)
            #expect(entries.first?.entityID == cell.uuidString)
        }
    }

    @Test("outside the scope a cell's committee is not found", arguments: TestDatabase.all)
    func scope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.seed(db)
            let committees = CellCommittees(db: db, scope: .nothing)
            #expect(try await committees.committee(of: cell, on: Self.today) == nil)
            #expect(try await committees.candidates(for: cell, on: Self.today).isEmpty)
            await #expect(throws: StorageError.self) {
                try await committees.recordCongress(
                    cell, CongressForm(heldOn: "2020-03-15"), today: Self.today, actor: Self.actor)
            }
        }
    }
}
