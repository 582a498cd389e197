import Crypto
import FluentKit
import Foundation
import GanDanCore

/// A role held by a user, with the place it is held on.
public struct RoleGrant: Sendable, Hashable, Codable {
    public var role: Role
    public var unitID: UUID?
    public var organisationID: UUID?

    public init(role: Role, unitID: UUID? = nil, organisationID: UUID? = nil) {
        self.role = role
        self.unitID = unitID
        self.organisationID = organisationID
    }
}

/// A signed-in user as requests see them.
public struct UserAccount: Sendable, Hashable, Codable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var disabled: Bool
    public var grants: [RoleGrant]
    /// Where the daily to-do digest goes (issue 20); nil: no digest.
    public var email: String? = nil

    public var isAdministrator: Bool { grants.contains { $0.role == .administrator } }
}

/// Accounts, roles and API tokens. Password hashing is the caller's (bcrypt, in the web layer).
public struct UserDirectory: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// Usernames are compared in lowercase without surrounding spaces.
    public static func normalised(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Creates a user with roles; roles other than administrator need a unit (or, for a secretary, a cell).
    @discardableResult
    public func create(username: String, displayName: String, passwordHash: String, grants: [RoleGrant]) async throws
        -> UserAccount
    {
        try await db.writeTransaction { db in
            try await Self.insert(
                username: username, displayName: displayName, passwordHash: passwordHash, grants: grants, on: db)
        }
    }

    /// Inserts the user and its roles in the caller's transaction; a bad user name, a taken one or a role without its
    /// place is an `AccountRefusal`.
    static func insert(
        username: String, displayName: String, passwordHash: String, grants: [RoleGrant], on db: any Database
    ) async throws -> UserAccount {
        let name = Self.normalised(username)
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || ".-_@".contains($0) })
        else { throw AccountRefusal.usernameShape }
        for grant in grants {
            switch grant.role {
            case .administrator: break
            case .secretary:
                guard grant.organisationID != nil else { throw AccountRefusal.placeNeeded }
            case .planner, .viewer, .auditor:
                guard grant.unitID != nil else { throw AccountRefusal.placeNeeded }
            }
        }
        guard try await UserRecord.query(on: db).filter(\.$username == name).first() == nil else {
            throw AccountRefusal.usernameTaken
        }
        let user = UserRecord()
        user.id = UUID()
        user.username = name
        user.displayName = displayName.isEmpty ? name : displayName
        user.passwordHash = passwordHash
        user.disabled = false
        user.createdAt = Date()
        try await user.create(on: db)
        var unique: [RoleGrant] = []
        for grant in grants where !unique.contains(grant) { unique.append(grant) }
        for grant in unique {
            let row = RoleRecord()
            row.id = UUID()
            row.userID = try user.requireID()
            row.role = grant.role.rawValue
            row.unitID = grant.unitID
            row.organisationID = grant.organisationID
            try await row.create(on: db)
        }
        return UserAccount(
            id: try user.requireID(), username: name, displayName: user.displayName, disabled: false,
            grants: unique)
    }

    /// The user and password hash for a sign-in attempt.
    public func credentials(username: String) async throws -> (account: UserAccount, passwordHash: String)? {
        guard let user = try await UserRecord.query(on: db).filter(\.$username == Self.normalised(username)).first()
        else { return nil }
        return (try await account(user), user.passwordHash)
    }

    public func account(_ id: UUID) async throws -> UserAccount? {
        guard let user = try await UserRecord.find(id, on: db) else { return nil }
        return try await account(user)
    }

    func account(_ user: UserRecord) async throws -> UserAccount {
        let grants = try await RoleRecord.query(on: db).filter(\.$userID == user.requireID()).all().map { row in
            RoleGrant(
                role: try row.decode(\.$role, as: Role.self), unitID: row.unitID, organisationID: row.organisationID)
        }
        return UserAccount(
            id: try user.requireID(), username: user.username, displayName: user.displayName, disabled: user.disabled,
            grants: grants, email: user.email)
    }

    // MARK: API tokens

    /// A token's listing: never the token itself.
    public struct TokenInfo: Sendable, Codable, Hashable {
        public var id: UUID
        public var name: String
        public var createdAt: Date
        public var revokedAt: Date?
    }

    /// Creates a token and returns it in clear, once; only its SHA-256 is stored.
    public func createToken(for userID: UUID, name: String) async throws -> (info: TokenInfo, token: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token =
            "gd_"
            + bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let row = APITokenRecord()
        row.id = UUID()
        row.userID = userID
        row.name = String(name.prefix(80)).isEmpty ? "token" : String(name.prefix(80))
        row.tokenHash = Self.tokenHash(token)
        row.createdAt = Date()
        try await row.create(on: db)
        return (TokenInfo(id: try row.requireID(), name: row.name, createdAt: row.createdAt, revokedAt: nil), token)
    }

    public func tokens(of userID: UUID) async throws -> [TokenInfo] {
        try await APITokenRecord.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all().map {
            TokenInfo(id: try $0.requireID(), name: $0.name, createdAt: $0.createdAt, revokedAt: $0.revokedAt)
        }
    }

    /// Revokes one of the user's own tokens; another user's token is "not found".
    public func revokeToken(_ id: UUID, of userID: UUID) async throws {
        guard let row = try await APITokenRecord.find(id, on: db), row.userID == userID else {
            throw StorageError.notFound("no token \(id)")
        }
        if row.revokedAt == nil {
            row.revokedAt = Date()
            try await row.update(on: db)
        }
    }

    /// The active account a bearer token belongs to, if the token is valid and not revoked.
    public func account(forToken token: String) async throws -> UserAccount? {
        guard
            let row = try await APITokenRecord.query(on: db).filter(\.$tokenHash == Self.tokenHash(token))
                .filter(\.$revokedAt == nil).first(),
            let account = try await account(row.userID), !account.disabled
        else { return nil }
        return account
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
