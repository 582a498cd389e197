import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A request's user and what they may see, change and audit on the date asked (rules.md R30). Private to this
/// file: handlers get scopes through `scope(_:)` and objects through the resolvers, never the grants themselves.
private struct RequestAccess {
    var account: UserAccount
    var scopes: ScopeResolver.Scopes
    var actor: Actor
}

extension Request {
    private struct AccessKey: StorageKey {
        typealias Value = RequestAccess
    }

    private struct PlanScopeKey: StorageKey {
        typealias Value = AccessScope
    }

    /// The current user and their scopes; throws 401 when nobody is signed in.
    private func access() async throws -> RequestAccess {
        if let cached = storage[AccessKey.self] { return cached }
        guard let user = auth.get(CurrentUser.self) else { throw Abort(.unauthorized) }
        let scopes = try await ScopeResolver(db: store).scopes(for: user.account, on: try asOfDate())
        let access = RequestAccess(
            account: user.account, scopes: scopes, actor: Actor(name: user.account.username, requestID: requestID))
        storage[AccessKey.self] = access
        return access
    }

    /// What the user's grants open for `action`: the scope of a list, or of a writer.
    func scope(_ action: Action) async throws -> AccessScope {
        let access = try await access()
        switch action {
        case .read: return access.scopes.read
        case .write, .approve: return access.scopes.write
        case .audit: return access.scopes.audit
        case .plan:
            if let cached = storage[PlanScopeKey.self] { return cached }
            let scope = try await ScopeResolver(db: store).scope(
                for: access.account, roles: Action.plan.roles, on: try asOfDate())
            storage[PlanScopeKey.self] = scope
            return scope
        }
    }

    /// Whether the user holds a role that may take `action` anywhere (for routes that name no object).
    func holds(_ action: Action) async throws -> Bool {
        if action == .read { return true }
        return try await access().account.grants.contains { action.roles.contains($0.role) }
    }

    /// The signed-in account.
    func account() async throws -> UserAccount {
        try await access().account
    }

    /// Who writes: the user and the request id, for the audit trail.
    func actor() async throws -> Actor {
        try await access().actor
    }

    /// Records a read of personal data (rules.md R30) in the audit trail, naming the units it touched (`unit` and
    /// `units`, all in the read scope), so the auditors of those units see it. Returns once the entry is stored;
    /// concurrent reads share the transaction that stores it (`AuditBatcher`, issue 24).
    func auditRead(_ entity: String, id: String?, unit: UUID? = nil, units: Set<UUID> = []) async throws {
        let access = try await access()
        try await application.storageContext.auditReads.record(
            AuditEvent(
                actor: access.actor.name, action: "read", entity: entity, entityID: id,
                requestID: access.actor.requestID, unitID: unit, units: units),
            scope: access.scopes.read)
    }

    /// The units a list covered when it was not limited to one object: every unit of the read scope; for a user
    /// who sees everything, the units of the cells of the `listed` members (rules.md R30).
    func coveredUnits(listing members: [UUID], on date: CivilDate) async throws -> Set<UUID> {
        let read = try await scope(.read)
        if case .restricted(let units, _) = read { return units }
        return try await MemberDirectory(db: store, scope: read).units(ofMembers: members, on: date)
    }
}
