import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// One commune's dissolution progress and placement coverage on a day (rules.md A1–A3).
public struct CommuneProgress: Codable, Sendable, Hashable {
    public var communeID: UUID
    /// The commune's name on the day (rules.md R26).
    public var communeName: String
    public var districtName: String?
    public var directiveID: UUID?
    public var deadline: CivilDate?
    /// Agency cells planned for dissolution by the day.
    public var agencyCells: Int
    /// Of those, dissolved by the day.
    public var dissolved: Int
    /// The day the last one was dissolved, when all are.
    public var completedOn: CivilDate?
    public var status: DeadlineStatus
    public var membersToMove: Int
    public var membersMoved: Int
    /// Key leaders (glossary.md) among them, counted apart (rules.md A3).
    public var leadersToMove: Int
    public var leadersMoved: Int
    /// Village cells in force on the day, those that received at least one moved member, and one moved key leader.
    public var villageCells: Int
    public var villageCellsReceived: Int
    public var villageCellsWithLeader: Int
    /// Village cells flagged weak in their latest rating (rules.md A3, R20), and those that received a key leader.
    public var weakCells: Int
    public var weakCellsWithLeader: Int
    /// Members in the placement plan in force on the day, and those in the cell it planned for them.
    public var planned: Int
    public var placed: Int

    init(communeID: UUID, communeName: String, districtName: String?) {
        self.communeID = communeID
        self.communeName = communeName
        self.districtName = districtName
        agencyCells = 0
        dissolved = 0
        status = .notPlanned
        membersToMove = 0
        membersMoved = 0
        leadersToMove = 0
        leadersMoved = 0
        villageCells = 0
        villageCellsReceived = 0
        villageCellsWithLeader = 0
        weakCells = 0
        weakCellsWithLeader = 0
        planned = 0
        placed = 0
    }
}

/// A district's place among the districts of its province with a directive, on a day (rules.md A1).
public struct DistrictRank: Codable, Sendable, Hashable {
    public var rank: Int
    public var directiveID: UUID
    public var unitID: UUID
    public var unitName: String
    public var dissolved: Int
    public var total: Int
    public var deadline: CivilDate
    public var completedOn: CivilDate?
    public var status: DeadlineStatus
}

/// A district's (or province's) dashboard on a day: per commune, the totals, and the ranking of districts.
public struct DistrictDashboardReport: Codable, Sendable, Hashable {
    public var unitID: UUID
    public var unitCode: String
    public var unitKind: UnitKind
    /// The unit's name on the day asked (rules.md R26).
    public var unitName: String
    public var asOf: CivilDate
    /// Communes in force on the day under the unit, in Vietnamese order.
    public var communes: [CommuneProgress]
    /// The sums over the communes; the status is the unit's as a whole.
    public var totals: CommuneProgress
    /// Districts of the province with a directive, first finished first (unfinished last).
    public var ranking: [DistrictRank]
}

