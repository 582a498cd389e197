import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage
@testable import GanDanWeb

@Suite("Nothing typed is lost: a form sent twice saves once, an ended session leads back to the form (issue 20)")
struct FormKeepingTests {
    static func cell(_ app: Application) async throws -> UUID {
        try await app.organisation("CB-00001.01")
    }

    /// The plan-a-meeting form as the page sends it, with the idempotency key `key`.
    static func plan(key: String, topic: String = "Sinh+ho%E1%BA%A1t+th%C3%A1ng+6", date: String = "2019-06-05")
        -> ByteBuffer
    {
        ByteBuffer(string: "idem=\(key)&kind=regular&date=\(date)&time=07:30&topic=\(topic)")
    }

    static func send(_ app: Application, _ user: TestUser, _ path: String, _ body: ByteBuffer) async throws -> (
        HTTPStatus, String
    ) {
        var headers = user.bearer
        headers.contentType = .urlEncodedForm
        var answer: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, path, headers: headers, body: body) { res in
            answer = (res.status, res.headers.first(name: .location) ?? res.body.string)
        }
        return answer
    }

    @Test(
        "a Save sent again with the same key records the meeting once and leads to the same page",
        arguments: TestDatabase.all)
    func retryWritesOnce(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let path = "/cells/\(try await Self.cell(app))/meetings"
            let key = UUID().uuidString.lowercased()
            let first = try await Self.send(app, users.secretary, path, Self.plan(key: key))
            let again = try await Self.send(app, users.secretary, path, Self.plan(key: key))
            #expect(first.0 == .seeOther && again.0 == .seeOther)
            #expect(first.1.hasSuffix("/minutes") && again.1 == first.1)
            #expect(try await MeetingRecord.query(on: app.store).count() == 1)
            // Sent in the background by the draft script: told where it led, without a redirect to follow.
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            headers.add(name: "X-GanDan-Send", value: "background")
            try await app.testing().test(.POST, path, headers: headers, body: Self.plan(key: key)) { res in
                #expect(res.status == .noContent)
                #expect(res.headers.first(name: "X-GanDan-Location") == first.1)
                #expect(res.headers.first(name: .location) == nil)
                #expect(res.headers.setCookie?[IdempotentForms.savedCookie]?.string.hasSuffix(key) == true)
            }
            #expect(try await MeetingRecord.query(on: app.store).count() == 1)
            // A new key is a new meeting.
            _ = try await Self.send(app, users.secretary, path, Self.plan(key: UUID().uuidString, date: "2019-07-05"))
            #expect(try await MeetingRecord.query(on: app.store).count() == 2)
        }
    }

    @Test("five simultaneous sends of one key record the meeting once, all led to it", arguments: TestDatabase.all)
    func concurrentDuplicatesWriteOnce(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let path = "/cells/\(try await Self.cell(app))/meetings"
            let key = UUID().uuidString.lowercased()
            let answers = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for _ in 0..<5 {
                    group.addTask { try await Self.send(app, users.secretary, path, Self.plan(key: key)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == .seeOther }, "\(answers)")
            #expect(Set(answers.map(\.1)).count == 1)
            #expect(try await MeetingRecord.query(on: app.store).count() == 1)
            #expect(try await FormSubmissions(db: app.store).count(user: users.secretary.account.id) == 1)
        }
    }

    @Test(
        "another user's key is not their save: the administrator sending it records a meeting of their own",
        arguments: TestDatabase.all)
    func anotherUsersKeyDoesNotReplay(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let path = "/cells/\(try await Self.cell(app))/meetings"
            let key = UUID().uuidString.lowercased()
            let secretary = try await Self.send(app, users.secretary, path, Self.plan(key: key))
            let admin = try await Self.send(app, users.admin, path, Self.plan(key: key, date: "2019-07-05"))
            #expect(secretary.0 == .seeOther && admin.0 == .seeOther)
            #expect(admin.1 != secretary.1)
            #expect(try await MeetingRecord.query(on: app.store).count() == 2)
        }
    }

    @Test(
        "a Save refused for bad input shows everything typed and gives the key back for the corrected send",
        arguments: TestDatabase.all)
    func refusedSaveKeepsTextAndKey(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let path = "/cells/\(try await Self.cell(app))/meetings"
            let key = UUID().uuidString.lowercased()
            let refused = try await Self.send(
                app, users.secretary, path,
                Self.plan(key: key, topic: "H%E1%BB%8Dp+d%C3%A2n+b%E1%BA%A3n", date: "2019-13-40"))
            #expect(refused.0 == .unprocessableEntity)
            #expect(refused.1.contains(#"value="Họp dân bản""#))
            #expect(refused.1.contains(#"value="2019-13-40""#))
            #expect(try await MeetingRecord.query(on: app.store).count() == 0)
            let saved = try await Self.send(app, users.secretary, path, Self.plan(key: key))
            #expect(saved.0 == .seeOther)
            #expect(try await MeetingRecord.query(on: app.store).count() == 1)
        }
    }

    @Test("each long form carries a new key and keeps a draft for its user", arguments: [TestDatabase.sqlite])
    func formsCarryKeys(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await Self.cell(app)
            var keys: Set<String> = []
            for _ in 0..<2 {
                try await app.testing().test(.GET, "/cells/\(cell)/meetings", headers: users.secretary.bearer) { res in
                    let html = res.body.string
                    #expect(html.contains(#"data-draft="\#(users.secretary.account.id.uuidString.lowercased())""#))
                    #expect(html.contains(#"<script src="/drafts.js" defer></script>"#))
                    if let range = html.range(of: #"name="idem" value=""#) {
                        keys.insert(String(html[range.upperBound...].prefix { $0 != "\"" }))
                    }
                }
            }
            #expect(keys.count == 2)
        }
    }

    @Test(
        "a form sent after the session ended leads through sign-in back to its page, in the page's language",
        arguments: TestDatabase.all)
    func endedSessionLeadsBackToTheForm(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let cell = try await Self.cell(app)
            let formPage = "/cells/\(cell)/meetings?year=2019"
            // Behind a proxy the Host the server sees is not the one the browser used.
            var headers: HTTPHeaders = ["Host": "127.0.0.1:8080", "Referer": "https://gandan.test\(formPage)"]
            headers.contentType = .urlEncodedForm
            var login = ""
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: headers, body: Self.plan(key: UUID().uuidString)
            ) { res in
                #expect(res.status == .seeOther)
                login = res.headers.first(name: .location) ?? ""
            }
            let components = URLComponents(string: login)
            #expect(components?.path == "/login")
            #expect(components?.queryItems?.first { $0.name == "next" }?.value == formPage)
            try await app.testing().test(.GET, login) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Phiên làm việc đã hết hạn"))
                #expect(res.body.string.contains(#"name="next" value="\#(formPage)""#))
            }
            try await app.testing().test(.GET, login, headers: ["Cookie": "lang=en"]) { res in
                #expect(res.body.string.contains("Your session has ended"))
            }
            let (cookie, csrf) = try await AuthTests.loginForm(app)
            let next = formPage.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=secretary&password=correct+horse+battery&next=\(next)",
                cookie: cookie
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == formPage)
            }
            // Only a path on this site is followed back, never another host.
            headers.replaceOrAdd(name: "Referer", value: "https://gandan.test//elsewhere.example/cells")
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: headers, body: Self.plan(key: UUID().uuidString)
            ) { res in
                #expect(res.headers.first(name: .location) == "/login?next=/&expired=1")
            }
            #expect(try await MeetingRecord.query(on: app.store).count() == 0)
        }
    }

    @Test(
        "a form with an old token of a live session opens its page again instead of an error page",
        arguments: [TestDatabase.sqlite])
    func oldTokenOpensTheFormAgain(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let cell = try await Self.cell(app)
            let (cookie, csrf) = try await AuthTests.loginForm(app)
            var session = cookie
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=secretary&password=correct+horse+battery", cookie: cookie
            ) { res in
                session = res.headers.setCookie?["gandan_session"]?.string ?? cookie
            }
            var headers: HTTPHeaders = [
                "Host": "gandan.test", "Referer": "http://gandan.test/cells/\(cell)/meetings",
                "Cookie": "gandan_session=\(session)",
            ]
            headers.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&kind=regular&date=2019-06-05&time=07:30")
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/cells/\(cell)/meetings")
            }
            #expect(try await MeetingRecord.query(on: app.store).count() == 0)
        }
    }

    @Test(
        "feedback, a household and ratings refused for bad input come back with everything typed",
        arguments: [TestDatabase.sqlite])
    func refusedFormsKeepTheirText(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await Self.cell(app)
            let village = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2019-03-15"))
            ).id
            let feedback = try await Self.send(
                app, users.secretary, "/cells/\(cell)/feedback",
                ByteBuffer(
                    string: "receivedOn=2019-02-30&receivedBy=L%C3%B2+V%C4%83n+B%C3%ACnh&topic=infrastructure"
                        + "&summary=%C4%90%C6%B0%E1%BB%9Dng+v%C3%A0o+b%E1%BA%A3n+s%E1%BA%A1t+l%E1%BB%9F"
                        + "&citizenName=Ma+V%C4%83n+Kh%C3%A1nh&nameConsent=on"))
            #expect(feedback.0 == .unprocessableEntity)
            for typed in [
                "value=\"Lò Văn Bình\"", ">Đường vào bản sạt lở</textarea>", "value=\"Ma Văn Khánh\"",
                "value=\"infrastructure\" selected", "name=\"nameConsent\" checked", "value=\"2019-02-30\"",
            ] {
                #expect(feedback.1.contains(typed), "\(typed)")
            }
            let household = try await Self.send(
                app, users.secretary, "/units/\(village)/households",
                ByteBuffer(
                    string:
                        "year=2019&headName=Ho%C3%A0ng+V%C4%83n+Ph%C3%BA&size=5&income=nhi%E1%BB%81u&deprivations=2&status=nearPoor"
                ))
            #expect(household.0 == .unprocessableEntity)
            for typed in [
                "value=\"Hoàng Văn Phú\"", "value=\"5\"", "value=\"nhiều\"", "value=\"2\"",
                "value=\"nearPoor\" selected",
            ] {
                #expect(household.1.contains(typed), "\(typed)")
            }
            let tai = try await app.member("Hoàng Văn Tài")
            let ratings = try await Self.send(
                app, users.secretary, "/cells/\(cell)/ratings",
                ByteBuffer(
                    string:
                        "period=2019&score[\(tai)]=t%C3%A1m+m%C6%B0%C6%A1i&weakReason=Thi%E1%BA%BFu+ng%C6%B0%E1%BB%9Di")
            )
            #expect(ratings.0 == .unprocessableEntity)
            #expect(ratings.1.contains("value=\"tám mươi\""))
            #expect(ratings.1.contains("value=\"Thiếu người\""))
        }
    }
}
