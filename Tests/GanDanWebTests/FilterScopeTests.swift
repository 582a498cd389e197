import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Objects named in list filters are resolved in the user's scope")
struct FilterScopeTests {
    @Test("a cell or unit outside the scope in ?cell= or ?figure=&unit= answers 404", arguments: TestDatabase.all)
    func outside(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let day = Fixtures.date("2019-05-01")
            let otherCell = try #require(try await tree.organisation(code: "CB-00002.01")).id
            let ownCell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let otherCommune = try #require(try await tree.unit(code: "00002", on: day)).id
            let ownCommune = try #require(try await tree.unit(code: "00001", on: day)).id
            let cases: [(String, HTTPStatus)] = [
                ("/api/members?cell=\(otherCell)", .notFound),
                ("/api/members?cell=\(UUID())", .notFound),
                ("/members?date=2019-05-01&figure=full&cell=\(otherCell)", .notFound),
                ("/members?date=2019-05-01&figure=moved&unit=\(otherCommune)", .notFound),
                ("/api/members?cell=\(ownCell)", .ok),
                ("/members?date=2019-05-01&figure=full&cell=\(ownCell)", .ok),
                ("/members?date=2019-05-01&figure=moved&unit=\(ownCommune)", .ok),
            ]
            for (path, status) in cases {
                try await app.testing().test(.GET, path, headers: users.viewer.bearer) { res in
                    #expect(res.status == status, "\(path)")
                }
            }
        }
    }
}
