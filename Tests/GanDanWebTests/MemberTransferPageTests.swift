import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Transfers between cells outside a plan on the web: sent from the registry page, received on the cell's page")
struct MemberTransferPageTests {
    static func form(_ user: TestUser) -> HTTPHeaders {
        var headers = user.bearer
        headers.contentType = .urlEncodedForm
        return headers
    }

    static func days(_ count: Int) -> String { CivilDate.today().adding(days: count).iso }

    @Test(
        "an official transfer to another commune waits on the receiving cell's page with its working days until received",
        arguments: TestDatabase.all)
    func official(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let duong = try await app.member("La Văn Đường")
            let banTun = try await app.organisation("CB-00002.01")
            let naCooc = try await app.organisation("CB-00001.01")
            try await app.testing().test(.GET, "/members/\(duong)/registry", headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("Chuyển sinh hoạt"))
                #expect(res.body.string.contains("<option value=\"\(naCooc)\">Chi bộ thôn Nà Coóc</option>"))
                #expect(
                    !res.body.string.contains("Bản Tùn"), "a cell of another commune is not the planner's to choose")
                // A new form starts on today, so the elderly secretary need not open a date picker.
                #expect(res.body.string.contains("name=\"on\" value=\"\(CivilDate.today().iso)\""))
            }
            let send = "kind=official&toCell=\(banTun)&on=\(Self.days(-3))&reason=V%E1%BB%81+qu%C3%AA"
            try await app.testing().test(
                .POST, "/members/\(duong)/transfers", headers: Self.form(users.secretary),
                body: ByteBuffer(string: send)
            ) { res in
                #expect(res.status == .notFound, "a member of the agency cell is outside a village secretary's cell")
            }
            try await app.testing().test(
                .POST, "/members/\(duong)/transfers", headers: Self.form(users.admin), body: ByteBuffer(string: send)
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/cells/\(banTun)", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("Đảng viên chuyển đến chờ nhận sinh hoạt"))
                #expect(res.body.string.contains("La Văn Đường"))
                #expect(res.body.string.contains("ngày làm việc") || res.body.string.contains("hạn cuối"))
                #expect(res.body.string.contains("name=\"receivedOn\""))
            }
            let transfer = try #require(
                try await MemberTransfers(db: app.store, scope: .everything).pending(into: [banTun]).first
            ).id
            try await app.testing().test(
                .POST, "/cells/\(banTun)/transfers/receive", headers: Self.form(users.planner),
                body: ByteBuffer(string: "transfer=\(transfer)&receivedOn=\(Self.days(0))")
            ) { res in
                #expect(res.status == .notFound, "the receiving cell is in another commune")
            }
            try await app.testing().test(
                .POST, "/cells/\(banTun)/transfers/receive", headers: Self.form(users.admin),
                body: ByteBuffer(string: "transfer=\(transfer)&receivedOn=\(Self.days(-5))")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Ngày nhận phải từ ngày chuyển đi"))
            }
            try await app.testing().test(
                .POST, "/cells/\(banTun)/transfers/receive", headers: Self.form(users.admin),
                body: ByteBuffer(string: "transfer=\(transfer)&receivedOn=\(Self.days(0))")
            ) { res in
                #expect(res.status == .seeOther)
            }
            let detail = try #require(
                try await MemberDirectory(db: app.store, scope: .everything).detail(duong, on: CivilDate.today()))
            #expect(detail.memberships.last?.organisationID == banTun)
        }
    }

    @Test(
        "an overdue transfer into a village cell is on the planner's to-do home; the secretary sees it without Nhận",
        arguments: TestDatabase.all)
    func overdue(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let kha = try await app.member("Nông Văn Khả")
            let naCooc = try await app.organisation("CB-00001.01")
            try await app.testing().test(
                .POST, "/members/\(kha)/transfers", headers: Self.form(users.admin),
                body: ByteBuffer(
                    string: "kind=official&toCell=\(naCooc)&on=\(Self.days(-150))&reason=Chuy%E1%BB%83n+nh%C3%A0")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/", headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("1 đảng viên chuyển đến đã quá hạn nhận sinh hoạt"))
            }
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
            ).id
            try await app.testing().test(.GET, "/units/\(commune)", headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("Đảng viên chuyển đến chờ nhận sinh hoạt (1)"))
                #expect(res.body.string.contains("<a href=\"/cells/\(naCooc)\">Chi bộ thôn Nà Coóc</a>: Nông Văn Khả"))
            }
            try await app.testing().test(.GET, "/cells/\(naCooc)", headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("Nông Văn Khả"))
                #expect(res.body.string.contains("quá hạn"))
                #expect(
                    !res.body.string.contains("name=\"receivedOn\""),
                    "a secretary reads the list; the committee receives")
            }
            let transfer = try #require(
                try await MemberTransfers(db: app.store, scope: .everything).pending(into: [naCooc]).first
            ).id
            try await app.testing().test(
                .POST, "/cells/\(naCooc)/transfers/receive", headers: Self.form(users.secretary),
                body: ByteBuffer(string: "transfer=\(transfer)&receivedOn=\(Self.days(0))")
            ) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(
                .POST, "/cells/\(naCooc)/transfers/receive", headers: Self.form(users.planner),
                body: ByteBuffer(string: "transfer=\(transfer)&receivedOn=\(Self.days(0))")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/", headers: users.planner.bearer) { res in
                #expect(!res.body.string.contains("chuyển đến"))
            }
        }
    }

    @Test(
        "an internal transfer without a reason is shown again with the reason asked for; with it, it takes effect",
        arguments: TestDatabase.all)
    func `internal`(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let hoan = try await app.member("Hoàng Văn Hoan")
            let naLang = try await app.organisation("CB-00001.02")
            let typed = "kind=internal&toCell=\(naLang)&on=\(Self.days(-1))"
            try await app.testing().test(
                .POST, "/members/\(hoan)/transfers", headers: Self.form(users.planner),
                body: ByteBuffer(string: typed + "&reason=")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Cần ghi lý do"))
                #expect(res.body.string.contains("<option value=\"\(naLang)\" selected>"))
            }
            try await app.testing().test(
                .POST, "/members/\(hoan)/transfers", headers: Self.form(users.planner),
                body: ByteBuffer(string: typed + "&reason=V%E1%BB%81+th%C3%B4n")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/members/\(hoan)/registry", headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("Chuyển sinh hoạt nội bộ"))
            }
            let detail = try #require(
                try await MemberDirectory(db: app.store, scope: .everything).detail(hoan, on: CivilDate.today()))
            #expect(detail.memberships.last?.organisationID == naLang)
            #expect(detail.memberships.last?.transferKind == .internal)
        }
    }
}
