import FluentKit
import Foundation
import GanDanCore

/// The stages of `DistrictDashboard.compute`: each loads the facts of one figure group as Core values, which the
/// Core rules (`DissolutionProgress`, `PlacementProgress`, `CellStanding`) turn into figures.
extension DistrictDashboard {
    /// The directives, their cells planned by the day, and the planned cells of each commune under the tree.
    struct DissolutionFacts {
        var directives: [DirectiveRecord]
        var dissolutions: [DissolutionRecord]
        var cellsOfCommune: [UUID: [DissolutionRecord]]
        /// The unit each planned agency cell belongs to.
        var agencyUnit: [UUID: UUID]
    }

    /// The village cells in force under the communes, with their commune and latest ratings.
    struct VillageFacts {
        /// The commune of each village cell, and the village cells of each commune.
        var commune: [UUID: UUID]
        var cellsOf: [UUID: [UUID]]
        var ratings: [UUID: CellRating]
    }

    /// One empty row per commune, with its district's name (or the name of the district above the unit).
    static func rows(_ communes: [UnitRecord], tree: DashboardTree, districtAbove: String?) -> [UUID: CommuneProgress] {
        Dictionary(
            uniqueKeysWithValues: communes.map { commune in
                (
                    commune.unitID,
                    CommuneProgress(
                        communeID: commune.unitID, communeName: commune.name,
                        districtName: tree.ancestor(of: commune.unitID, level: 2).flatMap { tree.units[$0]?.name }
                            ?? districtAbove)
                )
            })
    }

    /// Directives and their cells (small tables), planned by the day, grouped by the commune of each cell.
    func dissolutionFacts(tree: DashboardTree, communes: Set<UUID>, on date: CivilDate) async throws
        -> DissolutionFacts
    {
        let directives = try await DirectiveRecord.query(on: db).all()
        let directiveIDs = Set(try directives.map { try $0.requireID() })
        let dissolutions = try await DissolutionRecord.query(on: db).filter(\.$plannedOn <= date.iso).all()
            .filter { directiveIDs.contains($0.directiveID) }
        let agencyRecords =
            try await dissolutions.isEmpty
            ? [] : OrganisationRecord.query(on: db).filter(\.$id ~~ dissolutions.map(\.organisationID)).all()
        let agencyUnit = Dictionary(
            try agencyRecords.map { (try $0.requireID(), $0.unitID) }, uniquingKeysWith: { first, _ in first })
        var cellsOfCommune: [UUID: [DissolutionRecord]] = [:]
        for row in dissolutions {
            guard let unitID = agencyUnit[row.organisationID], let commune = tree.commune(of: unitID),
                communes.contains(commune)
            else { continue }
            cellsOfCommune[commune, default: []].append(row)
        }
        return DissolutionFacts(
            directives: directives, dissolutions: dissolutions, cellsOfCommune: cellsOfCommune, agencyUnit: agencyUnit)
    }

    /// Each commune's directive (the latest deadline among its cells') and how far its cells' dissolution has come.
    static func record(_ facts: DissolutionFacts, in rows: inout [UUID: CommuneProgress], on date: CivilDate) throws {
        let directiveByID = Dictionary(
            facts.directives.compactMap { record in record.id.map { ($0, record) } },
            uniquingKeysWith: { first, _ in first })
        for (commune, cells) in facts.cellsOfCommune {
            let directive = cells.compactMap { directiveByID[$0.directiveID] }.max { $0.deadline < $1.deadline }
            let deadline = try directive?.date(\.$deadline)
            let progress = DissolutionProgress(
                dissolvedOn: try cells.map { try $0.date(\.$dissolvedOn) }, deadline: deadline, on: date)
            rows[commune]?.directiveID = directive?.id
            rows[commune]?.deadline = deadline
            rows[commune]?.agencyCells = progress.total
            rows[commune]?.dissolved = progress.dissolved
            rows[commune]?.completedOn = progress.completedOn
        }
    }

