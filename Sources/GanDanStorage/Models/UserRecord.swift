import FluentKit
import Foundation

/// A person who signs in. Passwords are stored only as bcrypt hashes.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "disabled") public var disabled: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A role a user holds on a unit's subtree, or on one cell (secretary).
public final class RoleRecord: Model, @unchecked Sendable {
    public static let schema = "role_assignments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "role") public var role: String
    /// The stable id of the unit whose subtree the role covers (planner, viewer, auditor).
    @OptionalField(key: "unit_id") public var unitID: UUID?
    /// The cell a secretary role covers.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?

    public init() {}
}

/// An API token for scripts: shown once at creation, stored as a SHA-256 hash, revoked by its user.
public final class APITokenRecord: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
}

/// One entry of the append-only audit trail, chained to the previous one by hash.
public final class AuditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(key: .id) public var id: UUID?
    /// 1, 2, 3 … with no gaps: a gap means a deleted entry.
    @Field(key: "seq") public var seq: Int
    @Field(key: "at") public var at: String
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: String?
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @OptionalField(key: "request_id") public var requestID: String?
    /// The stable id of the unit the entry concerns, so auditors see their subtree's entries only.
    @OptionalField(key: "unit_id") public var unitID: UUID?
    @Field(key: "prev_hash") public var prevHash: String
    @Field(key: "hash") public var hash: String

    public init() {}
}
