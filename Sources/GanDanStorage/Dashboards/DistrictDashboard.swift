import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// Where a commune (or a district) stands against its directive's deadline on a day (rules.md A1).
public enum DeadlineStatus: String, Codable, Sendable, CaseIterable {
    /// Every agency cell dissolved, the last one by the deadline.
    case onTime
    /// Every agency cell dissolved, the last one after the deadline.
    case late
    /// Not finished, the deadline still ahead.
    case open
    /// Not finished and the deadline passed.
    case overdue
    /// No agency cell to dissolve under a directive.
    case notPlanned

    static func of(total: Int, completedOn: CivilDate?, deadline: CivilDate?, on date: CivilDate) -> DeadlineStatus {
        guard total > 0, let deadline else { return .notPlanned }
        if let completedOn { return completedOn <= deadline ? .onTime : .late }
        return date > deadline ? .overdue : .open
    }
}

/// The members behind a figure of the district dashboard.
public enum PlacementFigure: String, Codable, Sendable, CaseIterable {
    /// On an agency cell's roll at some day between the plan and the day asked (rules.md A1, A2).
    case toMove
    /// Of those, out of the agency cell and on a village cell's roll on the day (rules.md R13).
    case moved
    case leadersToMove
    case leadersMoved
    /// Members of the plan in force on the day who are in the cell the plan put them in.
    case placed
    /// Members of the plan in force on the day.
    case planned
}

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

    func compute(unit: UUID, on date: CivilDate) async throws -> Computed? {
        guard scope.contains(unit: unit) else { return nil }
        let path = try await OrganisationTree(db: db, scope: .storageInternal).path(to: unit, on: date)
        guard let top = path.first, path.last?.id == unit,
            let tree = try await DashboardTree.load(root: unit, on: date, db: db),
            let root = tree.units[unit]
        else { return nil }
        let districtAbove = path.first { $0.kind.level == 2 }?.name

        // The communes under the unit on the day.
        let communes = tree.units.values.filter {
            UnitKind(rawValue: $0.kind)?.level == 3 && scope.contains(unit: $0.unitID)
        }
        .sorted { ($0.nameSort, $0.code) < ($1.nameSort, $1.code) }
        let communeIDs = Set(communes.map(\.unitID))
        var rows = Dictionary(
            uniqueKeysWithValues: communes.map { commune in
                (
                    commune.unitID,
                    CommuneProgress(
                        communeID: commune.unitID, communeName: commune.name,
                        districtName: tree.ancestor(of: commune.unitID, level: 2).flatMap { tree.units[$0]?.name }
                            ?? districtAbove)
                )
            })

        // Directives and their cells (small tables), planned by the day.
        let directives = try await DirectiveRecord.query(on: db).all()
        let directiveByID = try Dictionary(
            directives.map { (try $0.requireID(), $0) }, uniquingKeysWith: { first, _ in first })
        let dissolutions = try await DissolutionRecord.query(on: db).filter(\.$plannedOn <= date.iso).all()
            .filter { directiveByID[$0.directiveID] != nil }
        let agencyRecords =
            try await dissolutions.isEmpty
            ? [] : OrganisationRecord.query(on: db).filter(\.$id ~~ dissolutions.map(\.organisationID)).all()
        let agencyUnit = try Dictionary(
            agencyRecords.map { (try $0.requireID(), $0.unitID) }, uniquingKeysWith: { first, _ in first })
        var rowsOfCommune: [UUID: [DissolutionRecord]] = [:]
        for row in dissolutions {
            guard let unitID = agencyUnit[row.organisationID], let commune = tree.commune(of: unitID),
                communeIDs.contains(commune)
            else { continue }
            rowsOfCommune[commune, default: []].append(row)
        }
        for (commune, cells) in rowsOfCommune {
            let directive = cells.compactMap { directiveByID[$0.directiveID] }.max { $0.deadline < $1.deadline }
            let dissolvedDays = cells.compactMap { $0.dissolvedOn.flatMap(CivilDate.init) }.filter { $0 <= date }
            rows[commune]?.directiveID = directive?.id
            rows[commune]?.deadline = directive.flatMap { CivilDate($0.deadline) }
            rows[commune]?.agencyCells = cells.count
            rows[commune]?.dissolved = dissolvedDays.count
            rows[commune]?.completedOn = dissolvedDays.count == cells.count ? dissolvedDays.max() : nil
        }

        // Plans in force on the day, per commune.
        let plans = try await plansInForce(
            units: Array(tree.units.keys) + path.map(\.id), communes: communeIDs, on: date)

        // Agency members: on the roll at some day between the plan and the day asked.
        let plannedOn = Dictionary(
            dissolutions.map { ($0.organisationID, $0.plannedOn) }, uniquingKeysWith: { first, _ in first })
        let relevantCells = rowsOfCommune.values.flatMap { $0.map(\.organisationID) }
        var agencyStay: [UUID: (commune: UUID, until: CivilDate?)] = [:]
        for chunk in relevantCells.chunked(10_000) {
            for membership in try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$kind == MembershipKind.official.rawValue).filter(\.$validFrom <= date.iso).all()
            {
                guard let planned = plannedOn[membership.organisationID],
                    membership.validUntil.map({ $0 > planned }) ?? true,
                    let unitID = agencyUnit[membership.organisationID], let commune = tree.commune(of: unitID)
                else { continue }
                let until = membership.validUntil.flatMap(CivilDate.init)
                if let known = agencyStay[membership.memberID],
                    known.until == nil || (until.map { $0 < known.until! } ?? false)
                {
                    continue
                }
                agencyStay[membership.memberID] = (commune, until)
            }
        }

        // Where every member concerned is on the day, and their posts.
        let concerned = Array(Set(agencyStay.keys).union(plans.values.flatMap { $0.map(\.memberID) }))
        var cellOnDay: [UUID: UUID] = [:]
        var leaderOn: [UUID: [(from: String, until: String?)]] = [:]
        for chunk in concerned.chunked(10_000) {
            for membership in try await MembershipRecord.query(on: db).filter(\.$memberID ~~ chunk)
                .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).all()
            {
                cellOnDay[membership.memberID] = membership.organisationID
            }
            for post in try await PostRecord.query(on: db).filter(\.$memberID ~~ chunk)
                .filter(\.$validFrom <= date.iso).all() where PostKind(rawValue: post.kind)?.isKeyLeader == true
            {
                leaderOn[post.memberID, default: []].append((post.validFrom, post.validUntil))
            }
        }
        func isLeader(_ member: UUID, on day: CivilDate) -> Bool {
            (leaderOn[member] ?? []).contains { $0.from <= day.iso && ($0.until.map { $0 > day.iso } ?? true) }
        }

        // Village cells on the day and their latest ratings.
        let villageCells = tree.organisations.values.filter {
            $0.kind == OrganisationKind.villageCell.rawValue
                && tree.commune(of: $0.unitID).map { communeIDs.contains($0) } == true
        }
        let ratings = try await DashboardRatings.latest(of: villageCells.map { try $0.requireID() }, on: date, db: db)
        var villageCommune: [UUID: UUID] = [:]
        for cell in villageCells {
            guard let commune = tree.commune(of: cell.unitID), communeIDs.contains(commune) else { continue }
            villageCommune[try cell.requireID()] = commune
            rows[commune]?.villageCells += 1
            if ratings[try cell.requireID()]?.weak == true { rows[commune]?.weakCells += 1 }
        }

        var sets: [UUID: [PlacementFigure: Set<UUID>]] = [:]
        var received: [UUID: Set<UUID>] = [:]
        var withLeader: [UUID: Set<UUID>] = [:]
        for (member, stay) in agencyStay {
            // A key leader on their last day in the agency cell, or on the day asked while still there.
            let lastDay = stay.until.map { Swift.min(date, $0.adding(days: -1)) } ?? date
            let leader = isLeader(member, on: lastDay)
            sets[stay.commune, default: [:]][.toMove, default: []].insert(member)
            if leader { sets[stay.commune, default: [:]][.leadersToMove, default: []].insert(member) }
            guard let until = stay.until, until <= date, let cell = cellOnDay[member],
                villageCommune[cell] == stay.commune
            else { continue }
            sets[stay.commune, default: [:]][.moved, default: []].insert(member)
            received[stay.commune, default: []].insert(cell)
            if leader {
                sets[stay.commune, default: [:]][.leadersMoved, default: []].insert(member)
                withLeader[stay.commune, default: []].insert(cell)
            }
        }
        for (commune, decisions) in plans {
            for decision in decisions {
                sets[commune, default: [:]][.planned, default: []].insert(decision.memberID)
                if cellOnDay[decision.memberID] == decision.toCellID {
                    sets[commune, default: [:]][.placed, default: []].insert(decision.memberID)
                }
            }
        }
        for commune in communeIDs {
            let figures = sets[commune] ?? [:]
            rows[commune]?.membersToMove = figures[.toMove]?.count ?? 0
            rows[commune]?.membersMoved = figures[.moved]?.count ?? 0
            rows[commune]?.leadersToMove = figures[.leadersToMove]?.count ?? 0
            rows[commune]?.leadersMoved = figures[.leadersMoved]?.count ?? 0
            rows[commune]?.planned = figures[.planned]?.count ?? 0
            rows[commune]?.placed = figures[.placed]?.count ?? 0
            rows[commune]?.villageCellsReceived = received[commune]?.count ?? 0
            let leaderCells = withLeader[commune] ?? []
            rows[commune]?.villageCellsWithLeader = leaderCells.count
            rows[commune]?.weakCellsWithLeader = leaderCells.filter { ratings[$0]?.weak == true }.count
            if let row = rows[commune] {
                rows[commune]?.status = DeadlineStatus.of(
                    total: row.agencyCells, completedOn: row.completedOn, deadline: row.deadline, on: date)
            }
        }
        let ordered = communes.compactMap { rows[$0.unitID] }
        let totals = Self.totals(ordered, unit: root, on: date)
        let ranked = try await directiveUnits(directives, in: top.id, on: date)
        let ranking = try Self.ranking(directives: directives, dissolutions: dissolutions, units: ranked, on: date)
        return Computed(
            report: DistrictDashboardReport(
                unitID: unit, unitCode: root.code, unitKind: try root.decode(\.$kind, as: UnitKind.self),
                unitName: root.name, asOf: date, communes: ordered, totals: totals, ranking: ranking),
            members: sets)
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
            guard let name = units[directive.unitID], let deadline = CivilDate(directive.deadline),
                let cells = cellsOf[try directive.requireID()], !cells.isEmpty
            else { continue }
            let days = cells.compactMap { $0.dissolvedOn.flatMap(CivilDate.init) }.filter { $0 <= date }
            let completedOn = days.count == cells.count ? days.max() : nil
            ranks.append(
                DistrictRank(
                    rank: 0, directiveID: try directive.requireID(), unitID: directive.unitID, unitName: name,
                    dissolved: days.count, total: cells.count, deadline: deadline, completedOn: completedOn,
                    status: DeadlineStatus.of(
                        total: cells.count, completedOn: completedOn, deadline: deadline, on: date)
                ))
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
    func plansInForce(units: [UUID], communes: Set<UUID>, on date: CivilDate) async throws
        -> [UUID: [PlanOutline.Decision]]
    {
        var records: [PlacementPlanRecord] = []
        for chunk in units.chunked(10_000) {
            records += try await PlacementPlanRecord.query(on: db).filter(\.$unitID ~~ chunk).all()
        }
        var best: [UUID: (key: (Int, String), decisions: [PlanOutline.Decision])] = [:]
        for record in records {
            let made = CivilDate.today(now: record.createdAt)
            let decided = record.decisionDate.flatMap(CivilDate.init).flatMap { $0 <= date ? $0 : nil }
            // A plan approved by the day counts whenever it was drafted; a draft counts once made.
            guard decided != nil || made <= date else { continue }
            // Approved by the day ranks above any draft; then the later decision or creation.
            let created = String(format: "%020.6f", record.createdAt.timeIntervalSince1970)
            let key = decided.map { (1, $0.iso + created) } ?? (0, created)
            guard let communesOfPlan = try? JSONDecoder().decode([PlanOutline].self, from: Data(record.proposal.utf8))
            else { continue }
            for plan in communesOfPlan where communes.contains(plan.communeID) {
                if let known = best[plan.communeID], known.key >= key { continue }
                best[plan.communeID] = (key, plan.proposal.decisions)
            }
        }
        return best.mapValues(\.decisions)
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
