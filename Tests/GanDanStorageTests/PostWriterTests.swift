import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("Posts given and ended on the web: one holder where the charter says so, key leaders from posts in force")
struct PostWriterTests {
    static let actor = Actor(name: "planner")
    static let today = Fixtures.date("2026-12-06")

    struct Seeded {
        var hoan: UUID
        var ba: UUID
        var committee: UUID
        var naCooc: UUID
        var commune: UUID
    }

    /// Two members of the agency cell; Ma Văn Ba chairs the People's Committee from 2016.
    static func seed(_ db: any Database) async throws -> Seeded {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member("Hoàng Văn Hoan"),
            Fixtures.member(
                "Ma Văn Ba",
                posts: [
                    PostDraft(
                        kind: .peoplesCommitteeChairman, organisationCode: "DB-00001",
                        validity: Validity(from: Fixtures.date("2016-01-01")), source: .election)
                ]),
        ]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        let directory = MemberDirectory(db: db, scope: .everything)
        let tree = OrganisationTree(db: db, scope: .everything)
        func id(_ text: String) async throws -> UUID {
            try #require(try await directory.search(.init(text: text, date: today)).items.first).id
        }
        return Seeded(
            hoan: try await id("hoan"), ba: try await id("ba"),
            committee: try #require(try await tree.organisation(code: "DB-00001")).id,
            naCooc: try #require(try await tree.organisation(code: "CB-00001.01")).id,
            commune: try #require(try await tree.unit(code: "00001", on: today)).id)
    }

    static func leaderPosts(_ db: any Database, _ seeded: Seeded, of member: UUID, on day: String) async throws
        -> [PostKind]
    {
        let inputs = try await PlacementPlans(db: db, scope: .everything).inputs(
            unitID: seeded.commune, on: Fixtures.date(day))
        return inputs.flatMap(\.candidates).first { $0.id == member }?.posts ?? []
    }

    @Test(
        "assigning the People's Council chairman post makes the member a key leader in the next proposal, ending it undoes it",
        arguments: TestDatabase.all)
    func keyLeaderFromPosts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let seeded = try await Self.seed(db)
            let writer = PostWriter(db: db, scope: .everything)
            #expect(try await Self.leaderPosts(db, seeded, of: seeded.hoan, on: "2019-04-01").isEmpty)
            try await writer.assign(
                seeded.hoan,
                PostAssignment(
                    kind: "peoplesCouncilChairman", organisation: seeded.committee.uuidString, from: "2019-03-01",
                    source: "election", reason: "Kỳ họp thứ 7"),
                today: Self.today, actor: Self.actor)
            #expect(try await Self.leaderPosts(db, seeded, of: seeded.hoan, on: "2019-02-28").isEmpty)
            #expect(
                try await Self.leaderPosts(db, seeded, of: seeded.hoan, on: "2019-04-01") == [.peoplesCouncilChairman])
            let held = try await writer.posts(of: seeded.hoan, today: Self.today)
            #expect(held.map(\.source) == [.election])
            try await writer.end(
                seeded.hoan, post: held[0].id.uuidString, until: "2020-01-01", reason: "Nghỉ hưu", today: Self.today,
                actor: Self.actor)
            #expect(
                try await Self.leaderPosts(db, seeded, of: seeded.hoan, on: "2019-12-31") == [.peoplesCouncilChairman])
            #expect(try await Self.leaderPosts(db, seeded, of: seeded.hoan, on: "2020-01-01").isEmpty)
            let actions = try await AuditTrail(db: db, scope: .everything).entries().filter { $0.entity == "member" }
                .map(\.action)
            #expect(actions.filter { $0.hasSuffix("_post") }.sorted() == ["assign_post", "end_post"])
        }
    }

    @Test(
        "a second chairman on the same day, a post before admission or the organisation existed, a cell post in a committee: refused",
        arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let seeded = try await Self.seed(db)
            let writer = PostWriter(db: db, scope: .everything)
            let committee = seeded.committee.uuidString
            func post(_ kind: String, _ organisation: String, _ from: String, _ source: String = "appointment")
                -> PostAssignment
            {
                PostAssignment(kind: kind, organisation: organisation, from: from, source: source)
            }
            let cases: [(PostAssignment, String)] = [
                (post("peoplesCommitteeChairman", committee, "2019-03-01"), "kind"),
                (post("peoplesCommitteeChairman", committee, "1999-06-01"), "from"),
                (post("peoplesCommitteeViceChairman", committee, "2005-01-01"), "from"),
                (post("cellSecretary", committee, "2019-03-01"), "organisation"),
                (post("peoplesCommitteeViceChairman", seeded.naCooc.uuidString, "2019-03-01"), "organisation"),
                (post("peoplesCommitteeViceChairman", UUID().uuidString, "2019-03-01"), "organisation"),
                (post("peoplesCommitteeViceChairman", committee, "2019-03-01", ""), "source"),
                (post("mayor", committee, "2019-03-01"), "kind"),
                (post("peoplesCommitteeViceChairman", committee, "2019-02-30"), "from"),
            ]
            for (assignment, field) in cases {
                let error = await #expect(throws: InputError.self) {
                    try await writer.assign(seeded.hoan, assignment, today: Self.today, actor: Self.actor)
                }
                #expect(error?.issues.map(\.field) == [field], "\(assignment)")
                #expect(error?.issues.allSatisfy { $0.vietnamese != nil } == true)
            }
            // The chairman's post ended, the next chairman may begin that day.
            let held = try await writer.posts(of: seeded.ba, today: Self.today)
            let noReason = await #expect(throws: InputError.self) {
                try await writer.end(
                    seeded.ba, post: held[0].id.uuidString, until: "2019-03-01", reason: "", today: Self.today,
                    actor: Self.actor)
            }
            #expect(noReason?.issues.map(\.field) == ["reason"])
            #expect(try await writer.posts(of: seeded.hoan, today: Self.today).isEmpty)
            try await writer.end(
                seeded.ba, post: held[0].id.uuidString, until: "2019-03-01", reason: "Chuyển công tác",
                today: Self.today, actor: Self.actor)
            try await writer.assign(
                seeded.hoan, post("peoplesCommitteeChairman", committee, "2019-03-01"), today: Self.today,
                actor: Self.actor)
            #expect(
                try await writer.posts(of: seeded.hoan, today: Self.today).map(\.kind) == [.peoplesCommitteeChairman])
        }
    }
}
