import Foundation
import Vapor

/// `GET /openapi.json`: the OpenAPI 3.1 description of every JSON route (`Resources/OpenAPI/openapi.json`).
/// A test checks that it names exactly the routes the app registers; `scripts/api-test` runs schemathesis
/// against a running server to check that the answers match it.
struct OpenAPIDocument: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.open().get("openapi.json", use: document)
    }

    /// The bundled document, read once.
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI")
        .flatMap { try? Data(contentsOf: $0) }

    @Sendable func document(req: Request) async throws -> Response {
        guard let data = Self.data else { throw Abort(.internalServerError, reason: "the API description is missing") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
