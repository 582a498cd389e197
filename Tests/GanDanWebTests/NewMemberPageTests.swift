import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Adding a member to a cell on the page, with the namesake warning confirmed (issue 18)")
struct NewMemberPageTests {
    static func form(_ user: TestUser) -> HTTPHeaders {
        var headers = user.bearer
        headers.contentType = .urlEncodedForm
        return headers
    }

    @Test(
        "a planner adds a member, confirming a namesake; the cell's secretary may not add one",
        arguments: TestDatabase.all)
    func add(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            try await app.testing().test(.GET, "/cells/\(cell)/members/new", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("name=\"joinedOn\""))
                #expect(!res.body.string.contains("name=\"confirmDuplicate\""))
            }
            // Hoàng Văn Tài, born 5 May 1975, is already on the roll.
            let fields =
                "fullName=Ho%C3%A0ng+V%C4%83n+T%C3%A0i&birthDate=1975-05-05&sex=male&ethnicity=T%C3%A0y"
                + "&admittedOn=2010-01-01&officialOn=2011-01-01&joinedOn=2010-01-01"
            try await app.testing().test(
                .POST, "/cells/\(cell)/members", headers: Self.form(users.secretary), body: ByteBuffer(string: fields)
            ) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(
                .POST, "/cells/\(cell)/members", headers: Self.form(users.planner), body: ByteBuffer(string: fields)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("name=\"confirmDuplicate\""))
                #expect(res.body.string.contains("value=\"Hoàng Văn Tài\""))
            }
            var location = ""
            try await app.testing().test(
                .POST, "/cells/\(cell)/members", headers: Self.form(users.planner),
                body: ByteBuffer(string: fields + "&confirmDuplicate=on")
            ) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/members/"))
            let roster = try await CellDirectory(db: app.store, scope: .everything).roster(
                of: cell, on: CivilDate.today())
            #expect(roster.filter { $0.member.fullName == "Hoàng Văn Tài" }.count == 2)
        }
    }
}
