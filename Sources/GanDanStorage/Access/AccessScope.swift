import Foundation

/// The part of the tree a request may see or change (rules.md R30). Queries filter by it in SQL.
public enum AccessScope: Sendable, Equatable {
    /// No restriction (administrators, the CLI, internal work).
    case everything
    /// Only these units (stable ids) and these party organisations.
    case restricted(units: Set<UUID>, organisations: Set<UUID>)

    /// A scope that holds nothing: a user without roles sees nothing.
    public static let nothing = AccessScope.restricted(units: [], organisations: [])

    public func contains(unit: UUID) -> Bool {
        switch self {
        case .everything: return true
        case .restricted(let units, _): return units.contains(unit)
        }
    }

    public func contains(organisation: UUID) -> Bool {
        switch self {
        case .everything: return true
        case .restricted(_, let organisations): return organisations.contains(organisation)
        }
    }

    /// The scope of the operator at the server's shell (the CLI): they hold the database file anyway.
    public static let commandLineOperator = AccessScope.everything

    /// The scope of a read that Storage makes inside a query or writer that has already checked its object against
    /// the caller's scope (e.g. a cell's roster for a meeting in scope).
    static let storageInternal = AccessScope.everything

    /// The organisations to filter by, or nil for no filter.
    var organisationFilter: [UUID]? {
        if case .restricted(_, let organisations) = self { return Array(organisations) }
        return nil
    }

    /// The units to filter by, or nil for no filter.
    var unitFilter: [UUID]? {
        if case .restricted(let units, _) = self { return Array(units) }
        return nil
    }

    /// What both scopes hold: a planner's scope narrowed to the subtree of the page they work on.
    public func intersection(_ other: AccessScope) -> AccessScope {
        switch (self, other) {
        case (.everything, _): return other
        case (_, .everything): return self
        case (.restricted(let a, let b), .restricted(let c, let d)):
            return .restricted(units: a.intersection(c), organisations: b.intersection(d))
        }
    }

    /// Both scopes together.
    public func union(_ other: AccessScope) -> AccessScope {
        switch (self, other) {
        case (.everything, _), (_, .everything): return .everything
        case (.restricted(let a, let b), .restricted(let c, let d)):
            return .restricted(units: a.union(c), organisations: b.union(d))
        }
    }
}
