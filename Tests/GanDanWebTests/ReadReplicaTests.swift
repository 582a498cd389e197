import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import GanDanWeb
import Testing
import VaporTesting

@Suite("Dashboards read a streaming replica; writes and the writer's next pages use the primary")
struct ReadReplicaTests {
    /// The commune dashboard's overdue feedback as of 15-5-2019, with the "figures as of" header when behind.
    static func overdue(_ app: Application, _ commune: UUID, _ headers: HTTPHeaders) async throws -> (Int?, String?) {
        var answer: (Int?, String?) = (nil, nil)
        try await app.testing().test(.GET, "/api/units/\(commune)/dashboard?as_of=2019-05-15", headers: headers) {
            res in
            #expect(res.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
            let report = json?["commune"] as? [String: Any]
            answer = (report?["overdue_feedback"] as? Int, res.headers.first(name: "GanDan-Figures-As-Of"))
        }
        return answer
    }

    /// The app on `primary` with reads on `replica`, holding the seeded tree, its users and the placed commune with
    /// one overdue feedback (`DashboardPageTests.placed`).
    static func withPlacedApp(
        _ primary: DatabaseLocation, _ replica: DatabaseLocation,
        _ body: (Application, TestUsers, _ commune: UUID, _ cell: UUID) async throws -> Void
    ) async throws {
        try await withApp(configure: { app in
            try await configure(app, Settings(database: primary, bcryptCost: 4, readDatabase: replica))
        }) { app in
            _ = try await DatasetWriter(db: app.store, scope: .everything).write(seededTree)
            let users = try await TestUsers.create(on: app)
            let (_, commune, cell) = try await DashboardPageTests.placed(app)
            try await body(app, users, commune, cell)
        }
    }

    /// Waits (up to 20 s) until the replica has everything the primary wrote.
    static func caughtUp(_ app: Application) async throws {
        for _ in 0..<200 {
            let (_, reading) = await app.storageContext.readDatabase(
                logger: app.logger, on: app.eventLoopGroup.any(), seen: nil)
            if reading == .current { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the replica did not catch up in 20 s")
    }

    @Test(
        "while the replica lags, others see its figures with their time; the writer sees her own write",
        .enabled(if: ReplicaPair.expected))
    func lagging() async throws {
        try await ReplicaPair.withDatabase { primary, replica in
            try await Self.withPlacedApp(primary, replica) { app, users, commune, cell in
                try await Self.caughtUp(app)
                let fresh = try await Self.overdue(app, commune, users.viewer.bearer)
                #expect(fresh.0 == 1)
                #expect(fresh.1 == nil)

                try await ReplicaPair.setReplay(paused: true, on: replica)
                var headers = users.admin.bearer
                headers.contentType = .json
                var seen: String?
                try await app.testing().test(
                    .POST, "/api/cells/\(cell)/feedback", headers: headers,
                    body: ByteBuffer(
                        string:
                            #"{"received_on": "2019-05-03", "received_by": "Hoàng Văn Tài", "topic": "environment", "summary": "Rác ven suối", "name_consent": false}"#
                    )
                ) { res in
                    #expect(res.status == .created)
                    seen = res.headers.setCookie?["gandan_seen"]?.string
                }
                // Another user reads the replica, which has not replayed the write: the old figure, no error, and
                // the time it is of; the page says it in words.
                let stale = try await Self.overdue(app, commune, users.viewer.bearer)
                #expect(stale.0 == 1)
                let asOf = try #require(stale.1)
                #expect(ISO8601DateFormatter().date(from: asOf) != nil)
                try await app.testing().test(
                    .GET, "/units/\(commune)/dashboard?as_of=2019-05-15", headers: users.viewer.bearer
                ) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("Số liệu tính đến "))
                    #expect(res.body.string.contains("chưa có trên trang này"))
                }
                // The writer's browser carries the primary's position: her next page reads what she wrote.
                var own = users.admin.bearer
                own.add(name: .cookie, value: "gandan_seen=\(try #require(seen))")
                let mine = try await Self.overdue(app, commune, own)
                #expect(mine.0 == 2)
                #expect(mine.1 == nil)

                try await ReplicaPair.setReplay(paused: false, on: replica)
                try await Self.caughtUp(app)
                let caught = try await Self.overdue(app, commune, users.viewer.bearer)
                #expect(caught.0 == 2)
                #expect(caught.1 == nil)
                try await app.testing().test(
                    .GET, "/units/\(commune)/dashboard?as_of=2019-05-15", headers: users.viewer.bearer
                ) { res in
                    #expect(!res.body.string.contains("Số liệu tính đến "))
                }
            }
        }
    }
}

extension ReadReplicaTests {
    @Test(
        "a replica that does not answer leaves the pages to the primary, without an error",
        .enabled(if: TestDatabase.all.contains(.postgres)))
    func replicaDown() async throws {
        try await TestDatabase.postgres.withLocation { primary in
            // Nothing listens on port 1: every connection to this "replica" is refused.
            let replica = DatabaseLocation.postgres(url: "postgres://postgres@127.0.0.1:1/gandan")
            try await Self.withPlacedApp(primary, replica) { app, users, commune, _ in
                for _ in 0..<2 {
                    let answer = try await Self.overdue(app, commune, users.viewer.bearer)
                    #expect(answer.0 == 1)
                    #expect(answer.1 == nil)
                }
                try await app.testing().test(.GET, "/members?q=duong", headers: users.admin.bearer) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("La Văn Đường"))
                    #expect(!res.body.string.contains("Số liệu tính đến"))
                }
            }
        }
    }
}
