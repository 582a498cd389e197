import Foundation
import GanDanCore
import Vapor

/// `GET /openapi.json`: the OpenAPI 3.1 description of every JSON route (`Resources/OpenAPI/openapi.json`).
/// A test checks that it names exactly the routes the app registers; `scripts/api-test` runs schemathesis
/// against a running server to check that the answers match it.
struct OpenAPIDocument: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.open().get("openapi.json", use: document)
    }

    /// The bundled document, read once at start-up.
    let data: Data

    /// Reads `OpenAPI/openapi.json` from the web resources folder; a missing or unreadable file stops the start.
    init(resources: URL) throws {
        let url = resources.appendingPathComponent("OpenAPI").appendingPathComponent("openapi.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MissingResources(
                bundle: WebResources.bundle.fileName, required: "OpenAPI/openapi.json", searched: [resources.path])
        }
        self.data = data
    }

    @Sendable func document(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
