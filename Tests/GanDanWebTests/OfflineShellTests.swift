import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

/// The offline shell (issue 20): the service worker and the offline page are public files, small enough for a slow
/// line; the pages themselves stay out of every HTTP cache (the worker keeps its own copy, dropped on sign-out).
@Suite("The offline shell: a small service worker, a bilingual offline page, pages kept by no HTTP cache")
struct OfflineShellTests {
    @Test(
        "the service worker and the offline page are served small, and a secretary's form stays out of HTTP caches",
        arguments: [TestDatabase.sqlite])
    func shell(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            var gzip = HTTPHeaders()
            gzip.add(name: .acceptEncoding, value: "gzip")
            try await tester.test(.GET, "/sw.js", headers: gzip) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.contains("javascript") == true)
                #expect(res.body.readableBytes < 6_000, "sw.js: \(res.body.readableBytes) bytes")
            }
            try await tester.test(.GET, "/offline.html") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<h1>Bạn đang ngoại tuyến</h1>"))
                #expect(res.body.string.contains("<h2>You are offline</h2>"))
                #expect(res.body.readableBytes < 2_000)
            }
            // Every page loads the script that registers the worker where the browser has one.
            let cell = try await app.organisation("CB-00001.01")
            try await tester.test(.GET, "/cells/\(cell)/meetings", headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#"<script src="/app.js"></script>"#))
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }
}
