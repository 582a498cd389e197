import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("The registry kept on the web: corrections with a reason and dated status changes (rules.md R28, R13)")
struct MemberRegistryTests {
    static let actor = Actor(name: "planner")
    static let today = Fixtures.date("2026-12-06")

    /// The test tree with two members of the agency cell; Hoàng Văn Hoan holds the commune's chairman post.
    static func seed(_ db: any Database) async throws -> (hoan: UUID, ba: UUID) {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan", citizenID: "008075000001",
                posts: [
                    PostDraft(
                        kind: .peoplesCommitteeChairman, organisationCode: "DB-00001",
                        validity: Validity(from: Fixtures.date("2016-01-01")))
                ]),
            Fixtures.member("Ma Văn Ba", citizenID: "008075000002"),
            Fixtures.member("Lý Thị Dự", admitted: "2025-06-01", official: nil),
        ]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        let directory = MemberDirectory(db: db, scope: .everything)
        func id(_ text: String) async throws -> UUID {
            try #require(try await directory.search(.init(text: text, date: today)).items.first).id
        }
        return (try await id("hoan"), try await id("ba"))
    }

    static func entries(_ db: any Database, action: String) async throws -> [AuditEntry] {
        try await AuditTrail(db: db, scope: .everything).entries().filter {
            $0.entity == "member" && $0.action == action
        }
    }

    static func fields(_ error: any Error) -> [String] {
        ((error as? InputError)?.issues ?? []).compactMap(\.field)
    }

    @Test(
        "a correction with its reason changes the core fields and is audited with before, after and why",
        arguments: TestDatabase.all)
    func correction(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (hoan, _) = try await Self.seed(db)
            try await MemberRegistryWriter(db: db, scope: .everything).correct(
                hoan,
                MemberCorrection(
                    fullName: "  Hoàng  Văn Hoàn ", birthDate: "1975-06-05", cardNumber: "72.001234",
                    officialOn: "2001-02-01", reason: "Theo lý lịch gốc"),
                today: Self.today, actor: Self.actor)
            let detail = try #require(
                try await MemberDirectory(db: db, scope: .everything).detail(hoan, on: Self.today))
            #expect(detail.summary.fullName == "Hoàng Văn Hoàn")
            #expect(detail.summary.birthDate == Fixtures.date("1975-06-05"))
            #expect(detail.cardNumber == "72.001234")
            #expect(detail.party.officialOn == Fixtures.date("2001-02-01"))
            #expect(detail.citizenID == "008075000001")
            let found = try await MemberDirectory(db: db, scope: .everything).search(
                .init(text: "hoàn", date: Self.today))
            #expect(found.items.map(\.id) == [hoan])
            let entry = try #require(try await Self.entries(db, action: "correct").first)
            #expect(entry.actor == "planner")
            #expect(entry.entityID == hoan.uuidString)
            #expect(entry.before?.contains("Hoàng Văn Hoan") == true)
            #expect(entry.after?.contains("Theo lý lịch gốc") == true)
            #expect(entry.units.count == 1)
        }
    }

    @Test(
        "a correction without a reason, or with wrong fields, is refused by field and writes nothing",
        arguments: TestDatabase.all)
    func refusedCorrections(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (hoan, _) = try await Self.seed(db)
            let writer = MemberRegistryWriter(db: db, scope: .everything)
            let cases: [(MemberCorrection, [String])] = [
                (MemberCorrection(fullName: "Hoàng Văn Hoàn"), ["reason"]),
                (MemberCorrection(fullName: "Hoàng Văn Hoàn", reason: "   "), ["reason"]),
                // Another member's citizen ID, a malformed one.
                (MemberCorrection(citizenID: "008075000002", reason: "x"), ["citizenID"]),
                (MemberCorrection(citizenID: "12345", reason: "x"), ["citizenID"]),
                (MemberCorrection(birthDate: "1990-13-01", reason: "x"), ["birthDate"]),
                (MemberCorrection(birthDate: "", reason: "x"), ["birthDate"]),
                (MemberCorrection(fullName: " ", reason: "x"), ["fullName"]),
                // Admitted before 16; full before admission; admitted after joining the first cell (2000-01-01).
                (MemberCorrection(birthDate: "1990-01-01", reason: "x"), ["admittedOn"]),
                (MemberCorrection(officialOn: "1999-01-01", reason: "x"), ["officialOn"]),
                (MemberCorrection(admittedOn: "2000-06-01", reason: "x"), ["admittedOn"]),
                (MemberCorrection(fullName: "Hoàng Văn Hoan", reason: "x"), ["fullName"]),
            ]
            for (correction, fields) in cases {
                let error = await #expect(throws: InputError.self) {
                    try await writer.correct(hoan, correction, today: Self.today, actor: Self.actor)
                }
                #expect(error.map { Self.fields($0) } == fields, "\(correction)")
                #expect(error?.issues.allSatisfy { $0.vietnamese != nil } == true)
            }
            let detail = try #require(
                try await MemberDirectory(db: db, scope: .everything).detail(hoan, on: Self.today))
            #expect(detail.summary.fullName == "Hoàng Văn Hoan")
            #expect(detail.citizenID == "008075000001")
            #expect(try await Self.entries(db, action: "correct").isEmpty)
        }
    }

    @Test(
        "a status change is recorded from its date with its reason; the standing follows", arguments: TestDatabase.all)
    func statusChange(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (hoan, _) = try await Self.seed(db)
            try await MemberRegistryWriter(db: db, scope: .everything).recordStatus(
                hoan, MemberStatusChange(status: "exempt", since: "2024-03-01", reason: "Tuổi cao, sức yếu"),
                today: Self.today, actor: Self.actor)
            let party = try #require(
                try await MemberDirectory(db: db, scope: .everything).detail(hoan, on: Self.today)
            ).party
            #expect(party.status == .exempt)
            #expect(party.standing(on: Fixtures.date("2024-02-29")) == .full)
            #expect(party.standing(on: Fixtures.date("2024-03-01")) == .exempt)
            let entry = try #require(try await Self.entries(db, action: "status").first)
            #expect(entry.after?.contains("Tuổi cao, sức yếu") == true)
            #expect(entry.after?.contains("2024-03-01") == true)
        }
    }

    @Test(
        "status changes that cannot be are refused with their reason, and nothing is written",
        arguments: TestDatabase.all)
    func refusedStatusChanges(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (hoan, _) = try await Self.seed(db)
            let probationary = try #require(
                try await MemberDirectory(db: db, scope: .everything).search(.init(text: "dự", date: Self.today)).items
                    .first
            ).id
            let writer = MemberRegistryWriter(db: db, scope: .everything)
            let cases: [(UUID, MemberStatusChange, [String])] = [
                (hoan, MemberStatusChange(status: "exempt", since: "2024-03-01"), ["reason"]),
                (hoan, MemberStatusChange(status: "retired", since: "2024-03-01", reason: "x"), ["status"]),
                (hoan, MemberStatusChange(status: "deceased", since: "", reason: "x"), ["since"]),
                (hoan, MemberStatusChange(status: "deceased", since: "2027-01-01", reason: "x"), ["since"]),
                (hoan, MemberStatusChange(status: "suspended", since: "1999-12-31", reason: "x"), ["since"]),
                (probationary, MemberStatusChange(status: "exempt", since: "2025-07-01", reason: "x"), ["status"]),
            ]
            for (member, change, fields) in cases {
                let error = await #expect(throws: InputError.self) {
                    try await writer.recordStatus(member, change, today: Self.today, actor: Self.actor)
                }
                #expect(error.map { Self.fields($0) } == fields, "\(change)")
            }
            #expect(try await Self.entries(db, action: "status").isEmpty)
            try await writer.recordStatus(
                hoan, MemberStatusChange(status: "deceased", since: "2025-01-10", reason: "Giấy báo tử"),
                today: Self.today, actor: Self.actor)
            let afterDeath = await #expect(throws: InputError.self) {
                try await writer.recordStatus(
                    hoan, MemberStatusChange(status: "suspended", since: "2025-02-01", reason: "x"), today: Self.today,
                    actor: Self.actor)
            }
            #expect(afterDeath.map { Self.fields($0) } == ["status"])
        }
    }

    @Test(
        "moving out of the district ends the member's roll and posts on the day, the history kept",
        arguments: TestDatabase.all)
    func movedOut(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (hoan, _) = try await Self.seed(db)
            try await MemberRegistryWriter(db: db, scope: .everything).recordStatus(
                hoan,
                MemberStatusChange(status: "movedOut", since: "2025-09-01", reason: "Chuyển sinh hoạt đi tỉnh khác"),
                today: Self.today, actor: Self.actor)
            let agency = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CQ-00001"))
            let cells = CellDirectory(db: db, scope: .everything)
            let before = try await cells.roster(of: agency.id, on: Fixtures.date("2025-08-31")).map(\.member.id)
            let after = try await cells.roster(of: agency.id, on: Fixtures.date("2025-09-01")).map(\.member.id)
            #expect(before.contains(hoan))
            #expect(!after.contains(hoan))
            let detail = try #require(
                try await MemberDirectory(db: db, scope: .everything).detail(hoan, on: Self.today))
            #expect(detail.posts.map(\.validity.until) == [Fixtures.date("2025-09-01")])
            #expect(detail.memberships.map(\.validity.until) == [Fixtures.date("2025-09-01")])
            #expect(try await Self.entries(db, action: "status").count == 1)
        }
    }

    @Test("a member outside the writer's scope is not found, and nothing is written", arguments: TestDatabase.all)
    func outsideScope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (hoan, _) = try await Self.seed(db)
            let naCooc = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01"))
            let writer = MemberRegistryWriter(db: db, scope: .restricted(units: [], organisations: [naCooc.id]))
            await #expect(throws: StorageError.self) {
                try await writer.correct(
                    hoan, MemberCorrection(fullName: "Hoàng Văn Hoàn", reason: "x"), today: Self.today,
                    actor: Self.actor)
            }
            await #expect(throws: StorageError.self) {
                try await writer.recordStatus(
                    hoan, MemberStatusChange(status: "deceased", since: "2025-01-10", reason: "x"), today: Self.today,
                    actor: Self.actor)
            }
            #expect(
                try await AuditTrail(db: db, scope: .everything).entries()
                    .filter { $0.entity == "member" && ["correct", "status"].contains($0.action) }.isEmpty)
        }
    }
}
