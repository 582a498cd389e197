import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

/// The resolvers behind every path parameter: nothing reaches a handler unless it exists, is of its kind and lies in
/// the user's read scope (rules.md R30).
@Suite("Path resolvers: every object in a path is loaded by its kind, in scope, before the handler")
struct PathResolverTests {
    /// Every registered route with an object parameter, that parameter filled by `id` and any year or period by 2019.
    static func addresses(_ app: Application, id: String) -> [(HTTPMethod, String)] {
        app.routes.all.compactMap { route in
            var named = false
            let parts = route.path.map { component -> String in
                guard case .parameter(let name) = component else { return component.description }
                if PathKind.values.contains(name) { return "2019" }
                named = true
                return id
            }
            return named ? (route.method, "/" + parts.joined(separator: "/")) : nil
        }
    }

    @Test(
        "an id that is not a UUID, or names nothing, is a 404 on every route, even for an administrator",
        arguments: TestDatabase.all)
    func nothingThere(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            for id in ["not-a-uuid", UUID().uuidString] {
                let addresses = Self.addresses(app, id: id)
                #expect(addresses.count > 60)
                for (method, path) in addresses {
                    try await app.testing().test(method, path, headers: users.admin.bearer) { res in
                        #expect(res.status == .notFound, "\(method) \(path)")
                    }
                }
            }
        }
    }

    @Test(
        "a unit that is not a village has no village registers (404), though the unit itself is visible",
        arguments: TestDatabase.all)
    func villageKind(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(
                    code: "00001", on: Fixtures.date("2019-03-15")))
            #expect(commune.kind != .village)
            for path in [
                "/units/\(commune.id)/households", "/units/\(commune.id)/criteria?year=2019",
                "/api/units/\(commune.id)/households", "/api/units/\(commune.id)/criteria/2019",
            ] {
                try await app.testing().test(.GET, path, headers: users.planner.bearer) { res in
                    #expect(res.status == .notFound, "\(path)")
                }
            }
            try await app.testing().test(.GET, "/api/units/\(commune.id)", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
            }
        }
    }
}
