import FluentKit
import Foundation

/// A person who signs in. Passwords are stored only as bcrypt hashes.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "created_at") var createdAt: Date
    /// Where the daily to-do digest goes (issue 20).
    @OptionalField(key: "email") var email: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _username, _displayName, _passwordHash, _disabled, _createdAt, _email] }
}

/// A role a user holds on a unit's subtree, or on one cell (secretary).
final class RoleRecord: Model, @unchecked Sendable {
    static let schema = "role_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    /// The stable id of the unit whose subtree the role covers (planner, viewer, auditor).
    @OptionalField(key: "unit_id") var unitID: UUID?
    /// The cell a secretary role covers.
    @OptionalField(key: "organisation_id") var organisationID: UUID?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _userID, _role, _unitID, _organisationID] }
}

/// An API token for scripts: shown once at creation, stored as a SHA-256 hash, revoked by its user.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _userID, _name, _tokenHash, _createdAt, _revokedAt] }
}

/// One entry of the append-only audit trail, chained to the previous one by hash.
final class AuditEntryRecord: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    /// 1, 2, 3 … with no gaps: a gap means a deleted entry.
    @Field(key: "seq") var seq: Int
    @Field(key: "at") var at: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @OptionalField(key: "request_id") var requestID: String?
    /// The stable id of the unit the entry concerns, so auditors see their subtree's entries only.
    @OptionalField(key: "unit_id") var unitID: UUID?
    /// When the entry names several units: the key of their set in `audit_unit_sets` (and `unit_id` is empty).
    @OptionalField(key: "units_key") var unitsKey: String?
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _seq, _at, _actor, _action, _entity, _entityID, _before, _after, _requestID, _unitID, _unitsKey,
            _prevHash, _hash,
        ]
    }
}
