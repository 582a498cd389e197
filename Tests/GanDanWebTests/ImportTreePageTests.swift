import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

@Suite("Import pages for the tree: villages and posts from files in an office layout (issue 18)")
struct ImportTreePageTests {
    /// Uploads `content` as `kind` to commune 00001 and returns the upload's page.
    static func upload(
        _ app: Application, _ users: TestUsers, kind: String, content: String, as user: TestUser? = nil
    ) async throws -> String {
        let commune = try #require(
            try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
        ).id
        var location = ""
        try await app.testing().test(
            .POST, "/units/\(commune)/import", headers: ImportPageTests.headers(user ?? users.planner, multipart: true),
            body: ImportPageTests.multipart(kind: kind, name: "\(kind).csv", content: content)
        ) { res in
            #expect(res.status == .seeOther)
            location = res.headers.first(name: .location) ?? ""
        }
        return location
    }

    static let villages = """
        STT,Mã xã,Mã thôn,Tên thôn,Ngày thành lập,Cách trung tâm xã (km),Số hộ,Số hộ nghèo
        1,00001,03,Nà Mới,01/01/2020,"7,5",90,12
        2,00002,04,Bản Ngoài,01/01/2020,4,60,5
        """

    @Test(
        "a planner uploads a villages file, the columns are guessed from Vietnamese headers, the check names the line and column, the fixed file is imported",
        arguments: TestDatabase.all)
    func villages(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
            ).id
            try await app.testing().test(.GET, "/units/\(commune)/import", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                for kind in ["Thôn, tổ dân phố", "Tổ chức đảng", "Chức vụ"] { #expect(res.body.string.contains(kind)) }
            }
            let location = try await Self.upload(app, users, kind: "villages", content: Self.villages)
            try await app.testing().test(.GET, location, headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#"<option value="1" selected>Mã xã</option>"#))
                #expect(res.body.string.contains(#"<option value="2" selected>Mã thôn</option>"#))
                #expect(res.body.string.contains(#"<option value="4" selected>Ngày thành lập</option>"#))
                #expect(res.body.string.contains(#"<option value="5" selected>Cách trung tâm xã (km)</option>"#))
            }
            let mapping =
                "col_commune_code=1&col_local_code=2&col_name=3&col_valid_from=4&col_distance_km=5"
                + "&col_households=6&col_poor_households=7"
            try await app.testing().test(
                .POST, location + "/check", headers: ImportPageTests.headers(users.planner),
                body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<td>Mã xã</td>"))
                #expect(res.body.string.contains("không thuộc đơn vị bạn được quản lý"))
                #expect(!res.body.string.contains("/confirm"))
            }
            try await app.testing().test(.GET, location + "/errors.csv", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("3,Mã xã,lỗi,"))
            }
            let fixed = Self.villages.split(separator: "\n").prefix(2).joined(separator: "\n")
            let second = try await Self.upload(app, users, kind: "villages", content: fixed)
            try await app.testing().test(
                .POST, second + "/check", headers: ImportPageTests.headers(users.planner),
                body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.body.string.contains("/confirm"))
            }
            try await app.testing().test(
                .POST, second + "/confirm", headers: ImportPageTests.headers(users.planner), body: ByteBuffer()
            ) { res in
                #expect(res.status == .ok)
            }
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let village = try #require(try await tree.unit(code: "00001.03", on: CivilDate.today()))
            #expect(village.profile?.distanceKm == 7.5 && village.profile?.poorHouseholds == 12)
            #expect(try await UnitRecord.query(on: app.store).filter(\.$code == "00002.04").count() == 0)
            let audit = try await AuditEntryRecord.query(on: app.store).filter(\.$action == "import").all()
            #expect(audit.count == 1 && audit.first?.after?.contains("villages") == true)
        }
    }

    @Test(
        "an administrator importing villages on a commune's page imports only under that commune",
        arguments: TestDatabase.all)
    func pageScope(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let location = try await Self.upload(app, users, kind: "villages", content: Self.villages, as: users.admin)
            let mapping = "col_commune_code=1&col_local_code=2&col_name=3&col_valid_from=4"
            try await app.testing().test(
                .POST, location + "/check", headers: ImportPageTests.headers(users.admin),
                body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("không thuộc đơn vị bạn được quản lý"))
                #expect(!res.body.string.contains("/confirm"))
            }
        }
    }

    @Test(
        "an administrator importing members on a commune's page may place them only in that commune's cells",
        arguments: TestDatabase.all)
    func memberPageScope(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let location = try await Self.upload(
                app, users, kind: "members", content: ImportPageTests.file, as: users.admin)
            let mapping =
                "col_full_name=1&col_birth_date=2&col_sex=3&col_admitted_on=4&col_official_on=5&col_cell_code=6"
            try await app.testing().test(
                .POST, location + "/check", headers: ImportPageTests.headers(users.admin),
                body: ByteBuffer(string: mapping)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Chi bộ CB-00002.01 không thuộc đơn vị bạn được quản lý"))
            }
        }
    }

    @Test(
        "a posts file naming a second secretary of a cell is refused on its line, in Vietnamese, and writes nothing",
        arguments: TestDatabase.all)
    func posts(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let file = """
                STT,Họ và tên,Số CCCD,Chức vụ,Mã chi bộ,Từ ngày,Hình thức
                1,La Văn Đường,000000000002,Bí thư chi bộ,CB-00001.01,01/01/2019,Bầu
                """
            let location = try await Self.upload(app, users, kind: "posts", content: file)
            let before = try await PostRecord.query(on: app.store).count()
            try await app.testing().test(
                .POST, location + "/check", headers: ImportPageTests.headers(users.planner),
                body: ByteBuffer(
                    string:
                        "col_full_name=1&col_citizen_id=2&col_post=3&col_organisation_code=4&col_valid_from=5&col_source=6"
                )
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<td>Chức vụ</td>"))
                #expect(res.body.string.contains("Hoàng Văn Tài giữ chức vụ này"))
                #expect(!res.body.string.contains("/confirm"))
            }
            #expect(try await PostRecord.query(on: app.store).count() == before)
        }
    }
}
