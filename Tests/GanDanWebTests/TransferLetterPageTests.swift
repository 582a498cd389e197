import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("The letter for one transfer outside a plan: the placement's letter, for an official or a temporary transfer")
struct TransferLetterPageTests {
    static func send(_ app: Application, _ user: TestUser, member: UUID, _ body: String) async throws {
        try await app.testing().test(
            .POST, "/members/\(member)/transfers", headers: MemberTransferPageTests.form(user),
            body: ByteBuffer(string: body + "&reason=V%E1%BB%81+th%C3%B4n")
        ) { res in
            #expect(res.status == .seeOther)
        }
    }

    @Test(
        "an official transfer's letter names the receiving cell and its 60 working days, from the registry and the waiting list, in both languages, and as .docx",
        arguments: TestDatabase.all)
    func official(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let kha = try await app.member("Nông Văn Khả")
            let naCooc = try await app.organisation("CB-00001.01")
            let sent = CivilDate.today().adding(days: -3)
            try await Self.send(
                app, users.admin, member: kha, "kind=official&toCell=\(naCooc)&on=\(sent.iso)")
            let transfer = try #require(
                try await MemberTransfers(db: app.store, scope: .everything).pending(into: [naCooc]).first)
            let letter = "/members/\(kha)/transfer-letter?transfer=\(transfer.id)"
            let deadline = try #require(transfer.deadline).vietnamese
            try await app.testing().test(.GET, "/members/\(kha)/registry", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("href=\"\(letter)\""))
            }
            try await app.testing().test(.GET, "/cells/\(naCooc)", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("href=\"\(letter)\""))
            }
            try await app.testing().test(.GET, letter, headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                let page = res.body.string
                #expect(page.contains("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG"))
                #expect(page.contains("Nông Văn Khả"))
                #expect(page.contains("Được chuyển đến sinh hoạt tại: Chi bộ thôn Nà Coóc"))
                #expect(
                    page.contains("60 ngày làm việc (chậm nhất ngày \(deadline))"))
                #expect(page.contains("ngày \(sent.vietnamese)"))
                #expect(page.contains("Hồ sơ đảng viên"))
                #expect(page.contains("transfer-letter.docx?transfer=\(transfer.id)"))
            }
            try await app.testing().test(.GET, letter + "&lang=en", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Official papers are printed in Vietnamese only"))
                #expect(res.body.string.contains("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG"), "the paper stays Vietnamese")
            }
            try await app.testing().test(
                .GET, "/members/\(kha)/transfer-letter.docx?transfer=\(transfer.id)", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                #expect(
                    res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(res.body.readableBytes > 1000)
            }
            try await app.testing().test(
                .GET, "/members/\(kha)/transfer-letter?transfer=\(UUID())", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, letter, headers: users.secretary.bearer) { res in
                #expect(res.status == .forbidden || res.status == .notFound)
            }
            // A cancelled transfer has no letter: the member is not going anywhere.
            try await app.testing().test(
                .POST, "/members/\(kha)/transfers/cancel", headers: MemberTransferPageTests.form(users.admin),
                body: ByteBuffer(string: "transfer=\(transfer.id)&reason=Nh%E1%BA%A7m")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/members/\(kha)/registry", headers: users.admin.bearer) { res in
                #expect(!res.body.string.contains("href=\"\(letter)\""))
            }
            try await app.testing().test(.GET, letter, headers: users.admin.bearer) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test(
        "a temporary transfer's letter says it is temporary and names its days; an internal one has no letter",
        arguments: TestDatabase.all)
    func temporary(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let hoan = try await app.member("Hoàng Văn Hoan")
            let banTun = try await app.organisation("CB-00002.01")
            let from = CivilDate.today().adding(days: -1)
            let until = from.adding(months: 6)
            try await Self.send(
                app, users.admin, member: hoan, "kind=temporary&toCell=\(banTun)&on=\(from.iso)&until=\(until.iso)")
            let transfers = try await MemberTransfers(db: app.store, scope: .everything).of(hoan, today: .today())
            let transfer = try #require(transfers.first { $0.kind == .temporary })
            try await app.testing().test(
                .GET, "/members/\(hoan)/transfer-letter?transfer=\(transfer.id)", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG TẠM THỜI"))
                #expect(res.body.string.contains("từ ngày \(from.vietnamese) đến ngày \(until.vietnamese)"))
                #expect(res.body.string.contains("sinh hoạt tạm thời tại: Chi bộ thôn Bản Tùn"))
            }
            let duong = try await app.member("La Văn Đường")
            let naLang = try await app.organisation("CB-00001.02")
            try await Self.send(app, users.admin, member: duong, "kind=internal&toCell=\(naLang)&on=\(from.iso)")
            let moved = try #require(
                try await MemberTransfers(db: app.store, scope: .everything).of(duong, today: .today()).first {
                    $0.kind == .internal
                })
            try await app.testing().test(
                .GET, "/members/\(duong)/transfer-letter?transfer=\(moved.id)", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
