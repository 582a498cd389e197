import FluentKit
import Foundation
import GanDanCore

/// Turns a user's roles into the scopes their requests are filtered by (rules.md R30).
public struct ScopeResolver: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// What the account may read, change, and audit on `date`.
    public struct Scopes: Sendable {
        public var read: AccessScope
        public var write: AccessScope
        public var audit: AccessScope
    }

    public func scopes(for account: UserAccount, on date: CivilDate) async throws -> Scopes {
        var read = AccessScope.nothing
        var write = AccessScope.nothing
        var audit = AccessScope.nothing
        for grant in account.grants {
            let scope = try await scope(of: grant, on: date)
            read = read.union(scope)
            if grant.role.mayWrite { write = write.union(scope) }
            if grant.role.mayReadAudit { audit = audit.union(scope) }
        }
        return Scopes(read: read, write: write, audit: audit)
    }

    /// What the account's grants of the given roles cover on `date`: e.g. the units a planner manages, for work
    /// reserved to planners (imports) that a secretary's write scope must not open.
    public func scope(for account: UserAccount, roles: Set<Role>, on date: CivilDate) async throws -> AccessScope {
        var result = AccessScope.nothing
        for grant in account.grants where roles.contains(grant.role) {
            result = result.union(try await scope(of: grant, on: date))
        }
        return result
    }

    /// The subtree of `unitID` on `date` with every organisation attached to it: what a page of that unit may touch.
    public func subtree(of unitID: UUID, on date: CivilDate) async throws -> AccessScope {
        try await scope(of: RoleGrant(role: .planner, unitID: unitID), on: date)
    }

    /// A unit's subtree with every organisation attached to it; a secretary's cell with its unit.
    func scope(of grant: RoleGrant, on date: CivilDate) async throws -> AccessScope {
        if grant.role == .administrator { return .everything }
        if let cellID = grant.organisationID {
            guard let cell = try await OrganisationRecord.find(cellID, on: db) else { return .nothing }
            return .restricted(units: [cell.unitID], organisations: [cellID])
        }
        guard let unitID = grant.unitID else { return .nothing }
        let units = try await OrganisationTree(db: db, scope: .storageInternal).subtree(of: unitID, on: date)
        var organisations: Set<UUID> = []
        var start = 0
        while start < units.count {
            let chunk = Array(units[start..<min(start + 1000, units.count)])
            start += 1000
            organisations.formUnion(
                try await OrganisationRecord.query(on: db).filter(\.$unitID ~~ chunk).all().compactMap(\.id))
        }
        return .restricted(units: Set(units), organisations: organisations)
    }
}
