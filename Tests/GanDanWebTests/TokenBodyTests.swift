import Foundation
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Creating an API token from a request body")
struct TokenBodyTests {
    static let bad = [
        "", "not json", "[]", "\"token\"", #"{"name": 5}"#, #"{"name": ""}"#, #"{"name": "   "}"#,
        #"{"name": "script", "scope": "all"}"#, #"{"name": null}"#,
        "{\"name\": \"" + String(repeating: "x", count: 101) + "\"}",
        #"{"name": "a\u0000b"}"#,
    ]

    @Test("a bad body answers 400 and creates no token", arguments: TestDatabase.all)
    func badBody(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            var headers = users.viewer.bearer
            headers.contentType = .json
            for body in Self.bad {
                try await app.testing().test(.POST, "/api/tokens", headers: headers, body: ByteBuffer(string: body)) {
                    res in
                    #expect(res.status == .badRequest, "body \(body)")
                }
            }
            let tokens = try await UserDirectory(db: app.store).tokens(of: users.viewer.account.id)
            #expect(tokens.map(\.name) == ["tests"])
            try await app.testing().test(
                .POST, "/api/tokens", headers: headers, body: ByteBuffer(string: #"{"name": " script "}"#)
            ) { res in
                #expect(res.status == .created)
            }
            try await app.testing().test(.POST, "/api/tokens", headers: headers, body: ByteBuffer(string: "{}")) {
                res in
                #expect(res.status == .created)
            }
            let names = try await UserDirectory(db: app.store).tokens(of: users.viewer.account.id).map(\.name)
            #expect(names.sorted() == ["script", "tests", "token"])
        }
    }
}
