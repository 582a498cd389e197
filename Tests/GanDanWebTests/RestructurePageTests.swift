import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

/// The 2025 restructure as a page (issue 19 item 3, rules.md R26): an administrator of the whole tree checks the
/// units file, reads every change and conflict, and applies it once; nobody else may.
@Suite("Restructuring the units on the web: a dry run first, then all or nothing, administrators only (issue 19)")
struct RestructurePageTests {
    static let boundary = "gandan-restructure-boundary"
    static let today = CivilDate.on(2026, 12, 1)
    static let eve = CivilDate.on(2025, 6, 30)

    /// Thanh Tương and Năng Khả go whole into one new commune on 1-7-2025; district 001 ends.
    static let file = """
        {"format": "gandan-units", "version": 1, "valid_from": "2025-07-01", "source": {"package": "test", "version": "1", "licence": "MIT"}}
        {"code": "01", "kind": "province", "name": "Tỉnh Mẫu"}
        {"code": "10001", "kind": "commune", "name": "Thanh Khả", "parent": "01", "from": [{"code": "00001", "name": "Thanh Tương", "kind": "commune", "whole": true}, {"code": "00002", "name": "Năng Khả", "kind": "commune", "whole": true}]}
        """

    /// The seeded tree with a provincial committee over its communes' committees, which the new committee needs.
    static let dataset: OrganisationDataset = {
        var dataset = seededTree
        dataset.organisations.insert(
            OrganisationDraft(
                code: "TU-01", kind: .provincialCommittee, name: "Đảng bộ tỉnh Mẫu", unitCode: "01", parentCode: nil,
                validity: Fixtures.since), at: 0)
        return dataset
    }()

    static func upload(_ content: String, name: String = "don-vi-2025.jsonl") -> ByteBuffer {
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n"
        body += "Content-Type: application/jsonl\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    static func confirmation(_ content: String) -> ByteBuffer {
        let encoded = Data(content.utf8).base64EncodedString()
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"fileName\"\r\n\r\ndon-vi-2025.jsonl\r\n"
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\n\(encoded)\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    static func headers(_ user: TestUser) -> HTTPHeaders {
        var headers = user.bearer
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return headers
    }

    /// The commune Nà Coóc belongs to on `day`.
    static func communeOfNaCooc(_ app: Application, on day: CivilDate) async throws -> String? {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        guard let village = try await tree.unit(code: "00001.01", on: day), let parent = village.parentID else {
            return nil
        }
        return try await tree.unit(parent, on: day)?.code
    }

    @Test(
        "an administrator checks the file (nothing written), applies it, and a second apply writes nothing",
        arguments: TestDatabase.all)
    func checkThenApply(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            try await app.testing().test(.GET, "/restructure", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Sắp xếp lại đơn vị hành chính"))
            }
            try await app.testing().test(
                .POST, "/restructure/check", headers: Self.headers(users.admin), body: Self.upload(Self.file)
            ) { res in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(page.contains("Xem trước: chưa ghi gì."))
                #expect(page.contains("<tr><th>Huyện kết thúc</th><td class=\"num\">1</td></tr>"))
                #expect(page.contains("<tr><th>Xã cũ kết thúc</th><td class=\"num\">2</td></tr>"))
                #expect(page.contains("<tr><th>Thôn chuyển về xã mới</th><td class=\"num\">3</td></tr>"))
                #expect(page.contains("name=\"content\""), "the apply form carries the checked file")
                #expect(page.contains("01/07/2025"))
            }
            #expect(try await Self.communeOfNaCooc(app, on: Self.today) == "00001", "the dry run wrote nothing")
            try await app.testing().test(
                .POST, "/restructure/apply", headers: Self.headers(users.admin), body: Self.confirmation(Self.file)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Đã áp dụng."))
                #expect(!res.body.string.contains("name=\"content\""))
            }
            #expect(try await Self.communeOfNaCooc(app, on: Self.today) == "10001")
            #expect(try await Self.communeOfNaCooc(app, on: Self.eve) == "00001", "earlier days keep the old commune")
            try await app.testing().test(
                .POST, "/restructure/apply", headers: Self.headers(users.admin), body: Self.confirmation(Self.file)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("đã được áp dụng trước đây"))
            }
        }
    }

    @Test(
        "a conflict (no provincial committee above the new one) is listed, offers no apply, and refuses a forced apply",
        arguments: TestDatabase.all)
    func conflict(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await app.testing().test(
                .POST, "/restructure/check", headers: Self.headers(users.admin), body: Self.upload(Self.file)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Vướng mắc phải xử lý trước khi áp dụng (1)"))
                #expect(res.body.string.contains("Đảng bộ tỉnh"))
                #expect(!res.body.string.contains("name=\"content\""))
            }
            try await app.testing().test(
                .POST, "/restructure/apply", headers: Self.headers(users.admin), body: Self.confirmation(Self.file)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Đảng bộ tỉnh"))
            }
            #expect(try await Self.communeOfNaCooc(app, on: Self.today) == "00001")
        }
    }

    @Test("a file that is not a units list is refused in the page's language, by line, with nothing written")
    func unreadable() async throws {
        try await withSeededApp(.sqlite, Self.dataset) { app, users in
            let broken = Self.file.replacingOccurrences(of: #""name": "Thanh Khả", "#, with: "")
            try await app.testing().test(
                .POST, "/restructure/check", headers: Self.headers(users.admin), body: Self.upload(broken)
            ) { res in
                let page = res.body.string
                #expect(res.status == .unprocessableEntity)
                #expect(page.contains("dòng 3: chưa có tên đơn vị."))
                #expect(!page.contains("is missing") && !page.contains("name:"), "no English and no key in Vietnamese")
            }
            try await app.testing().test(
                .POST, "/restructure/check?lang=en", headers: Self.headers(users.admin), body: Self.upload(broken)
            ) { res in
                #expect(res.body.string.contains("line 3: name: is missing"))
            }
            try await app.testing().test(
                .POST, "/restructure/check", headers: Self.headers(users.admin), body: Self.upload("Mã,Tên\n1,2")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("dòng 1: dòng này không đọc được"))
            }
            #expect(try await Self.communeOfNaCooc(app, on: Self.today) == "00001")
        }
    }

    @Test("only an administrator of the whole tree sees the link and may restructure; a commune planner gets 403")
    func administratorsOnly() async throws {
        try await withSeededApp(.sqlite, Self.dataset) { app, users in
            try await app.testing().test(.GET, "/", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("href=\"/restructure\""))
            }
            for user in [users.planner, users.secretary, users.viewer] {
                try await app.testing().test(.GET, "/", headers: user.bearer) { res in
                    #expect(!res.body.string.contains("href=\"/restructure\""), "as \(user.name)")
                }
                try await app.testing().test(.GET, "/restructure", headers: user.bearer) { res in
                    #expect(res.status == .forbidden, "as \(user.name)")
                }
                try await app.testing().test(
                    .POST, "/restructure/check", headers: Self.headers(user), body: Self.upload(Self.file)
                ) { res in
                    #expect(res.status == .forbidden, "as \(user.name)")
                }
            }
            #expect(try await Self.communeOfNaCooc(app, on: Self.today) == "00001")
        }
    }
}
