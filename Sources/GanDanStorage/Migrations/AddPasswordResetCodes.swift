import FluentKit
import Foundation

/// One-time password reset codes that an administrator (or a planner, for the accounts of their subtree) issues on the
/// web (issue 18): stored as a SHA-256 hash, valid until they expire or are used once.
struct AddPasswordResetCodes: AsyncMigration {
    var name: String { "2027-01-20-add-password-reset-codes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordResetCodeRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id))
            .field("code_hash", .string, .required)
            .field("issued_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordResetCodeRecord.schema).delete()
    }
}

/// A reset code: only its hash is kept; `usedAt` is set by the one request that uses it.
final class PasswordResetCodeRecord: Model, @unchecked Sendable {
    static let schema = "password_reset_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _userID, _codeHash, _issuedBy, _createdAt, _expiresAt, _usedAt] }
}
