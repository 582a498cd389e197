import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

/// A read does not write a session on every request (issue 24): a page's session is marked used again only once the
/// last mark is a while old, so idle sessions still end; an API call with a token stores none.
@Suite("Reading pages writes nothing for the session")
struct SessionTouchTests {
    @Test(
        "a signed-in page read writes nothing for its session, unless its use was marked over a minute ago",
        arguments: TestDatabase.all)
    func touchedOnlyWhenStale(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let (cookie, csrf) = try await AuthTests.loginForm(app)
            var session = cookie
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=planner&password=correct+horse+battery&next=/", cookie: cookie
            ) { res in
                #expect(res.status == .seeOther)
                session = res.headers.setCookie?["gandan_session"]?.string ?? cookie
            }
            // The first page stores the session's form token (a change, written); the pages after it change nothing.
            try await Self.read(app, session)
            let first = try await Self.touched(app, session)
            try await Self.read(app, session)
            try await Self.read(app, session)
            #expect(try await Self.touched(app, session) == first)

            let longAgo = Date().addingTimeInterval(-5 * 60)
            try await SessionRecord.query(on: app.store).filter(\.$key == session).set(\.$touchedAt, to: longAgo)
                .update()
            try await Self.read(app, session)
            let marked = try await Self.touched(app, session)
            #expect(marked > longAgo.addingTimeInterval(4 * 60))
            try await Self.read(app, session)
            #expect(try await Self.touched(app, session) == marked)
        }
    }

    @Test("an API call with a token stores no session and sets no cookie", arguments: TestDatabase.all)
    func tokenCallsStoreNoSession(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let sessions = SessionStore(db: app.store)
            let before = try await sessions.count()
            for _ in 0..<3 {
                try await app.testing().test(.GET, "/api/members", headers: users.planner.bearer) { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.setCookie?["gandan_session"] == nil)
                }
            }
            #expect(try await sessions.count() == before)
        }
    }

    static func read(_ app: Application, _ session: String) async throws {
        try await app.testing().test(.GET, "/members", headers: ["Cookie": "gandan_session=\(session)"]) { res in
            #expect(res.status == .ok)
        }
    }

    static func touched(_ app: Application, _ session: String) async throws -> Date {
        let record = try #require(try await SessionRecord.query(on: app.store).filter(\.$key == session).first())
        return try #require(record.touchedAt)
    }
}
