import Vapor

/// Times every request and counts it under its route pattern; errors count with the status they are answered
/// with (the error responder runs outside this middleware, so a thrown error is mapped here the same way).
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: HTTPMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let route = request.routePattern
        do {
            let response = try await next.respond(to: request)
            metrics.record(
                method: request.method.rawValue, route: route, status: response.status.code,
                duration: clock.now - start)
            return response
        } catch {
            let status = (error as? any AbortError)?.status ?? .internalServerError
            metrics.record(
                method: request.method.rawValue, route: route, status: status.code, duration: clock.now - start)
            throw error
        }
    }
}
