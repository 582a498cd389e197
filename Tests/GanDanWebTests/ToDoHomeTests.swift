import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import GanDanWeb
import Testing
import VaporTesting

@Suite("The to-do home and the daily e-mail digest (issue 20)")
struct ToDoHomeTests {
    @Test(
        "a secretary's home says this month's meeting is not planned; a planner's counts it over the commune",
        arguments: TestDatabase.all)
    func home(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-05-20"))).id
            try await app.testing().test(.GET, "/?date=2019-05-20", headers: users.secretary.bearer) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Việc cần làm"))
                #expect(html.contains("Họp chi bộ tháng 5: chưa lên lịch"))
                #expect(html.contains("Quý 2 chưa có chuyên đề sinh hoạt"))
                #expect(html.contains("href=\"/cells/\(cell.uuidString)/meetings\""))
                // The launcher stays below as a short menu.
                #expect(html.contains("href=\"/cells/\(cell.uuidString)/feedback\""))
            }
            try await app.testing().test(.GET, "/?date=2019-05-20&lang=en", headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("This month&#39;s meeting: not planned yet"))
            }
            try await app.testing().test(.GET, "/?date=2019-05-20", headers: users.planner.bearer) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("chi bộ chưa lên lịch họp tháng 5"))
                #expect(html.contains("href=\"/units/\(commune.uuidString)/dashboard\""))
                // Only the commune in the planner's scope (rules.md R30).
                #expect(!html.contains("Năng Khả —"))
            }
        }
    }

    @Test(
        "an administrator sets a user's e-mail address; a malformed one is refused in plain words",
        arguments: TestDatabase.all)
    func emailAddress(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let path = "/users/\(users.secretary.account.id)/email"
            try await AccountAdminPageTests.post(
                app, path, [("email", "bi thu@xa")], headers: users.admin.bearer
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Địa chỉ thư điện tử không đúng dạng"))
            }
            try await AccountAdminPageTests.post(
                app, path, [("email", "bi.thu@thanhtuong.gov.vn")], headers: users.admin.bearer
            ) { res in #expect(res.status == .seeOther) }
            let account = try await UserDirectory(db: app.store).account(users.secretary.account.id)
            #expect(account?.email == "bi.thu@thanhtuong.gov.vn")
        }
    }

    static let smtpURL = ProcessInfo.processInfo.environment["GANDAN_TEST_SMTP_URL"] ?? ""
    static let maildir = ProcessInfo.processInfo.environment["GANDAN_TEST_SMTP_MAILDIR"] ?? ""

    @Test(
        "remind: the secretary gets exactly one mail with her cell's items, and a second run the same day sends none",
        .enabled(
            if: !smtpURL.isEmpty && !maildir.isEmpty,
            "GANDAN_TEST_SMTP_URL and GANDAN_TEST_SMTP_MAILDIR are not set: run with scripts/test (it starts aiosmtpd)"),
        arguments: TestDatabase.all)
    func digest(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let client = try #require(SMTPClient(url: Self.smtpURL))
            let address = "bi.thu.\(UUID().uuidString.lowercased())@thanhtuong.gov.vn"
            let administration = AccountAdministration(db: app.store, scope: .everything)
            try await administration.setEmail(users.secretary.account.id, address, actor: .system)
            let cell = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).organisation(code: "CB-00001.01"))
            let day = Fixtures.date("2019-05-20")
            let settings = app.settings
            let first = try await DigestMail.run(
                db: app.store, settings: settings, client: client, from: "gandan@tuyenquang.gov.vn",
                baseURL: "https://gandan.example.vn/", date: day)
            #expect(first.sent == ["secretary"] && first.failed.isEmpty, "\(first)")
            let mails = try Self.mails(to: address)
            try #require(mails.count == 1)
            let body = mails[0]
            #expect(body.contains("Chi bộ thôn Nà Coóc") || body.contains("Nà Coóc"))
            #expect(body.contains("Họp chi bộ tháng 5: chưa lên lịch"))
            #expect(body.contains("https://gandan.example.vn/cells/\(cell.id.uuidString)/meetings"))
            #expect(!body.contains("Năng Khả"))

            let second = try await DigestMail.run(
                db: app.store, settings: settings, client: client, from: "gandan@tuyenquang.gov.vn",
                baseURL: "https://gandan.example.vn", date: day)
            #expect(second.sent.isEmpty && second.alreadySent == ["secretary"])
            #expect(try Self.mails(to: address).count == 1)
            #expect(
                try await ReminderDigests(db: app.store, scope: .everything).sentDays(user: users.secretary.account.id)
                    == [day])
        }
    }

    /// The decoded bodies of the mails in the Maildir addressed to `address`.
    static func mails(to address: String) throws -> [String] {
        let folder = URL(fileURLWithPath: maildir).appendingPathComponent("new")
        var bodies: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard text.contains("To: <\(address)>") else { continue }
            let parts = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            let encoded = parts.dropFirst().joined(separator: "\n\n")
            let data = try #require(Data(base64Encoded: encoded, options: .ignoreUnknownCharacters))
            bodies.append(String(decoding: data, as: UTF8.self))
        }
        return bodies
    }
}
