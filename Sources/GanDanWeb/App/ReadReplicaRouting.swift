import Foundation
import GanDanStorage
import Vapor

/// The cookie that holds the primary's write position after a user's last write, so her next pages wait for the
/// replica to have it (or read the primary): she always sees what she saved.
let seenCookie = "gandan_seen"

struct ReplicaReadingKey: StorageKey {
    typealias Value = ReplicaReading
}

extension Request {
    /// The database for dashboards, reports, searches and exports: the replica when DATABASE_READ_URL names one
    /// (and it has this user's last write), else the primary. Pages built afterwards say when it was behind.
    func readStore() async -> DatabaseHandle {
        let seen = cookies[seenCookie].flatMap { WALPosition($0.string) }
        let (database, reading) = await application.storageContext.readDatabase(
            logger: logger, on: eventLoop, seen: seen)
        if let reading { storage[ReplicaReadingKey.self] = reading }
        return database
    }

    /// When this request read a replica that was behind: the time its figures are of (nil when unknown).
    var replicaBehind: (behind: Bool, asOf: Date?) {
        guard case .behind(let asOf)? = storage[ReplicaReadingKey.self] else { return (false, nil) }
        return (true, asOf)
    }
}

/// With a replica: after a write that succeeded, marks the user's browser with the primary's position
/// (`gandan_seen`, ten minutes); on any answer read from a replica that was behind, tells API clients the time
/// its figures are of (`GanDan-Figures-As-Of`, ISO 8601; empty when unknown).
struct ReplicaMiddleware: AsyncMiddleware {
    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.application.storageContext.hasReplica else { return response }
        let (behind, asOf) = request.replicaBehind
        if behind { response.headers.replaceOrAdd(name: "GanDan-Figures-As-Of", value: asOf.map(Self.iso) ?? "") }
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), response.status.code < 400,
            let position = try? await request.application.storageContext.writePosition(
                logger: request.logger, on: request.eventLoop)
        else { return response }
        response.cookies[seenCookie] = HTTPCookies.Value(
            string: position.description, maxAge: 600, path: "/", isSecure: secureCookies, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }

    private static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
