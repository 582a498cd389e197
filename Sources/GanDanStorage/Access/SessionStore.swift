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

    /// The session key Vapor writes the signed-in user's id under (`_\(CurrentUser.self)Session`).
    public static let userKey = "_CurrentUserSession"

    /// How long a session lives on the server: since its last use (idle) and since it was made (absolute).
    public struct Lifetimes: Sendable, Equatable {
        public var idle: TimeInterval
        public var absolute: TimeInterval

        public init(idle: TimeInterval = 2 * 3600, absolute: TimeInterval = 12 * 3600) {
            self.idle = idle
            self.absolute = absolute
        }
    }

    /// Stores a new session and returns its id: 32 random bytes, base64.
    public func create(_ data: [String: String], now: Date = Date()) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = .random(in: .min ... .max) }
        let record = SessionRecord()
        record.key = Data(bytes).base64EncodedString()
        record.data = data
        record.createdAt = now
        record.touchedAt = now
        try await record.create(on: db)
        return record.key
    }

    /// The session's data, nil when no session has this id or it outlived `lifetimes` (then it is deleted).
    /// A session without timestamps (made before lifetimes existed) counts as expired.
    public func read(_ id: String, lifetimes: Lifetimes = Lifetimes(), now: Date = Date()) async throws -> [String:
        String]?
    {
        try await session(id, lifetimes: lifetimes, now: now)?.data
    }

    /// Replaces the session's data and marks it used now.
    public func update(_ id: String, to data: [String: String], now: Date = Date()) async throws {
        try await SessionRecord.query(on: db).filter(\.$key == id).set(\.$data, to: data)
            .set(\.$touchedAt, to: now).update()
    }

    /// Forgets the session (sign-out).
    public func delete(_ id: String) async throws {
        try await SessionRecord.query(on: db).filter(\.$key == id).delete()
    }

    /// Ends every session signed in as `userID` (password reset or change).
    public func deleteAll(of userID: UUID) async throws {
        try await Self.deleteAll(of: userID, on: db)
    }

    static func deleteAll(of userID: UUID, except kept: String? = nil, on db: any Database) async throws {
        let records = try await SessionRecord.query(on: db).all()
        let ids = records.filter { $0.data[userKey] == userID.uuidString && $0.key != kept }.compactMap(\.id)
        guard !ids.isEmpty else { return }
        try await SessionRecord.query(on: db).filter(\.$id ~~ ids).delete()
    }

    /// How many sessions are stored (tests: an anonymous visit stores none).
    public func count() async throws -> Int {
        try await SessionRecord.query(on: db).count()
    }
}

/// One stored session.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "_fluent_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "data") var data: [String: String]
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "touched_at") var touchedAt: Date?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _key, _data, _createdAt, _touchedAt] }
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
