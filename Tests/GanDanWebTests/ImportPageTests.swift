import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

@Suite("Import pages: upload → map → dry run → import, only for planners in their scope (rules.md R30)")
struct ImportPageTests {
    static let boundary = "gandan-test-boundary"

    /// A multipart upload of `csv` as `name`, with the import kind.
    static func multipart(kind: String, name: String, content: String) -> ByteBuffer {
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n\(kind)\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    static func headers(_ user: TestUser, multipart: Bool = false) -> HTTPHeaders {
        var headers = user.bearer
        if multipart {
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        } else {
            headers.contentType = .urlEncodedForm
        }
        return headers
    }

    static let file = """
        STT,Họ và tên,NGAY SINH,Giới tính,Ngày vào Đảng,Ngày chính thức,Chi bộ
        1,Lương Văn Mới,1985-06-06,Nam,2010-01-01,2011-01-01,CB-00001.01
        2,Lương Thị Sai,1986-06-06,Nữ,chưa rõ,,CB-00001.01
        3,Lương Văn Ngoài,1987-06-06,Nam,2010-01-01,2011-01-01,CB-00002.01
        """

    @Test("a planner uploads, maps, checks, downloads the errors and imports a fixed file", arguments: TestDatabase.all)
    func flow(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: CivilDate.today())).id
            var location = ""
            try await app.testing().test(
                .POST, "/units/\(commune)/import", headers: Self.headers(users.planner, multipart: true),
                body: Self.multipart(kind: "members", name: "dang-vien.csv", content: Self.file)
            ) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/imports/"))
            try await app.testing().test(.GET, location, headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#"<option value="1" selected>Họ và tên</option>"#))
                #expect(res.body.string.contains(#"<option value="6" selected>Chi bộ</option>"#))
                #expect(res.body.string.contains("Lương Văn Mới"))
            }
            let mapping =
                "col_full_name=1&col_birth_date=2&col_sex=3&col_admitted_on=4&col_official_on=5&col_cell_code=6"
            try await app.testing().test(
                .POST, location + "/check", headers: Self.headers(users.planner), body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.status == .ok)
                // The column by the header the file used, the sentence in the page's language (issue 20).
                #expect(res.body.string.contains("<td>Ngày vào Đảng</td>"))
                #expect(res.body.string.contains("không thuộc đơn vị bạn được quản lý"))
                #expect(!res.body.string.contains("/confirm"))
            }
            try await app.testing().test(.GET, location + "/errors.csv", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "csv")
                // In the page's language, each column by the header the planner's own file used.
                #expect(res.body.string.hasPrefix("Dòng,Cột,Loại,Nội dung"))
                #expect(res.body.string.contains("3,Ngày vào Đảng,lỗi,"))
                #expect(res.body.string.contains("4,Chi bộ,lỗi,"))
                #expect(res.body.string.contains("không thuộc đơn vị bạn được quản lý"))
            }
            try await app.testing().test(
                .POST, location + "/confirm", headers: Self.headers(users.planner), body: ByteBuffer(string: "")
            ) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await MemberRecord.query(on: app.store).filter(\.$fullName == "Lương Văn Mới").count() == 0)

            // Someone else cannot see the planner's upload, not even an administrator.
            try await app.testing().test(.GET, location, headers: users.admin.bearer) { res in
                #expect(res.status == .notFound)
            }

            let fixed = Self.file.split(separator: "\n").prefix(2).joined(separator: "\n")
            try await app.testing().test(
                .POST, "/units/\(commune)/import", headers: Self.headers(users.planner, multipart: true),
                body: Self.multipart(kind: "members", name: "dang-vien.csv", content: fixed)
            ) { res in
                location = res.headers.first(name: .location) ?? ""
            }
            try await app.testing().test(
                .POST, location + "/check", headers: Self.headers(users.planner), body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("/confirm"))
            }
            try await app.testing().test(
                .POST, location + "/confirm", headers: Self.headers(users.planner), body: ByteBuffer(string: "")
            ) { res in
                #expect(res.status == .ok)
            }
            #expect(try await MemberRecord.query(on: app.store).filter(\.$fullName == "Lương Văn Mới").count() == 1)
            let audit = try await AuditEntryRecord.query(on: app.store).filter(\.$action == "import").all()
            #expect(audit.count == 1 && audit.first?.actor == "planner")
            try await app.testing().test(.GET, location, headers: users.planner.bearer) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test(
        "a possible duplicate (folded name + birth date) is imported only once confirmed", arguments: TestDatabase.all)
    func confirmDuplicates(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
            ).id
            let file = """
                full_name,birth_date,sex,admitted_on,official_on,cell_code
                HOANG VAN HOAN,05/05/1975,Nam,2000-01-01,2001-01-01,CQ-00001
                """
            var location = ""
            try await app.testing().test(
                .POST, "/units/\(commune)/import", headers: Self.headers(users.planner, multipart: true),
                body: Self.multipart(kind: "members", name: "m.csv", content: file)
            ) { res in
                location = res.headers.first(name: .location) ?? ""
            }
            try await app.testing().test(
                .POST, location + "/check", headers: Self.headers(users.planner),
                body: ByteBuffer(
                    string:
                        "col_full_name=0&col_birth_date=1&col_sex=2&col_admitted_on=3&col_official_on=4&col_cell_code=5"
                )
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("đã có đảng viên cùng họ tên và ngày sinh"))
                #expect(res.body.string.contains(#"name="confirmDuplicates""#))
            }
            try await app.testing().test(
                .POST, location + "/confirm", headers: Self.headers(users.planner), body: ByteBuffer(string: "")
            ) { res in
                #expect(res.status == .unprocessableEntity)
            }
            #expect(try await MemberRecord.query(on: app.store).filter(\.$fullName == "HOANG VAN HOAN").count() == 0)
            try await app.testing().test(
                .POST, location + "/confirm", headers: Self.headers(users.planner),
                body: ByteBuffer(string: "confirmDuplicates=on")
            ) { res in
                #expect(res.status == .ok)
            }
            #expect(try await MemberRecord.query(on: app.store).filter(\.$fullName == "HOANG VAN HOAN").count() == 1)
        }
    }

    @Test("outside the planner's units, or for a secretary, the upload is refused", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let other = try #require(try await tree.unit(code: "00002", on: CivilDate.today())).id
            let village = try #require(try await tree.unit(code: "00001.01", on: CivilDate.today())).id
            try await app.testing().test(
                .POST, "/units/\(other)/import", headers: Self.headers(users.planner, multipart: true),
                body: Self.multipart(kind: "households", name: "ho.csv", content: "Mã thôn,Chủ hộ,Năm,Phân loại hộ\n")
            ) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(
                .POST, "/units/\(village)/import", headers: Self.headers(users.secretary, multipart: true),
                body: Self.multipart(kind: "members", name: "a.csv", content: Self.file)
            ) { res in
                #expect(res.status == .forbidden)
            }
            #expect(try await ImportUploadRecord.query(on: app.store).count() == 0)
        }
    }

    @Test(
        "the table parsed at upload is what mapping, check and import read: the file is neither kept nor parsed again",
        arguments: TestDatabase.all)
    func parsedOnce(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
            ).id
            let file = Self.file.split(separator: "\n").prefix(2).joined(separator: "\n")
            var location = ""
            try await app.testing().test(
                .POST, "/units/\(commune)/import", headers: Self.headers(users.planner, multipart: true),
                body: Self.multipart(kind: "members", name: "dang-vien.csv", content: file)
            ) { res in
                location = res.headers.first(name: .location) ?? ""
            }
            let id = try #require(UUID(uuidString: String(location.dropFirst("/imports/".count))))
            let record = try #require(try await ImportUploadRecord.find(id, on: app.store))
            let parsed = try #require(ImportTable(encoded: record.table))
            #expect(parsed == (try TableReader.csv(Data(file.utf8))))
            // Change the stored table: each later step shows and imports the change, so each reads the table.
            var changed = parsed
            changed.rows[0].cells[1] = "Lương Văn Đổi"
            record.table = changed.encoded()
            try await record.update(on: app.store)
            try await app.testing().test(.GET, location, headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Lương Văn Đổi") && !res.body.string.contains("Lương Văn Mới"))
            }
            let mapping =
                "col_full_name=1&col_birth_date=2&col_sex=3&col_admitted_on=4&col_official_on=5&col_cell_code=6"
            try await app.testing().test(
                .POST, location + "/check", headers: Self.headers(users.planner), body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.status == .ok && res.body.string.contains("/confirm"))
            }
            try await app.testing().test(
                .POST, location + "/confirm", headers: Self.headers(users.planner), body: ByteBuffer(string: "")
            ) { res in
                #expect(res.status == .ok)
            }
            #expect(try await MemberRecord.query(on: app.store).filter(\.$fullName == "Lương Văn Đổi").count() == 1)
            #expect(try await MemberRecord.query(on: app.store).filter(\.$fullName == "Lương Văn Mới").count() == 0)
        }
    }

    @Test("an upload past a limit is refused on the form, naming the limit in the page's language (issue 21)")
    func limits() async throws {
        try await withSeededApp(.sqlite) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
            ).id
            let wide = (0...200).map { "c\($0)" }.joined(separator: ",") + "\nA,B\n"
            for (language, message) in [
                ("vi", "Tệp có 201 cột (dòng 1); tối đa 200 cột."),
                ("en", "The file has 201 columns (line 1); at most 200 are accepted."),
            ] {
                var headers = Self.headers(users.planner, multipart: true)
                headers.add(name: .cookie, value: "lang=\(language)")
                try await app.testing().test(
                    .POST, "/units/\(commune)/import", headers: headers,
                    body: Self.multipart(kind: "members", name: "rong.csv", content: wide)
                ) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("rong.csv: \(message)"), "\(res.body.string)")
                }
            }
            #expect(try await ImportUploadRecord.query(on: app.store).count() == 0)
        }
    }
}
