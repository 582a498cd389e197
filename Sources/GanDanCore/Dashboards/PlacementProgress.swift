import Foundation

/// Who counts, per unit, as a member to move, moved, a key leader and placed on a day (rules.md A1–A3, R13), from
/// facts loaded as they stood then (rules.md R26).
public struct PlacementProgress: Sendable {
    /// One official stay on the roll of an agency cell planned for dissolution.
    public struct AgencyStay: Sendable, Hashable {
        public var memberID: UUID
        /// The unit whose figures the stay counts in (the agency cell's commune).
        public var unitID: UUID
        /// The day the agency cell was planned for dissolution.
        public var plannedOn: CivilDate
        public var from: CivilDate
        /// The first day off the roll; nil while on it.
        public var until: CivilDate?

        public init(memberID: UUID, unitID: UUID, plannedOn: CivilDate, from: CivilDate, until: CivilDate?) {
            self.memberID = memberID
            self.unitID = unitID
            self.plannedOn = plannedOn
            self.from = from
            self.until = until
        }
    }

    /// The agency stay that makes a member one to move: the unit it counts in and its end.
    public struct Departure: Sendable, Hashable {
        public var unitID: UUID
        public var until: CivilDate?

        public init(unitID: UUID, until: CivilDate?) {
            self.unitID = unitID
            self.until = until
        }
    }

    /// A post a member held from a day until another (nil: still held).
    public struct Post: Sendable, Hashable {
        public var kind: PostKind
        public var from: CivilDate
        public var until: CivilDate?

        public init(kind: PostKind, from: CivilDate, until: CivilDate?) {
            self.kind = kind
            self.from = from
            self.until = until
        }
    }

    /// One decision of the placement plan in force: the member and the cell it puts them in.
    public struct Decision: Sendable, Hashable {
        public var memberID: UUID
        public var toCellID: UUID

        public init(memberID: UUID, toCellID: UUID) {
            self.memberID = memberID
            self.toCellID = toCellID
        }
    }

    /// Per unit, the members behind each figure.
    public private(set) var members: [UUID: [PlacementFigure: Set<UUID>]] = [:]
    /// Per unit, the village cells that received a moved member (rules.md A2).
    public private(set) var cellsReceived: [UUID: Set<UUID>] = [:]
    /// Per unit, the village cells that received a moved key leader (rules.md A3).
    public private(set) var cellsWithLeader: [UUID: Set<UUID>] = [:]

    /// The members to move on `date` (rules.md A1, A2): on an agency cell's roll at some day between the cell's plan
    /// and `date`. A member with several such stays counts once, with the stay that ends last (or has not ended).
    public static func departures(_ stays: [AgencyStay], on date: CivilDate) -> [UUID: Departure] {
        var result: [UUID: Departure] = [:]
        for stay in stays where stay.from <= date && (stay.until.map { $0 > stay.plannedOn } ?? true) {
            if let known = result[stay.memberID],
                known.until == nil || (stay.until.map { $0 < known.until! } ?? false)
            {
                continue
            }
            result[stay.memberID] = Departure(unitID: stay.unitID, until: stay.until)
        }
        return result
    }

    /// The figures on `date` from each member's departure, the cell each member is in on the day (official roll),
    /// the village cells in force with their unit, the members' posts, each unit's plan in force, and the posts its
    /// plan exempts from placement (the standard ones where a unit has no plan), so that the dashboard counts the
    /// same key leaders as the plan (rules.md A3, R16).
    public init(
        on date: CivilDate, departures: [UUID: Departure], cellOnDay: [UUID: UUID], villageCells: [UUID: UUID],
        posts: [UUID: [Post]], plans: [UUID: [Decision]], exempt: [UUID: Set<PostKind>] = [:]
    ) {
        for (member, departure) in departures {
            // A key leader on their last day in the agency cell, or on the day asked while still there (rules.md A3).
            let lastDay = departure.until.map { Swift.min(date, $0.adding(days: -1)) } ?? date
            let unit = departure.unitID
            let leader = Self.isKeyLeader(
                posts[member] ?? [], on: lastDay, exempt: exempt[unit] ?? PostKind.standardPlacementExempt)
            insert(member, .toMove, unit)
            if leader { insert(member, .leadersToMove, unit) }
            // Moved: off the agency roll by the day and on the roll of a village cell of the same unit (rules.md R13).
            guard let until = departure.until, until <= date, let cell = cellOnDay[member],
                villageCells[cell] == unit
            else { continue }
            insert(member, .moved, unit)
            cellsReceived[unit, default: []].insert(cell)
            if leader {
                insert(member, .leadersMoved, unit)
                cellsWithLeader[unit, default: []].insert(cell)
            }
        }
        for (unit, decisions) in plans {
            for decision in decisions {
                insert(decision.memberID, .planned, unit)
                if cellOnDay[decision.memberID] == decision.toCellID { insert(decision.memberID, .placed, unit) }
            }
        }
    }

    /// How many members stand behind `figure` in `unit`.
    public func count(_ figure: PlacementFigure, in unit: UUID) -> Int { members[unit]?[figure]?.count ?? 0 }

    /// Whether the posts held on `day` make a key leader whom placement sends to the hardest villages: the plan's
    /// own definition (`PostKind.isPlacedAsKeyLeader`, rules.md A3, R16).
    public static func isKeyLeader(_ posts: [Post], on day: CivilDate, exempt: Set<PostKind>) -> Bool {
        PostKind.isPlacedAsKeyLeader(
            posts.filter { $0.from <= day && ($0.until.map { $0 > day } ?? true) }.map(\.kind), exempt: exempt)
    }

    private mutating func insert(_ member: UUID, _ figure: PlacementFigure, _ unit: UUID) {
        members[unit, default: [:]][figure, default: []].insert(member)
    }
}
