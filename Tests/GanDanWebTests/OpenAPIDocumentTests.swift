import Foundation
import GanDanTesting
import GanDanWeb
import Testing
import VaporTesting

@Suite("The OpenAPI document describes exactly the JSON routes (issue 8)")
struct OpenAPIDocumentTests {
    /// "GET /api/units/{unit}" for every route the document must describe: everything under /api, and the
    /// plain-text /health, /health/ready and /metrics; pages and the document itself are not part of the API.
    static func apiOperations(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.compactMap { route -> String? in
                let parts = route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }
                guard parts.first == "api" || parts.first == "health" || parts == ["metrics"] else { return nil }
                // The catch-all that answers the API's 404 is no operation.
                if parts.last == "**" { return nil }
                return "\(route.method.rawValue) /" + parts.joined(separator: "/")
            })
    }

    static func documentedOperations(_ document: [String: Any]) -> Set<String> {
        let methods = ["get", "put", "post", "patch", "delete"]
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return Set(
            paths.flatMap { path, item in
                item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
    }

    @Test("/openapi.json is OpenAPI 3.1 and names every JSON route, and nothing else")
    func everyRoute() async throws {
        try await withEmptyApp { app in
            try await app.testing().test(.GET, "/openapi.json") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                let document = try #require(
                    try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
                #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
                let registered = Self.apiOperations(app)
                let documented = Self.documentedOperations(document)
                #expect(registered.count > 40)
                #expect(registered.subtracting(documented).sorted() == [], "routes missing from the document")
                #expect(documented.subtracting(registered).sorted() == [], "documented but not registered")
            }
        }
    }

    @Test("every operation documents a success, and every API operation the 401 of a missing token")
    func everyAnswer() async throws {
        try await withEmptyApp { app in
            try await app.testing().test(.GET, "/openapi.json") { res in
                let document = try #require(
                    try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
                let paths = document["paths"] as? [String: [String: Any]] ?? [:]
                for (path, item) in paths {
                    for (method, value) in item {
                        guard let operation = value as? [String: Any], operation["responses"] != nil else {
                            continue
                        }
                        let responses = operation["responses"] as? [String: Any] ?? [:]
                        #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path): no success")
                        guard path.hasPrefix("/api") else { continue }
                        #expect(responses["401"] != nil, "\(method) \(path): 401 not documented")
                    }
                }
            }
        }
    }
}
