import GanDanStorage
import Vapor

/// `/health`: the process answers (liveness). `/health/ready`: it can serve — the database answers a query and has
/// every migration — else 503 with the reason in plain words (issue 24); the database's own error goes to the log.
struct HealthRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let open = routes.open()
        open.get("health") { _ in "ok" }
        open.get("health", "ready", use: ready)
    }

    @Sendable func ready(req: Request) async throws -> Response {
        let readiness = await req.application.storageContext.readiness()
        if case .unreachable(let detail) = readiness {
            req.logger.error("not ready: the database does not answer: \(detail)")
        }
        let status: HTTPResponseStatus = readiness == .ready ? .ok : .serviceUnavailable
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: status, headers: headers, body: .init(string: readiness.reason + "\n"))
    }
}
