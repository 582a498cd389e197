import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Logging
import SQLKit
import Testing
import VaporTesting

/// Log lines kept in memory, for tests that check what reaches the log.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    /// Every line so far: level, message and metadata as "key=value".
    var lines: [String] { lock.withLock { stored } }

    func append(_ line: String) { lock.withLock { stored.append(line) } }

    /// A logger whose lines land here.
    func logger(label: String) -> Logger {
        Logger(label: label) { _ in CapturingLogHandler(log: self) }
    }
}

/// A log handler that writes into a `CapturedLog`.
struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        log.append("\(event.level) \(event.message) \(fields)")
    }
}

@Suite("Corrupt stored data: a 500 with the request id, and the log names table, column and value")
struct CorruptDataTests {
    @Test(
        "an unknown plan status stored in the table shows the 500 page with the request id and is logged",
        arguments: TestDatabase.all)
    func unknownPlanStatus(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(
                    code: "00001", on: Fixtures.date("2019-03-15"))
            ).id
            let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
                unitID: commune, on: Fixtures.date("2019-04-01"), actor: .system)
            try await (app.store as! any SQLDatabase).raw("UPDATE placement_plans SET status = 'exploded'").run()
            let log = CapturedLog()
            app.logger = log.logger(label: "gandan.test")
            var requestID = ""
            try await app.testing().test(.GET, "/placement/plans/\(plan.id)", headers: users.admin.bearer) { res in
                #expect(res.status == .internalServerError)
                requestID = try #require(res.headers.first(name: .xRequestId))
                #expect(res.body.string.contains(requestID))
                #expect(!res.body.string.contains("exploded"))
            }
            let line = try #require(
                log.lines.first { $0.hasPrefix("error ") && $0.contains("request-id=\(requestID)") })
            #expect(line.contains("table=placement_plans"))
            #expect(line.contains("column=status"))
            #expect(line.contains("value=exploded"))
        }
    }
}
