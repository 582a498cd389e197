import GanDanStorage
import Vapor

/// Vapor's sessions kept in the database through Storage's session store (the cookie carries only the id).
struct StoredSessions: AsyncSessionDriver {
    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        SessionID(string: try await SessionStore(db: request.store).create(data.snapshot))
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        try await SessionStore(db: request.store).read(sessionID.string).map { SessionData(initialData: $0) }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        try await SessionStore(db: request.store).update(sessionID.string, to: data.snapshot)
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await SessionStore(db: request.store).delete(sessionID.string)
    }
}
