import Foundation
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

@Suite("Where sign-in sends the user next")
struct LoginRedirectTests {
    static let hostile = [
        "//evil", "/\\evil", "/%09/evil", "/\t/evil", "https://evil", "/%2F/evil", "/%2f/evil", "/%252F/evil",
        "javascript:alert(1)", "", " /members", "/members\n", "/mem\u{0}bers", "/%5Cevil", "\\\\evil", "evil",
        "/members%0d%0aSet-Cookie:x=1",
    ]
    static let legitimate = ["/", "/members", "/members?page=2&q=Nguy%E1%BB%85n", "/cells/3/meetings?date=2019-04-01"]

    @Test("a hostile next address is replaced by the home page", arguments: hostile)
    func hostileNext(next: String) {
        #expect(LoginPages.safeNext(next) == "/")
    }

    @Test("a path on this site, with its query string, is kept", arguments: legitimate)
    func legitimateNext(next: String) {
        #expect(LoginPages.safeNext(next) == next)
    }

    @Test("signing in with next=/%09/evil.example lands on the home page", arguments: TestDatabase.all)
    func tabRedirect(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            var cookie = ""
            var csrf = ""
            try await app.testing().test(.GET, "/login?next=/%09/evil.example") { res in
                cookie = res.headers.setCookie?["gandan_session"]?.string ?? ""
                let html = res.body.string
                if let range = html.range(of: #"name="csrf" value=""#) {
                    csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
                }
                #expect(html.contains(#"<input type="hidden" name="next" value="/">"#))
            }
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=Planner&password=correct+horse+battery&next=/%09/evil.example",
                cookie: cookie
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/")
            }
        }
    }
}
