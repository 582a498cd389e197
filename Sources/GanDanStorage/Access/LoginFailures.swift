import FluentKit
import Foundation
import SQLKit

/// Failed sign-ins kept in the database, so the sign-in throttle survives a restart (issue 21).
///
/// It takes no access scope: it holds no district's data, only an account name, a client address and a time, and is
/// read and written before anyone is signed in.
public struct LoginFailures: Sendable {
    let db: any Database

    public init(db: DatabaseHandle) {
        self.db = db
    }

    /// Notes one failed sign-in for `account` from `address`.
    public func record(account: String, address: String, at time: Date) async throws {
        let row = LoginFailureRecord()
        row.id = UUID()
        row.account = account
        row.address = address
        row.failedAt = time
        try await row.create(on: db)
    }

    /// The times of failures for this account from this address since `since`, oldest first.
    public func times(account: String, address: String, since: Date) async throws -> [Date] {
        try await LoginFailureRecord.query(on: db).filter(\.$account == account).filter(\.$address == address)
            .filter(\.$failedAt > since).sort(\.$failedAt).all().map(\.failedAt)
    }

    /// The times of failures from this address, whatever the account, since `since`, oldest first.
    public func times(address: String, since: Date) async throws -> [Date] {
        try await LoginFailureRecord.query(on: db).filter(\.$address == address).filter(\.$failedAt > since)
            .sort(\.$failedAt).all().map(\.failedAt)
    }

    /// Forgets the failures of this account from this address (after the right password from there).
    public func clear(account: String, address: String) async throws {
        try await LoginFailureRecord.query(on: db).filter(\.$account == account).filter(\.$address == address)
            .delete()
    }

    /// Forgets failures older than `cutoff`: they no longer count.
    public func prune(before cutoff: Date) async throws {
        try await LoginFailureRecord.query(on: db).filter(\.$failedAt <= cutoff).delete()
    }
}

/// One failed sign-in.
final class LoginFailureRecord: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "account") var account: String
    @Field(key: "address") var address: String
    @Field(key: "failed_at") var failedAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _account, _address, _failedAt] }
}

/// The failed sign-ins table, and the two timestamps sessions need for their lifetimes (issue 21).
struct CreateSignInSecurity: AsyncMigration {
    var name: String { "2026-12-05-create-sign-in-security" }

    func prepare(on database: any Database) async throws {
        try await database.schema(LoginFailureRecord.schema)
            .id()
            .field("account", .string, .required)
            .field("address", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "login_failures_address_idx").on(LoginFailureRecord.schema)
                .column("address").column("failed_at").run()
        }
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(SessionRecord.schema).field("created_at", .datetime).update()
        try await database.schema(SessionRecord.schema).field("touched_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema).deleteField("touched_at").update()
        try await database.schema(SessionRecord.schema).deleteField("created_at").update()
        try await database.schema(LoginFailureRecord.schema).delete()
    }
}
