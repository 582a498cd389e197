import GanDanStorage
import Vapor

/// Vapor's sessions kept in the database through Storage's session store (the cookie carries only the id).
///
/// An anonymous visitor's session holds nothing but the sign-in form's CSRF token: it is carried in the cookie
/// itself (`anon.` and the token) and never stored, so visits to `/login` write no row (issue 21). A session is
/// stored once someone signs in, and the server ends it after the configured idle and absolute lifetimes. A request
/// that changes nothing in its session writes nothing, unless the session's use was last marked a while ago
/// (`SessionStore.save`).
struct StoredSessions: AsyncSessionDriver {
    static let anonymousPrefix = "anon."

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        if let id = Self.anonymousID(data.snapshot) { return id }
        return SessionID(string: try await SessionStore(db: request.store).create(data.snapshot))
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        if sessionID.string.hasPrefix(Self.anonymousPrefix) {
            let token = String(sessionID.string.dropFirst(Self.anonymousPrefix.count))
            if token.isEmpty { return SessionData() }
            guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
            return SessionData(initialData: ["csrf": token])
        }
        let lifetimes = request.application.settings.sessionLifetimes
        guard let stored = try await SessionStore(db: request.store).session(sessionID.string, lifetimes: lifetimes)
        else { return nil }
        request.storage[ReadSessionKey.self] = stored
        return SessionData(initialData: stored.data)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        if sessionID.string.hasPrefix(Self.anonymousPrefix) {
            return try await createSession(data, for: request)
        }
        // Vapor saves the session after every request that has one: unchanged and marked used lately, nothing is
        // written (issue 24).
        try await SessionStore(db: request.store).save(
            sessionID.string, data: data.snapshot, read: request.storage[ReadSessionKey.self],
            lifetimes: request.application.settings.sessionLifetimes)
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        guard !sessionID.string.hasPrefix(Self.anonymousPrefix) else { return }
        try await SessionStore(db: request.store).delete(sessionID.string)
    }

    /// The session as this request read it, to save it only when needed.
    private struct ReadSessionKey: StorageKey {
        typealias Value = SessionStore.StoredSession
    }

    /// The cookie id of a session that holds only a CSRF token (or nothing), nil when it must be stored.
    static func anonymousID(_ data: [String: String]) -> SessionID? {
        guard data.keys.allSatisfy({ $0 == "csrf" }) else { return nil }
        return SessionID(string: anonymousPrefix + (data["csrf"] ?? ""))
    }
}
