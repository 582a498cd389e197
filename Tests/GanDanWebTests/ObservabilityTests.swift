import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import GanDanWeb

extension CapturedLog {
    /// The access-log lines, each as its level and its fields (`route`, `status`, `request-id` …).
    var access: [(level: String, fields: [String: String])] {
        lines.compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2, parts[1] == "access" else { return nil }
            let fields = parts.dropFirst(2).compactMap { part -> (String, String)? in
                guard let equals = part.firstIndex(of: "=") else { return nil }
                return (String(part[..<equals]), String(part[part.index(after: equals)...]))
            }
            return (parts[0], Dictionary(fields, uniquingKeysWith: { first, _ in first }))
        }
    }
}

@Suite("An operator sees each request, its id, the database's readiness and its timings (issue 24)")
struct ObservabilityTests {
    /// The seeded app on `database` with its log captured, and `adjust` applied to the settings.
    static func withLoggedApp(
        _ database: TestDatabase, adjust: @escaping @Sendable (inout Settings) -> Void = { _ in },
        _ body: (Application, TestUsers, CapturedLog) async throws -> Void
    ) async throws {
        let log = CapturedLog()
        try await database.withLocation { location in
            try await withApp(configure: { app in
                app.logger = log.logger(label: "gandan.test")
                var settings = Settings(database: location, bcryptCost: 4)
                adjust(&settings)
                try await configure(app, settings)
            }) { app in
                _ = try await DatasetWriter(db: app.store, scope: .everything).write(seededTree)
                try await body(app, try await TestUsers.create(on: app), log)
            }
        }
    }

    @Test(
        "one info line per request: method, route pattern, status, duration, request id and user id, no names",
        arguments: TestDatabase.all)
    func accessLog(database: TestDatabase) async throws {
        try await Self.withLoggedApp(database) { app, users, log in
            let member = try await app.member("Hoàng Văn Hoan")
            var ids: [String] = []
            try await app.testing().test(.GET, "/health") { ids.append($0.headers.first(name: .xRequestId) ?? "") }
            try await app.testing().test(.GET, "/no/such/page?q=Hoàng") { res in
                #expect(res.status == .notFound)
                ids.append(res.headers.first(name: .xRequestId) ?? "")
            }
            try await app.testing().test(.GET, "/api/members/\(member)?q=Hoàng+Văn", headers: users.admin.bearer) {
                #expect($0.status == .ok)
                ids.append($0.headers.first(name: .xRequestId) ?? "")
            }
            let lines = log.access
            try #require(lines.count == 3)
            #expect(lines.map(\.level) == ["info", "info", "info"])
            #expect(lines.map { $0.fields["route"] } == ["/health", "unmatched", "/api/members/:member"])
            #expect(lines.map { $0.fields["status"] } == ["200", "404", "200"])
            #expect(lines.map { $0.fields["method"] } == ["GET", "GET", "GET"])
            #expect(lines.map { $0.fields["request-id"] ?? "" } == ids)
            #expect(lines[2].fields["user"] == users.admin.account.id.uuidString.lowercased())
            #expect(lines[0].fields["user"] == "-")
            #expect(lines.allSatisfy { Double($0.fields["duration_ms"] ?? "") != nil })
            let text = log.lines.filter { $0.hasPrefix("info access ") }.joined(separator: "\n")
            for personal in [member.uuidString, "Hoàng", "Ho%C3%A0ng", "admin"] {
                #expect(!text.contains(personal), "\(personal) in the access log")
            }
        }
    }

