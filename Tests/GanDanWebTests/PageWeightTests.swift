import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import GanDanWeb

/// Phones on slow lines (issue 20): pages, styles and JSON travel gzip-compressed, and no page a cell secretary
/// opens weighs more than 30 KB on the wire.
@Suite("Pages for a slow line: compressed, and every secretary page under 30 KB")
struct PageWeightTests {
    static let budget = 30 * 1024

    /// Every GET page whose only path parameters are a cell or a meeting, filled with the secretary's own.
    static func secretaryPages(_ app: Application, cell: UUID, meeting: UUID) -> [String] {
        let skipped: Set<String> = ["login", "logout", "health", "metrics", "openapi.json", "api"]
        return app.routes.all.compactMap { route -> String? in
            guard route.method == .GET, let first = route.path.first, !skipped.contains(first.description) else {
                return route.method == .GET && route.path.isEmpty ? "/" : nil
            }
            var parts: [String] = []
            for component in route.path {
                switch component {
                case .constant(let text): parts.append(text)
                case .parameter("cell"): parts.append(cell.uuidString)
                case .parameter("meeting"): parts.append(meeting.uuidString)
                default: return nil
                }
            }
            return "/" + parts.joined(separator: "/")
        }
    }

    @Test(
        "HTML, CSS and JSON are gzip-compressed when the client asks, and each secretary page stays under 30 KB",
        arguments: TestDatabase.all)
    func budget(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let meeting = try await CellMeetings(db: app.store, scope: .everything).plan(
                cellID: cell,
                MeetingPlanDraft(
                    kind: .regular, date: CivilDate.on(2019, 6, 5), scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                    noticeSentOn: CivilDate.on(2019, 6, 3)),
                actor: .system
            ).id
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            var gzip = users.secretary.bearer
            gzip.add(name: .acceptEncoding, value: "gzip")
            let pages = Self.secretaryPages(app, cell: cell, meeting: meeting)
            var checked: [String] = []
            for path in pages {
                try await tester.test(.GET, path, headers: gzip) { res in
                    guard res.status == .ok else { return }
                    checked.append(path)
                    #expect(res.headers.first(name: .contentEncoding) == "gzip", "\(path) is not compressed")
                    #expect(res.body.readableBytes < Self.budget, "\(path): \(res.body.readableBytes) bytes")
                }
            }
            #expect(checked.count >= 10, "only \(checked) answered 200")
            #expect(checked.contains("/meetings/\(meeting)/minutes"))
            for (path, type) in [
                ("/cells/\(cell)/meetings", "text/html"), ("/styles.css", "text/css"),
                ("/openapi.json", "application/json"),
            ] {
                var plain = 0
                try await tester.test(.GET, path, headers: users.secretary.bearer) { res in
                    #expect(res.headers.first(name: .contentEncoding) == nil)
                    plain = res.body.readableBytes
                }
                try await tester.test(.GET, path, headers: gzip) { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.contentType?.description.hasPrefix(type) == true, "\(path)")
                    #expect(res.headers.first(name: .contentEncoding) == "gzip", "\(path) is not compressed")
                    #expect(res.body.readableBytes * 2 < plain, "\(path): \(res.body.readableBytes) of \(plain) bytes")
                }
            }
        }
    }
}
