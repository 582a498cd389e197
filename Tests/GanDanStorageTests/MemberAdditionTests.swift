import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("A member added to a cell on the web: checked like an import, namesakes confirmed (issue 18, rules.md R26)")
struct MemberAdditionTests {
    static let actor = Actor(name: "planner")
    static let today = Fixtures.date("2026-12-06")

    static func seed(_ db: any Database) async throws -> (naCooc: UUID, dissolved: UUID) {
        var dataset = Fixtures.tree
        dataset.organisations.append(
            OrganisationDraft(
                code: "CB-00001.03", kind: .villageCell, name: "Chi bộ thôn Cũ", unitCode: "00001.01",
                parentCode: "DB-00001",
                validity: Validity(from: Fixtures.since.from, until: Fixtures.date("2015-01-01"))))
        dataset.members = [Fixtures.member("Hoàng Văn Hoan", citizenID: "008075000001")]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        let tree = OrganisationTree(db: db, scope: .everything)
        return (
            try #require(try await tree.organisation(code: "CB-00001.01")).id,
            try #require(try await tree.organisation(code: "CB-00001.03")).id
        )
    }

    static func newMember(
        _ name: String = "Lục Thị Mai", born: String = "1990-02-03", citizenID: String = "",
        joined: String = "2020-05-01", confirm: Bool = false
    ) -> NewMember {
        NewMember(
            fullName: name, birthDate: born, sex: "female", ethnicity: "Tày", citizenID: citizenID, cardNumber: "",
            admittedOn: "2019-05-19", officialOn: "2020-05-19", joinedOn: joined, confirmDuplicate: confirm ? "on" : nil
        )
    }

    @Test(
        "the new member is on the cell's roll from the day she joined, and the addition is audited",
        arguments: TestDatabase.all)
    func added(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (naCooc, _) = try await Self.seed(db)
            let id = try await MemberRegistryWriter(db: db, scope: .everything).add(
                Self.newMember(), to: naCooc, today: Self.today, actor: Self.actor)
            let cells = CellDirectory(db: db, scope: .everything)
            #expect(try await cells.roster(of: naCooc, on: Fixtures.date("2020-04-30")).isEmpty)
            let roster = try await cells.roster(of: naCooc, on: Fixtures.date("2020-05-01"))
            #expect(roster.map(\.member.id) == [id])
            #expect(roster.first?.member.standing == .probationary)
            let entries = try await AuditTrail(db: db, scope: .everything).entries()
                .filter { $0.entityID == id.uuidString && $0.action == "create" }
            #expect(entries.count == 1)
        }
    }

    @Test(
        "a namesake born the same day must be confirmed; a registered citizen ID, a dissolved cell or one not yet founded are refused",
        arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (naCooc, dissolved) = try await Self.seed(db)
            let writer = MemberRegistryWriter(db: db, scope: .everything)
            let cases: [(NewMember, UUID, String)] = [
                (Self.newMember("Hoàng Văn Hoan", born: "1975-05-05"), naCooc, MemberRegistryWriter.duplicateField),
                (Self.newMember(citizenID: "008075000001"), naCooc, "citizenID"),
                (Self.newMember(), dissolved, "joinedOn"),
                (Self.newMember(joined: "2019-01-01"), naCooc, "joinedOn"),
                (Self.newMember(joined: "2030-01-01"), naCooc, "joinedOn"),
                (Self.newMember(""), naCooc, "fullName"),
            ]
            for (member, cell, field) in cases {
                let error = await #expect(throws: InputError.self) {
                    try await writer.add(member, to: cell, today: Self.today, actor: Self.actor)
                }
                #expect(error?.issues.map(\.field) == [field], "\(member)")
            }
            // Before the cell existed: the test tree's cells begin in 2008.
            let early = await #expect(throws: InputError.self) {
                var member = Self.newMember(born: "1980-02-03", joined: "2005-01-01")
                member.admittedOn = "2004-01-01"
                member.officialOn = ""
                try await writer.add(member, to: naCooc, today: Self.today, actor: Self.actor)
            }
            #expect(early?.issues.map(\.field) == ["joinedOn"])
            #expect(try await CellDirectory(db: db, scope: .everything).roster(of: naCooc, on: Self.today).isEmpty)
            _ = try await writer.add(
                Self.newMember("Hoàng Văn Hoan", born: "1975-05-05", confirm: true), to: naCooc, today: Self.today,
                actor: Self.actor)
            #expect(try await CellDirectory(db: db, scope: .everything).roster(of: naCooc, on: Self.today).count == 1)
        }
    }
}
