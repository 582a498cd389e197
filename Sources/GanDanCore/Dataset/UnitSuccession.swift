import Foundation

/// An old unit that went, whole or in part, into a unit of a new structure (the 2025 two-level list, rules.md R26).
public struct UnitPredecessor: Hashable, Sendable, Codable {
    /// The old unit's official code (its commune code; an island district's code when it had no communes).
    public var code: String
    public var name: String
    public var kind: UnitKind
    /// Whether the whole old unit went into the new one; false when it was split between new units.
    public var whole: Bool
    /// For a part: the villages of the old unit that went into the new one, by name, when the source names them.
    public var villages: [String]
    /// The old unit's stable id when the database holds it (in force the day before the new list): set by a query.
    public var unitID: UUID?

    public init(
        code: String, name: String, kind: UnitKind, whole: Bool, villages: [String] = [], unitID: UUID? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.whole = whole
        self.villages = villages
        self.unitID = unitID
    }
}

/// A unit of a new structure and the old units it was formed from: the conversion a restructure applies.
public struct UnitSuccession: Hashable, Sendable, Codable {
    /// The new unit's official code.
    public var code: String
    public var name: String
    /// The date the new unit begins (2025-07-01 for the 2025 list).
    public var date: CivilDate
    /// The new unit's stable id, once stored.
    public var unitID: UUID?
    /// The old units, in code order.
    public var predecessors: [UnitPredecessor]

    public init(code: String, name: String, date: CivilDate, unitID: UUID? = nil, predecessors: [UnitPredecessor]) {
        self.code = code
        self.name = name
        self.date = date
        self.unitID = unitID
        self.predecessors = predecessors
    }
}
