import GanDanStorage
import Vapor

/// `GET /metrics`: Prometheus' text format: the HTTP figures and the database's (`StorageMetrics`). Open unless `Settings.metricsToken` is set, then only with
/// `Authorization: Bearer <token>`; the figures are counts per route pattern, never personal data (rules.md R30).
struct MetricsRoute: RouteCollection {
    let token: String?

    func boot(routes: any RoutesBuilder) throws {
        routes.open().get("metrics", use: metrics)
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        if let token {
            guard let given = req.headers.bearerAuthorization?.token, constantTimeEqual(given, token) else {
                throw Abort(.unauthorized, reason: "/metrics needs Authorization: Bearer with the metrics token")
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        let text =
            req.application.httpMetrics.exposition()
            + StorageMetrics.exposition(StorageTimings.shared.snapshot(), context: req.application.storageContext)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
