import Foundation
import Vapor

/// One `info` line per answered request (issue 24): method, route pattern (`/members/:member`, never the path with
/// its ids nor the query with names), status, duration in milliseconds, the request id (the logger's metadata) and
/// the signed-in user's id — no name, no personal data (rules.md R30).
struct AccessLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next.respond(to: request)
            log(request, status: response.status, duration: clock.now - start)
            return response
        } catch {
            log(
                request, status: (error as? any AbortError)?.status ?? .internalServerError, duration: clock.now - start
            )
            throw error
        }
    }

    func log(_ request: Request, status: HTTPResponseStatus, duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        request.logger.info(
            "access",
            metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(request.routePattern),
                "status": .stringConvertible(status.code),
                "duration_ms": .string(String(format: "%.1f", milliseconds)),
                "user": .string(request.auth.get(CurrentUser.self)?.account.id.uuidString.lowercased() ?? "-"),
            ])
    }
}

extension Request {
    /// The pattern of the route that answered (`/api/cells/:cell`), or `unmatched`: never the concrete path.
    var routePattern: String {
        route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
    }
}