    /// The official stays on the planned agency cells' rolls begun by the day, each with its commune and the day its
    /// cell was planned, handed to `PlacementProgress.departures` (rules.md A1, A2).
    func departures(_ facts: DissolutionFacts, tree: DashboardTree, on date: CivilDate) async throws
        -> [UUID: PlacementProgress.Departure]
    {
        let plannedOn = Dictionary(
            try facts.dissolutions.map { row in (row.organisationID, try row.date(\.$plannedOn)) },
            uniquingKeysWith: { first, _ in first })
        let relevantCells = facts.cellsOfCommune.values.flatMap { $0.map(\.organisationID) }
        var stays: [PlacementProgress.AgencyStay] = []
        for chunk in relevantCells.chunked(10_000) {
            for membership in try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$kind == MembershipKind.official.rawValue).filter(\.$validFrom <= date.iso).all()
            {
                guard let planned = plannedOn[membership.organisationID],
                    let unitID = facts.agencyUnit[membership.organisationID],
                    let commune = tree.commune(of: unitID)
                else { continue }
                stays.append(
                    PlacementProgress.AgencyStay(
                        memberID: membership.memberID, unitID: commune, plannedOn: planned,
                        from: try membership.date(\.$validFrom), until: try membership.date(\.$validUntil)))
            }
        }
        return PlacementProgress.departures(stays, on: date)
    }

    /// Where each member is on the day (official roll), and their posts begun by then.
    func whereabouts(of members: [UUID], on date: CivilDate) async throws
        -> (cellOnDay: [UUID: UUID], posts: [UUID: [PlacementProgress.Post]])
    {
        var cellOnDay: [UUID: UUID] = [:]
        var posts: [UUID: [PlacementProgress.Post]] = [:]
        for chunk in members.chunked(10_000) {
            for membership in try await MembershipRecord.query(on: db).filter(\.$memberID ~~ chunk)
                .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).all()
            {
                cellOnDay[membership.memberID] = membership.organisationID
            }
            for post in try await PostRecord.query(on: db).filter(\.$memberID ~~ chunk)
                .filter(\.$validFrom <= date.iso).all()
            {
                let kind = try post.decode(\.$kind, as: PostKind.self)
                posts[post.memberID, default: []].append(
                    PlacementProgress.Post(
                        kind: kind, from: try post.date(\.$validFrom), until: try post.date(\.$validUntil)))
            }
        }
        return (cellOnDay, posts)
    }

    /// The village cells in force on the day under the communes, and their latest ratings.
    func villageFacts(tree: DashboardTree, communes: Set<UUID>, on date: CivilDate) async throws -> VillageFacts {
        var communeOf: [UUID: UUID] = [:]
        var cellsOf: [UUID: [UUID]] = [:]
        for cell in tree.organisations.values where cell.kind == OrganisationKind.villageCell.rawValue {
            guard let commune = tree.commune(of: cell.unitID), communes.contains(commune) else { continue }
            let id = try cell.requireID()
            communeOf[id] = commune
            cellsOf[commune, default: []].append(id)
        }
        let ratings = try await DashboardRatings.latest(of: Array(communeOf.keys), on: date, db: db)
        return VillageFacts(commune: communeOf, cellsOf: cellsOf, ratings: ratings)
    }

    /// A commune's village-cell and placement figures from the Core rules.
    static func record(
        _ progress: PlacementProgress, _ village: VillageFacts, commune: UUID, in row: inout CommuneProgress,
        on date: CivilDate
    ) {
        let cells = village.cellsOf[commune] ?? []
        row.villageCells = cells.count
        row.weakCells = cells.filter { CellStanding.isWeak(village.ratings[$0]) }.count
        row.membersToMove = progress.count(.toMove, in: commune)
        row.membersMoved = progress.count(.moved, in: commune)
        row.leadersToMove = progress.count(.leadersToMove, in: commune)
        row.leadersMoved = progress.count(.leadersMoved, in: commune)
        row.planned = progress.count(.planned, in: commune)
        row.placed = progress.count(.placed, in: commune)
        row.villageCellsReceived = progress.cellsReceived[commune]?.count ?? 0
        let leaderCells = progress.cellsWithLeader[commune] ?? []
        row.villageCellsWithLeader = leaderCells.count
        row.weakCellsWithLeader = leaderCells.filter { CellStanding.isWeak(village.ratings[$0]) }.count
        row.status = DeadlineStatus.of(
            total: row.agencyCells, completedOn: row.completedOn, deadline: row.deadline, on: date)
    }
}