    @Test("LOG_LEVEL warning leaves out the access lines, and still writes a defect's error line")
    func logLevel() async throws {
        try await Self.withLoggedApp(.sqlite, adjust: { $0.logLevel = .warning }) { app, _, log in
            app.get("boom") { _ -> String in throw ErrorResponseTests.Defect() }
            try await app.testing().test(.GET, "/health") { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/boom") { #expect($0.status == .internalServerError) }
            #expect(log.access.isEmpty)
            #expect(log.lines.contains { $0.hasPrefix("error 500 GET /boom") })
        }
    }

    @Test("every answer carries an X-Request-Id, and an error page prints it")
    func requestIDEverywhere() async throws {
        try await Self.withLoggedApp(.sqlite) { app, users, _ in
            for (path, status) in [
                ("/health", HTTPStatus.ok), ("/login", .ok), ("/nowhere", .notFound), ("/api/units", .unauthorized),
                ("/api/nowhere", .unauthorized), ("/styles.css", .ok), ("/metrics", .ok),
            ] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == status, "\(path)")
                    let id = res.headers.first(name: .xRequestId)
                    #expect(id.map(RequestIDMiddleware.isPlain) == true, "\(path)")
                }
            }
            try await app.testing().test(.GET, "/units/\(UUID())", headers: users.viewer.bearer) { res in
                #expect(res.status == .notFound)
                let id = try #require(res.headers.first(name: .xRequestId))
                #expect(res.body.string.contains(id))
            }
        }
    }

    @Test("a request id from a trusted proxy is kept; from any other peer, or not plain, a new one is made")
    func proxyRequestID() async throws {
        for (trusted, given, kept) in [
            (Set(["127.0.0.1"]), "nginx-4f2a9c", true), (Set<String>(), "nginx-4f2a9c", false),
            (Set(["127.0.0.1"]), "bad id <script>", false),
        ] {
            try await TestDatabase.sqlite.withLocation { location in
                try await withApp(configure: { app in
                    try await configure(app, Settings(database: location, bcryptCost: 4, trustedProxies: trusted))
                }) { app in
                    let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
                    try await tester.test(.GET, "/nowhere", headers: ["X-Request-Id": given]) { res in
                        let id = res.headers.first(name: .xRequestId)
                        #expect((id == given) == kept, "\(trusted) \(given)")
                        #expect(res.body.string.contains(id ?? "-"))
                    }
                }
            }
        }
    }

    @Test("/health/ready is 200 with every migration, 503 naming the one missing", arguments: TestDatabase.all)
    func readiness(database: TestDatabase) async throws {
        try await Self.withLoggedApp(database) { app, _, _ in
            try await app.testing().test(.GET, "/health/ready") { res in
                #expect(res.status == .ok)
                #expect(res.body.string == "ready\n")
            }
            let last = try #require(GanDanMigrations.all.last).name
            let sql = try #require(app.store as? any SQLDatabase)
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: last)").run()
            try await app.testing().test(.GET, "/health/ready") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.body.string.contains(last))
                #expect(res.body.string.contains("gandan migrate"))
            }
            try await app.testing().test(.GET, "/health") { #expect($0.status == .ok) }
        }
    }

    @Test("the server does not start on a database with pending migrations unless told to migrate")
    func refusesPendingMigrations() async throws {
        try await TestDatabase.sqlite.withLocation { location in
            do {
                try await withApp(configure: { app in
                    try await configure(app, Settings(database: location, migrate: false, bcryptCost: 4))
                }) { _ in Issue.record("configured on a database without a schema") }
            } catch let error as PendingMigrationsError {
                #expect(error.names == GanDanMigrations.all.map(\.name))
                #expect(error.description.contains("gandan serve --migrate"))
            }
            try await withApp(configure: { app in
                try await configure(app, Settings(database: location, migrate: true, bcryptCost: 4))
            }) { _ in }
            try await withApp(configure: { app in
                try await configure(app, Settings(database: location, migrate: false, bcryptCost: 4))
            }) { app in
                try await app.testing().test(.GET, "/health/ready") { #expect($0.status == .ok) }
            }
        }
    }

    @Test("/metrics shows the pool's size, the writes' wait and the audit appends' time", arguments: TestDatabase.all)
    func storageMetrics(database: TestDatabase) async throws {
        try await Self.withLoggedApp(database) { app, users, _ in
            let member = try await app.member("La Văn Đường")
            try await app.testing().test(.GET, "/api/members/\(member)", headers: users.viewer.bearer) {
                #expect($0.status == .ok)
            }
            try await app.testing().test(.GET, "/metrics") { res in
                let text = res.body.string
                #expect(text.contains("# TYPE gandan_db_pool_connections_max gauge"))
                #expect(
                    text.contains(
                        "gandan_db_pool_connections_max{engine=\"\(database == .sqlite ? "sqlite" : "postgres")\"}"))
                #expect(text.contains("# TYPE gandan_audit_append_seconds histogram"))
                #expect(text.contains("gandan_audit_append_seconds_bucket{le=\"+Inf\"}"))
                #expect(text.contains("gandan_db_write_wait_seconds_count"))
                let count = text.split(separator: "\n").first { $0.hasPrefix("gandan_audit_append_seconds_count ") }
                #expect((count.flatMap { Int($0.split(separator: " ")[1]) } ?? 0) >= 1)
            }
        }
    }

    @Test("deadlines follow the holidays file of the settings: a swap day moves a feedback item's due date")
    func holidaysFile() async throws {
        let holidays = try PublicHolidays.read(json: Data(HolidayFileTests2019.swap.utf8))
        for (settingsHolidays, due) in [(PublicHolidays.vietnam, "2019-05-07"), (holidays, "2019-05-08")] {
            try await Self.withLoggedApp(.sqlite, adjust: { $0.holidays = settingsHolidays }) { app, users, _ in
                let cell = try await app.organisation("CB-00001.01")
                var headers = users.secretary.bearer
                headers.contentType = .json
                let body =
                    #"{"received_on": "2019-04-26", "received_by": "Hoàng Văn Tài", "topic": "production", "summary": "Giống lê", "name_consent": false}"#
                try await app.testing().test(
                    .POST, "/api/cells/\(cell)/feedback", headers: headers, body: ByteBuffer(string: body)
                ) { res in
                    #expect(res.status == .created)
                    #expect(res.body.string.contains(#""due":"\#(due)""#), "\(res.body.string)")
                }
            }
        }
    }
}

/// 2019 as built in with 3 May off and Saturday 11 May worked (the same file as the Core test's).
enum HolidayFileTests2019 {
    static let swap = """
        {"years": [{"year": 2019, "days_off": {
          "new_year": ["2019-01-01"], "lunar_new_year": ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"],
          "hung_kings": ["2019-04-14"], "reunification": ["2019-04-30"], "labour_day": ["2019-05-01"],
          "national_day": ["2019-09-02"], "substitute": ["2019-04-15", "2019-04-29", "2019-05-03"]},
          "make_up_working_days": ["2019-01-05", "2019-05-04", "2019-05-11"]}]}
        """
}
