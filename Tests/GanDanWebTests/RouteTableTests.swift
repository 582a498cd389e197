import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

@Suite("The route table: every route declares the query parameters it reads, for the GET fuzzer (issue 21)")
struct RouteTableTests {
    @Test("a GET handler that reads a query parameter its route did not declare fails with a 500 naming both")
    func undeclared() async throws {
        try await withEmptyApp { app in
            app.open().get("declared") { req in String(try req.year()) }.reading(.year)
            app.open().get("undeclared") { req in String(try req.year()) }
            try await app.testing().test(.GET, "/declared?year=2019") { res in
                #expect(res.status == .ok)
                #expect(res.body.string == "2019")
            }
            try await app.testing().test(.GET, "/undeclared?year=2019") { res in
                #expect(res.status == .internalServerError)
            }
            #expect(
                String(describing: UndeclaredQueryParameter(route: "GET /undeclared", parameter: "year"))
                    == "GET /undeclared reads ?year= without declaring it (Route.reading)")
        }
    }

    @Test("the table lists every GET route with its objects, its path values and the query parameters it reads")
    func table() async throws {
        try await withEmptyApp { app in
            let table = app.routeTable
            let gets = table.filter { $0.method == "GET" }
            #expect(gets.count == app.routes.all.filter { $0.method == .GET }.count)
            let quality = try #require(gets.first { $0.path == "/api/cells/:cell/quality" })
            #expect(quality.action == "read")
            #expect(quality.objects == ["cell": "cell"])
            #expect(quality.query.map(\.name) == ["date", "lang", "from", "until"])
            #expect(quality.query.map(\.kind) == ["date", "choice", "date", "date"])
            let criteria = try #require(gets.first { $0.path == "/api/units/:unit/criteria/:year" })
            #expect(criteria.objects == ["unit": "village"])
            #expect(criteria.values == ["year"])
            let impact = try #require(gets.first { $0.path == "/units/:unit/impact" })
            let months = try #require(impact.query.first { $0.name == "months" })
            #expect(months.kind == "number" && months.minimum == 1 && months.maximum == 60)
            #expect(impact.query.first { $0.name == "format" }?.values == ["html", "csv", "xlsx"])
            #expect(gets.first { $0.path == "/health" }?.action == nil)
        }
    }

    @Test("no handler reads the query but through the declared accessors")
    func oneWayIn() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/GanDanWeb").standardized
        let allowed: Set<String> = ["QueryDeclaration.swift", "Request+Parameters.swift", "PageContext.swift"]
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
        #expect(files.contains { $0.hasSuffix("QueryDeclaration.swift") })
        for file in files where file.hasSuffix(".swift") && !allowed.contains((file as NSString).lastPathComponent) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("query["), "\(file) reads the query directly")
            #expect(!text.contains("query.get("), "\(file) reads the query directly")
        }
    }
}
