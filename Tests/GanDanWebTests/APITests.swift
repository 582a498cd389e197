import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("JSON API, and bad input never answers 500")
struct APITests {
    @Test("units, cells and members answer JSON with snake_case keys", arguments: TestDatabase.all)
    func json(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await app.testing().test(.GET, "/api/units?date=2019-03-15", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                let units = body?["units"] as? [[String: Any]]
                #expect(units?.first?["code"] as? String == "01")
                #expect(units?.first?["version_id"] != nil)
            }
            let cell = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).organisation(code: "CQ-00001"))
            try await app.testing().test(.GET, "/api/cells/\(cell.id)?date=2019-03-15", headers: users.admin.bearer) {
                res in
                #expect(res.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                let counts = (body?["summary"] as? [String: Any])?["counts"] as? [String: Any]
                #expect(counts?["full"] as? Int == 2)
                #expect((body?["roster"] as? [Any])?.count == 2)
            }
            try await app.testing().test(.GET, "/api/members?q=duong", headers: users.admin.bearer) { res in
                let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                #expect(body?["total"] as? Int == 1)
            }
        }
    }

    @Test("bad input answers 400 or 404 with a reason", arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cases: [(String, UInt)] = [
                ("/api/units/not-a-uuid", 404),
                ("/api/units/\(UUID())", 404),
                ("/api/units?date=2019-13-45", 400),
                ("/api/members?page=0", 400),
                ("/api/members?per_page=abc", 400),
                ("/api/members?cell=zzz", 400),
                ("/api/cells/\(UUID())", 404),
                ("/units/\(UUID())", 404),
                ("/members?page=-1", 400),
                ("/members/not-a-uuid", 404),
                ("/cells/x?date=bad", 404),
                ("/nowhere", 404),
            ]
            for (path, status) in cases {
                try await app.testing().test(.GET, path, headers: users.admin.bearer) { res in
                    #expect(res.status.code == status, "\(path)")
                    #expect(!res.body.string.isEmpty, "\(path)")
                }
            }
            try await app.testing().test(.GET, "/api/units?date=2019-02-30", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("Ngày xem “2019-02-30” không phải là ngày"))
            }
            try await app.testing().test(
                .GET, "/api/units?date=2019-02-30&lang=en", headers: users.admin.bearer
            ) { res in
                #expect(res.body.string.contains("As-of date “2019-02-30” is not a date"))
            }
        }
    }
}

@Suite("Placement API: what-if with weights, exempt posts and capacities")
struct PlacementAPITests {
    @Test("a re-run with new settings returns the plan and what changed", arguments: TestDatabase.all)
    func whatIf(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(
                    code: "00001", on: Fixtures.date("2019-04-01")))
            let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
                unitID: commune.id, on: Fixtures.date("2019-04-01"), actor: .system)
            let naLang = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).organisation(code: "CB-00001.02"))
            var headers = users.planner.bearer
            headers.contentType = .json
            let body = #"""
                {"exempt_posts": ["peoplesCommitteeChairman"], "capacities": {"\#(naLang.id)": {"minimum": 2}},
                 "weights": {"leaderDifficulty": 0, "outsideResidence": 100, "travelPerKm": 2, "crowding": 15,
                   "leaderRepeatFactor": 0.5, "coverage": 200, "difficultyDistance": 0.35, "difficultyPoverty": 0.25,
                   "difficultyWeak": 0.25, "difficultyFewMembers": 0.1, "difficultyEthnicMinority": 0.025,
                   "difficultyMountain": 0.025}}
                """#
            try await app.testing().test(
                .POST, "/api/placement/plans/\(plan.id)/rerun?date=2019-04-01", headers: headers,
                body: ByteBuffer(string: body)
            ) { res in
                #expect(res.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                #expect((json?["plan"] as? [String: Any])?["version"] as? Int == 2)
                #expect(res.body.string.contains("Chi bộ thôn Nà Làng"))
            }
            let rerun = try #require(try await PlacementPlans(db: app.store, scope: .everything).plan(plan.id))
            #expect(rerun.settings.exemptPosts == [.peoplesCommitteeChairman])
            #expect(rerun.decisions.filter { $0.toCellID == naLang.id }.count == 2)
            try await app.testing().test(
                .POST, "/api/placement/plans/\(plan.id)/rerun", headers: headers,
                body: ByteBuffer(string: #"{"pins": {"not-an-id": "x"}}"#)
            ) { res in
                #expect(res.status == .badRequest)
            }
        }
    }
}
