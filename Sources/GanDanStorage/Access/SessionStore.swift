import FluentKit
import Foundation

/// Signed-in sessions of the web application, by their cookie id: read, written and deleted as plain strings.
///
/// The table and its migration keep the shape (and migration name) of Fluent's session store, which wrote them before.
public struct SessionStore: Sendable {
    let db: any Database

    public init(db: DatabaseHandle) {
        self.db = db
    }

    /// Stores a new session and returns its id: 32 random bytes, base64.
    public func create(_ data: [String: String]) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = .random(in: .min ... .max) }
        let record = SessionRecord()
        record.key = Data(bytes).base64EncodedString()
        record.data = data
        try await record.create(on: db)
        return record.key
    }

    /// The session's data, nil when no session has this id.
    public func read(_ id: String) async throws -> [String: String]? {
        try await SessionRecord.query(on: db).filter(\.$key == id).first()?.data
    }

    /// Replaces the session's data.
    public func update(_ id: String, to data: [String: String]) async throws {
        try await SessionRecord.query(on: db).filter(\.$key == id).set(\.$data, to: data).update()
    }

    /// Forgets the session (sign-out).
    public func delete(_ id: String) async throws {
        try await SessionRecord.query(on: db).filter(\.$key == id).delete()
    }
}

/// One stored session.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "_fluent_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "data") var data: [String: String]

    init() {}
}

/// Creates the session table; named as Fluent named it, so databases that already hold it are left as they are.
struct CreateSessionTable: AsyncMigration {
    var name: String { "Fluent.SessionRecord.Create" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema)
            .id()
            .field("key", .string, .required)
            .field("data", .json, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema).delete()
    }
}