/// Builds the district dashboard as of a day in a fixed number of queries, whatever the number of cells or members.
///
/// "As of D" (rules.md R26): the tree and names on D, directives' cells planned by D, dissolutions by D, rolls on D,
/// plans approved by D (or the latest draft made by D), posts and ratings as they stood.
public struct DistrictDashboard: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The dashboard of `unit` (a province, district or commune) as of `asOf`; nil when the unit did not exist that
    /// day or lies outside the scope.
    public func load(unit: UUID, asOf date: CivilDate) async throws -> DistrictDashboardReport? {
        try await compute(unit: unit, on: date)?.report
    }

    /// The members behind one figure of a commune on a day, for the member list (rules.md R30: scoped by the list).
    public func members(_ figure: PlacementFigure, commune: UUID, asOf date: CivilDate) async throws -> [UUID] {
        guard let computed = try await compute(unit: commune, on: date) else { return [] }
        return Array(computed.members[commune]?[figure] ?? [])
    }

    struct Computed {
        var report: DistrictDashboardReport
        var members: [UUID: [PlacementFigure: Set<UUID>]]
    }

    /// The dashboard in seven stages: the communes, their dissolutions, the plans in force, the members to move,
    /// where they are, the village cells, and the figures the Core rules make of these facts.
    func compute(unit: UUID, on date: CivilDate) async throws -> Computed? {
        guard scope.contains(unit: unit) else { return nil }
        let path = try await OrganisationTree(db: db, scope: .storageInternal).path(to: unit, on: date)
        guard let top = path.first, path.last?.id == unit,
            let tree = try await DashboardTree.load(root: unit, on: date, db: db),
            let root = tree.units[unit]
        else { return nil }

        // The communes under the unit on the day.
        let communes = try tree.units.values.filter {
            try $0.decode(\.$kind, as: UnitKind.self).level == 3 && scope.contains(unit: $0.unitID)
        }
        .sorted { ($0.nameSort, $0.code) < ($1.nameSort, $1.code) }
        let communeIDs = Set(communes.map(\.unitID))
        var rows = Self.rows(communes, tree: tree, districtAbove: path.first { $0.kind.level == 2 }?.name)

        let dissolution = try await dissolutionFacts(tree: tree, communes: communeIDs, on: date)
        try Self.record(dissolution, in: &rows, on: date)
        let inForce = try await plansInForce(
            units: Array(tree.units.keys) + path.map(\.id), communes: communeIDs, on: date)
        let plans = inForce.mapValues {
            $0.decisions.map { PlacementProgress.Decision(memberID: $0.memberID, toCellID: $0.toCellID) }
        }
        let departures = try await departures(dissolution, tree: tree, on: date)
        let concerned = Array(Set(departures.keys).union(plans.values.flatMap { $0.map(\.memberID) }))
        let (cellOnDay, posts) = try await whereabouts(of: concerned, on: date)
        let village = try await villageFacts(tree: tree, communes: communeIDs, on: date)
        let progress = PlacementProgress(
            on: date, departures: departures, cellOnDay: cellOnDay, villageCells: village.commune, posts: posts,
            plans: plans, exempt: inForce.mapValues(\.exempt))
        for commune in communeIDs {
            guard var row = rows[commune] else { continue }
            Self.record(progress, village, commune: commune, in: &row, on: date)
            rows[commune] = row
        }

        let ordered = communes.compactMap { rows[$0.unitID] }
        let totals = Self.totals(ordered, unit: root, on: date)
        let ranked = try await directiveUnits(dissolution.directives, in: top.id, on: date)
        let ranking = try Self.ranking(
            directives: dissolution.directives, dissolutions: dissolution.dissolutions, units: ranked, on: date)
        return Computed(
            report: DistrictDashboardReport(
                unitID: unit, unitCode: root.code, unitKind: try root.decode(\.$kind, as: UnitKind.self),
                unitName: root.name, asOf: date, communes: ordered, totals: totals, ranking: ranking),
            members: progress.members)
    }

    /// The sums over the communes; complete when every commune with agency cells is.
    static func totals(_ rows: [CommuneProgress], unit: UnitRecord, on date: CivilDate) -> CommuneProgress {
        var total = CommuneProgress(communeID: unit.unitID, communeName: unit.name, districtName: nil)
        for row in rows {
            total.agencyCells += row.agencyCells
            total.dissolved += row.dissolved
            total.membersToMove += row.membersToMove
            total.membersMoved += row.membersMoved
            total.leadersToMove += row.leadersToMove
            total.leadersMoved += row.leadersMoved
            total.villageCells += row.villageCells
            total.villageCellsReceived += row.villageCellsReceived
            total.villageCellsWithLeader += row.villageCellsWithLeader
            total.weakCells += row.weakCells
            total.weakCellsWithLeader += row.weakCellsWithLeader
            total.planned += row.planned
            total.placed += row.placed
        }
        let withCells = rows.filter { $0.agencyCells > 0 }
        total.deadline = withCells.compactMap(\.deadline).max()
        total.completedOn =
            total.agencyCells > 0 && total.dissolved == total.agencyCells
            ? withCells.compactMap(\.completedOn).max() : nil
        total.status = DeadlineStatus.of(
            total: total.agencyCells, completedOn: total.completedOn, deadline: total.deadline, on: date)
        return total
    }

    /// The names on the day of the directives' units that lie in `province` (itself or up to three levels below):
    /// two queries, however large the province.
    func directiveUnits(_ directives: [DirectiveRecord], in province: UUID, on date: CivilDate) async throws
        -> [UUID: String]
    {
        let ids = Array(Set(directives.map(\.unitID)))
        guard !ids.isEmpty else { return [:] }
        let units = try await UnitRecord.query(on: db).filter(\.$unitID ~~ ids).inForce(on: date).all()
        let parentIDs = Array(Set(units.compactMap(\.parentUnitID)))
        let parents =
            try await parentIDs.isEmpty
            ? [] : UnitRecord.query(on: db).filter(\.$unitID ~~ parentIDs).inForce(on: date).all()
        var parentOf: [UUID: UUID] = [:]
        for record in units + parents { parentOf[record.unitID] = record.parentUnitID }
        var names: [UUID: String] = [:]
        for record in units {
            var current: UUID? = record.unitID
            for _ in 0..<4 {
                guard let id = current else { break }
                if id == province {
                    names[record.unitID] = record.name
                    break
                }
                current = parentOf[id]
            }
        }
        return names
    }

    /// Directives on the given units, ranked as `Directives.ranking` ranks them (rules.md A1).
    static func ranking(
        directives: [DirectiveRecord], dissolutions: [DissolutionRecord], units: [UUID: String], on date: CivilDate
    ) throws -> [DistrictRank] {
        let cellsOf = Dictionary(grouping: dissolutions, by: \.directiveID)
        var ranks: [DistrictRank] = []
        for directive in directives {
            let deadline = try directive.date(\.$deadline)
            guard let name = units[directive.unitID], let cells = cellsOf[try directive.requireID()], !cells.isEmpty
            else { continue }
            let progress = DissolutionProgress(
                dissolvedOn: cells.map { $0.dissolvedOn.flatMap(CivilDate.init) }, deadline: deadline, on: date)
            ranks.append(
                DistrictRank(
                    rank: 0, directiveID: try directive.requireID(), unitID: directive.unitID, unitName: name,
                    dissolved: progress.dissolved, total: progress.total, deadline: deadline,
                    completedOn: progress.completedOn, status: progress.status))
        }
        ranks.sort {
            Directives.ranksBefore(
                ($0.completedOn, $0.dissolved, $0.total), ($1.completedOn, $1.dissolved, $1.total),
                tieBreak: VietnameseText.sortKey($0.unitName) < VietnameseText.sortKey($1.unitName))
        }
        for index in ranks.indices { ranks[index].rank = index + 1 }
        return ranks
    }

    /// Each commune's decisions in the plan in force on the day: the latest approved by then (its decision date),
    /// else the latest made by then (rules.md R26: plan state on D).
    /// Each commune's plan in force on the day: who goes where, and the posts that plan exempts from placement.
    func plansInForce(units: [UUID], communes: Set<UUID>, on date: CivilDate) async throws
        -> [UUID: (decisions: [PlanOutline.Decision], exempt: Set<PostKind>)]
    {
        var records: [PlacementPlanRecord] = []
        for chunk in units.chunked(10_000) {
            records += try await PlacementPlanRecord.query(on: db).filter(\.$unitID ~~ chunk).all()
        }
        var best: [UUID: (key: (Int, String), decisions: [PlanOutline.Decision], exempt: Set<PostKind>)] = [:]
        for record in records {
            let made = CivilDate.today(now: record.createdAt)
            let decided = try record.date(\.$decisionDate).flatMap { $0 <= date ? $0 : nil }
            // A plan approved by the day counts whenever it was drafted; a draft counts once made.
            guard decided != nil || made <= date else { continue }
            // Approved by the day ranks above any draft; then the later decision or creation.
            let created = String(format: "%020.6f", record.createdAt.timeIntervalSince1970)
            let key = decided.map { (1, $0.iso + created) } ?? (0, created)
            let communesOfPlan = try Self.stored([PlanOutline].self, record.proposal, column: "proposal")
            let exempt = Set(try Self.stored(SettingsOutline.self, record.settings, column: "settings").exemptPosts)
            for plan in communesOfPlan where communes.contains(plan.communeID) {
                if let known = best[plan.communeID], known.key >= key { continue }
                best[plan.communeID] = (key, plan.proposal.decisions, exempt)
            }
        }
        return best.mapValues { ($0.decisions, $0.exempt) }
    }

    /// A plan's stored JSON, decoded strictly: text that does not decode is corrupt data, not a plan to skip.
    static func stored<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError.corrupt(
                table: PlacementPlanRecord.schema, column: column, value: String(text.prefix(80)))
        }
    }

    /// Only the exempt posts of a stored `PlacementSettings`.
    struct SettingsOutline: Decodable {
        var exemptPosts: [PostKind]
    }

    /// Only what the dashboard needs of a stored `CommunePlan`: who goes where (decoding the rest costs time).
    struct PlanOutline: Decodable {
        struct Proposal: Decodable {
            var decisions: [Decision]
        }

        struct Decision: Decodable {
            var memberID: UUID
            var toCellID: UUID
        }

        var communeID: UUID
        var proposal: Proposal
    }
}
