import FluentKit
import Foundation
import GanDanCore

/// Account administration (issue 18): adding users, granting and revoking roles, disabling accounts, setting a
/// password and issuing one-time reset codes. The web's administration page and the CLI's `gandan user` commands both
/// write through here, each change in one transaction with its audit entry naming the units concerned.
///
/// `scope` is the manager's: `.everything` for an administrator and the CLI; for a planner, the subtree their planner
/// roles cover. A restricted scope manages only accounts whose every role lies inside it and is one a planner may
/// grant (planner, secretary, viewer), and grants only those, inside it: never the administrator role, nor the
/// auditor's, whose work is to check the planners' (rules.md R30).
public struct AccountAdministration: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// How long a reset code stays valid.
    public static let resetCodeLifetime: TimeInterval = 24 * 3600

    /// The roles a restricted scope (a planner's) may grant: none above a planner's own.
    public static let grantedByPlanners: [Role] = [.planner, .secretary, .viewer]

    /// Whether the scope may grant or revoke this role.
    public func covers(_ grant: RoleGrant) -> Bool {
        if scope == .everything { return true }
        if !Self.grantedByPlanners.contains(grant.role) { return false }
        if let cell = grant.organisationID { return scope.contains(organisation: cell) }
        if let unit = grant.unitID { return scope.contains(unit: unit) }
        return false
    }

    /// Whether the scope manages the account: every role of it lies inside (an account without roles: only
    /// `.everything`).
    public func manages(_ account: UserAccount) -> Bool {
        if scope == .everything { return true }
        return !account.grants.isEmpty && account.grants.allSatisfy(covers)
    }

    /// The accounts the scope manages, by user name.
    public func accounts() async throws -> [UserAccount] {
        let directory = UserDirectory(db: db)
        var result: [UserAccount] = []
        for user in try await UserRecord.query(on: db).sort(\.$username).all() {
            let account = try await directory.account(user)
            if manages(account) { result.append(account) }
        }
        return result
    }

    /// The account when the scope manages it; nil otherwise (as if there were none).
    public func account(_ id: UUID) async throws -> UserAccount? {
        guard let account = try await UserDirectory(db: db).account(id), manages(account) else { return nil }
        return account
    }

    /// The account called `username` when the scope manages it.
    public func account(username: String) async throws -> UserAccount? {
        guard let found = try await UserDirectory(db: db).credentials(username: username), manages(found.account)
        else { return nil }
        return found.account
    }

    /// The role `role` held on the unit or cell with `code` in force on `date`, inside the scope: a secretary on a
    /// cell, the other roles on a unit, an administrator on nothing.
    public func grant(_ role: Role, placeCode: String?, on date: CivilDate) async throws -> RoleGrant {
        guard scope == .everything || Self.grantedByPlanners.contains(role) else { throw AccountRefusal.roleAboveOwn }
        if role == .administrator { return RoleGrant(role: .administrator) }
        let code = placeCode?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !code.isEmpty else { throw AccountRefusal.placeNeeded }
        let tree = OrganisationTree(db: db, scope: scope)
        if role.isCellScoped {
            guard let cell = try await tree.organisation(code: code), cell.kind.isCell else {
                throw AccountRefusal.placeUnknown
            }
            return RoleGrant(role: role, organisationID: cell.id)
        }
        guard let unit = try await tree.unit(code: code, on: date) else { throw AccountRefusal.placeUnknown }
        return RoleGrant(role: role, unitID: unit.id)
    }

    /// Adds an account with its roles (each inside the scope), audited as "create".
    @discardableResult
    public func add(username: String, displayName: String, passwordHash: String, grants: [RoleGrant], actor: Actor)
        async throws -> UserAccount
    {
        for grant in grants where !covers(grant) {
            throw Self.grantedByPlanners.contains(grant.role)
                ? AccountRefusal.placeUnknown : AccountRefusal.roleAboveOwn
        }
        let display = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard display.count <= 100 else { throw AccountRefusal.displayNameShape }
        return try await db.writeTransaction { db in
            let account = try await UserDirectory.insert(
                username: username, displayName: display, passwordHash: passwordHash, grants: grants, on: db)
            try await self.audit(account, "create", actor: actor, after: AuditTrail.json(account), on: db)
            return account
        }
    }

    /// Adds an account whose password nobody knows yet (`passwordHash` of a random secret) with a reset code, both in
    /// one transaction: the user sets their password with the code, which is returned this once.
    public func addWithResetCode(
        username: String, displayName: String, passwordHash: String, grants: [RoleGrant], actor: Actor,
        now: Date = Date()
    ) async throws -> (account: UserAccount, code: String, expiresAt: Date) {
        try await db.writeTransaction { db in
            let inner = AccountAdministration(db: db, scope: self.scope)
            let account = try await inner.add(
                username: username, displayName: displayName, passwordHash: passwordHash, grants: grants, actor: actor)
            let issued = try await inner.issueResetCode(for: account.id, actor: actor, now: now)
            return (account, issued.code, issued.expiresAt)
        }
    }

    /// Grants a role (inside the scope) to an account the scope manages, audited as "grant".
    public func grant(_ grant: RoleGrant, to id: UUID, actor: Actor) async throws {
        guard covers(grant) else {
            throw Self.grantedByPlanners.contains(grant.role)
                ? AccountRefusal.placeUnknown : AccountRefusal.roleAboveOwn
        }
        try await change(id, actor: actor, action: "grant") { account, db in
            guard !account.grants.contains(grant) else { throw AccountRefusal.roleHeld }
            let row = RoleRecord()
            row.id = UUID()
            row.userID = account.id
            row.role = grant.role.rawValue
            row.unitID = grant.unitID
            row.organisationID = grant.organisationID
            try await row.create(on: db)
        }
    }

    /// Revokes a role of an account the scope manages, audited as "revoke"; never the last active administrator's.
    public func revoke(_ grant: RoleGrant, from id: UUID, actor: Actor) async throws {
        guard covers(grant) else {
            throw Self.grantedByPlanners.contains(grant.role)
                ? AccountRefusal.placeUnknown : AccountRefusal.roleAboveOwn
        }
        try await change(id, actor: actor, action: "revoke") { account, db in
            guard account.grants.contains(grant) else { throw AccountRefusal.roleNotHeld }
            if grant.role == .administrator { try await Self.keepAnAdministrator(besides: account, on: db) }
            var query = RoleRecord.query(on: db).filter(\.$userID == account.id)
                .filter(\.$role == grant.role.rawValue)
            query = grant.unitID.map { query.filter(\.$unitID == $0) } ?? query.filter(\.$unitID == nil)
            query =
                grant.organisationID.map { query.filter(\.$organisationID == $0) }
                ?? query.filter(\.$organisationID == nil)
            try await query.delete()
        }
    }

    /// Disables (or enables again) an account the scope manages, audited as "disable" or "enable". A disabled
    /// account's sessions and tokens stop working at once (they are checked on every request). Nobody disables their
    /// own account, nor the last active administrator.
    public func setDisabled(_ id: UUID, _ disabled: Bool, actor: Actor) async throws {
        try await change(id, actor: actor, action: disabled ? "disable" : "enable") { account, db in
            if disabled {
                guard account.username != actor.name else { throw AccountRefusal.ownAccount }
                if account.isAdministrator && !account.disabled {
                    try await Self.keepAnAdministrator(besides: account, on: db)
                }
            }
            try await UserRecord.query(on: db).filter(\.$id == account.id).set(\.$disabled, to: disabled).update()
        }
    }

    /// Sets or removes the account's e-mail address (checked by `setEmail`), audited as "set-email".
    func setEmailAddress(_ id: UUID, _ address: String?, actor: Actor) async throws {
        try await change(id, actor: actor, action: "set-email") { account, db in
            try await UserRecord.query(on: db).filter(\.$id == account.id).set(\.$email, to: address).update()
        }
    }

    /// Sets a new password hash (the CLI's `reset-password`): every session and API token of the account ends.
    public func setPassword(_ id: UUID, hash: String, actor: Actor) async throws {
        try await change(id, actor: actor, action: "reset-password") { account, db in
            try await UserDirectory.replacePassword(of: account.id, hash: hash, keepingSession: nil, on: db)
        }
    }

    /// Issues a one-time reset code for an account the scope manages, valid for `resetCodeLifetime`; an earlier
    /// unused code of the account stops working. Only the code's hash is stored: the code is returned this once.
    public func issueResetCode(for id: UUID, actor: Actor, now: Date = Date()) async throws
        -> (code: String, expiresAt: Date)
    {
        let code = PasswordResetCode.make()
        let expiresAt = now.addingTimeInterval(Self.resetCodeLifetime)
        try await change(id, actor: actor, action: "issue-reset-code") { account, db in
            try await PasswordResetCodeRecord.query(on: db).filter(\.$userID == account.id)
                .filter(\.$usedAt == nil).set(\.$expiresAt, to: now).update()
            let row = PasswordResetCodeRecord()
            row.id = UUID()
            row.userID = account.id
            row.codeHash = PasswordResetCode.hash(code)
            row.issuedBy = actor.name
            row.createdAt = now
            row.expiresAt = expiresAt
            try await row.create(on: db)
        }
        return (code, expiresAt)
    }

    /// Runs `body` on the managed account `id` in one write transaction, then audits `action` with the account as it
    /// was before and after. An account outside the scope is "not found".
    private func change(
        _ id: UUID, actor: Actor, action: String,
        _ body: @escaping @Sendable (UserAccount, any Database) async throws -> Void
    ) async throws {
        try await db.writeTransaction { db in
            let directory = UserDirectory(db: db)
            guard let before = try await directory.account(id), self.manages(before) else {
                throw StorageError.notFound("no account \(id) that you manage")
            }
            try await body(before, db)
            let after = try await directory.account(id) ?? before
            try await self.audit(
                after, action, actor: actor, before: AuditTrail.json(before), after: AuditTrail.json(after),
                units: try await Self.units(of: before, on: db), on: db)
        }
    }

    private func audit(
        _ account: UserAccount, _ action: String, actor: Actor, before: String? = nil, after: String?,
        units: Set<UUID> = [], on db: any Database
    ) async throws {
        let units = units.union(try await Self.units(of: account, on: db))
        try await AuditTrail(db: db, scope: scope).record(
            AuditEvent(
                actor: actor.name, action: action, entity: "user", entityID: account.id.uuidString, before: before,
                after: after, requestID: actor.requestID, units: units))
    }

    /// The units an account's roles are held on (a secretary's: the cell's unit), for its audit entries.
    static func units(of account: UserAccount, on db: any Database) async throws -> Set<UUID> {
        let cells = try await OrganisationRecord.units(of: account.grants.compactMap(\.organisationID), on: db)
        return cells.union(account.grants.compactMap(\.unitID))
    }

    /// Refuses a change that would leave no enabled account with the administrator role besides `account`.
    static func keepAnAdministrator(besides account: UserAccount, on db: any Database) async throws {
        let holders = try await RoleRecord.query(on: db).filter(\.$role == Role.administrator.rawValue)
            .filter(\.$userID != account.id).all().map(\.userID)
        guard !holders.isEmpty,
            try await UserRecord.query(on: db).filter(\.$id ~~ holders).filter(\.$disabled == false).count() > 0
        else { throw AccountRefusal.lastAdministrator }
    }
}
