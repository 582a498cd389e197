import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

@Suite("Sign-in: a throttle per account and address, sessions that end, no rows for visitors (issue 21)")
struct SignInSecurityTests {
    /// The app on `database` (seeded, one user per role) with these trusted proxies, served on a real local port so
    /// that requests come from the peer 127.0.0.1.
    static func withServedApp(
        _ database: TestDatabase, trustedProxies: Set<String>, _ body: (Application, TestUsers) async throws -> Void
    ) async throws {
        try await database.withLocation { location in
            try await withApp(configure: { app in
                try await configure(app, Settings(database: location, bcryptCost: 4, trustedProxies: trustedProxies))
            }) { app in
                _ = try await DatasetWriter(db: app.store, scope: .everything).write(seededTree)
                try await body(app, try await TestUsers.create(on: app))
            }
        }
    }

    /// Signs in as `username` over a real connection with `X-Forwarded-For: forwardedFor`; the response status.
    static func signIn(
        _ app: Application, _ username: String, _ password: String, forwardedFor: String
    ) async throws -> HTTPStatus {
        let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
        var cookie = ""
        var csrf = ""
        try await tester.test(.GET, "/login", headers: ["X-Forwarded-For": forwardedFor]) { res in
            cookie = res.headers.setCookie?["gandan_session"]?.string ?? ""
            let html = res.body.string
            if let range = html.range(of: #"name="csrf" value=""#) {
                csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        var headers: HTTPHeaders = ["Cookie": "gandan_session=\(cookie)", "X-Forwarded-For": forwardedFor]
        headers.contentType = .urlEncodedForm
        let form = "csrf=\(csrf)&username=\(username)&password=\(password)"
        var status = HTTPStatus.internalServerError
        try await tester.test(.POST, "/login", headers: headers, body: ByteBuffer(string: form)) { res in
            status = res.status
        }
        return status
    }

    @Test(
        "five wrong passwords from one address leave the account open to the right password from another",
        arguments: TestDatabase.all)
    func perAccountAndAddress(database: TestDatabase) async throws {
        try await Self.withServedApp(database, trustedProxies: ["127.0.0.1"]) { app, _ in
            for attempt in 1...5 {
                do {
                    let status = try await Self.signIn(app, "admin", "wrong\(attempt)", forwardedFor: "203.0.113.7");
                    #expect(status == .unauthorized)
                }
            }
            do {
                let status = try await Self.signIn(app, "admin", "correct+horse+battery", forwardedFor: "203.0.113.7");
                #expect(status == .tooManyRequests)
            }
            do {
                let status = try await Self.signIn(app, "admin", "correct+horse+battery", forwardedFor: "198.51.100.9");
                // The test client follows the redirect after sign-in to the start page.
                #expect(status == .ok)
            }
        }
    }

    @Test("X-Forwarded-For from a peer that is not a trusted proxy is ignored", arguments: TestDatabase.all)
    func untrustedForwardedFor(database: TestDatabase) async throws {
        try await Self.withServedApp(database, trustedProxies: []) { app, _ in
            for attempt in 1...5 {
                do {
                    let status = try await Self.signIn(app, "admin", "wrong\(attempt)", forwardedFor: "203.0.113.7");
                    #expect(status == .unauthorized)
                }
            }
            // Another forwarded address from the same untrusted peer is still the same client.
            do {
                let status = try await Self.signIn(app, "admin", "correct+horse+battery", forwardedFor: "198.51.100.9");
                #expect(status == .tooManyRequests)
            }
        }
    }

    @Test("the client address is the forwarded one only when the direct peer is a trusted proxy")
    func clientAddress() {
        let headers: HTTPHeaders = ["X-Forwarded-For": "203.0.113.7, 10.0.0.2"]
        #expect(ClientAddress.resolve(peer: "10.0.0.1", headers: headers, trustedProxies: []) == "10.0.0.1")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.1", headers: headers, trustedProxies: ["10.0.0.1", "10.0.0.2"])
                == "203.0.113.7")
        let forwarded: HTTPHeaders = ["Forwarded": #"for="[2001:db8::1]:4711";proto=https"#]
        #expect(
            ClientAddress.resolve(peer: "10.0.0.1", headers: forwarded, trustedProxies: ["10.0.0.1"]) == "2001:db8::1")
        #expect(ClientAddress.resolve(peer: nil, headers: headers, trustedProxies: ["10.0.0.1"]) == "unknown")
    }

    @Test("failed sign-ins still count after a restart on the same database", arguments: TestDatabase.all)
    func survivesRestart(database: TestDatabase) async throws {
        try await database.withLocation { location in
            let settings = Settings(database: location, bcryptCost: 4)
            try await withApp(configure: { try await configure($0, settings) }) { app in
                _ = try await DatasetWriter(db: app.store, scope: .everything).write(seededTree)
                _ = try await TestUsers.create(on: app)
                let (cookie, csrf) = try await AuthTests.loginForm(app)
                for attempt in 1...5 {
                    try await AuthTests.post(
                        app, "/login", "csrf=\(csrf)&username=planner&password=wrong\(attempt)", cookie: cookie
                    ) { #expect($0.status == .unauthorized) }
                }
            }
            try await withApp(configure: { try await configure($0, settings) }) { app in
                let (cookie, csrf) = try await AuthTests.loginForm(app)
                try await AuthTests.post(
                    app, "/login", "csrf=\(csrf)&username=planner&password=correct+horse+battery", cookie: cookie
                ) { #expect($0.status == .tooManyRequests) }
            }
        }
    }

    @Test("a password reset ends the user's sessions and API tokens", arguments: TestDatabase.all)
    func resetEndsSessions(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (cookie, csrf) = try await AuthTests.loginForm(app)
            var session = ""
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=planner&password=correct+horse+battery", cookie: cookie
            ) { res in
                #expect(res.status == .seeOther)
                session = res.headers.setCookie?["gandan_session"]?.string ?? ""
            }
            try await app.testing().test(.GET, "/members", headers: ["Cookie": "gandan_session=\(session)"]) {
                #expect($0.status == .ok)
            }
            try await app.testing().test(.GET, "/api/units", headers: users.planner.bearer) {
                #expect($0.status == .ok)
            }
            let hash = try app.password.hash("a brand new passphrase")
            try await AccountAdministration(db: app.store, scope: .everything).setPassword(
                users.planner.account.id, hash: hash, actor: .system)
            try await app.testing().test(.GET, "/members", headers: ["Cookie": "gandan_session=\(session)"]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
            try await app.testing().test(.GET, "/api/units", headers: users.planner.bearer) {
                #expect($0.status == .unauthorized)
            }
            // Other users keep theirs.
            try await app.testing().test(.GET, "/api/units", headers: users.viewer.bearer) { #expect($0.status == .ok) }
        }
    }

    @Test(
        "an anonymous visit to the sign-in form stores no session; signing in stores one", arguments: TestDatabase.all)
    func noAnonymousRows(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let (cookie, csrf) = try await AuthTests.loginForm(app)
            try await app.testing().test(.GET, "/login", headers: ["Cookie": "gandan_session=\(cookie)"]) {
                #expect($0.status == .ok)
            }
            #expect(try await SessionStore(db: app.store).count() == 0)
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=planner&password=correct+horse+battery", cookie: cookie
            ) { #expect($0.status == .seeOther) }
            #expect(try await SessionStore(db: app.store).count() == 1)
        }
    }
}
