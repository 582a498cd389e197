import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// The part of the tree a dashboard reads, as it stood on one day (rules.md R26): the units under a unit with their
/// names then, read level by level (one query per level, never per unit), and the party organisations on them.
struct DashboardTree {
    /// The units of the subtree in force on the day, by stable id, the root included.
    var units: [UUID: UnitRecord]
    /// Organisations attached to those units in force on the day, by id.
    var organisations: [UUID: OrganisationRecord]
    /// The kind of each unit, decoded strictly when read: an unknown kind is corrupt data.
    var kinds: [UUID: UnitKind]

    /// Reads the subtree of `root` on `date`; nil when the root did not exist that day.
    static func load(root: UUID, on date: CivilDate, db: any Database, organisations: Bool = true) async throws
        -> DashboardTree?
    {
        guard let rootRecord = try await UnitRecord.query(on: db).filter(\.$unitID == root).inForce(on: date).first()
        else { return nil }
        var units = [root: rootRecord]
        var frontier = [root]
        while !frontier.isEmpty, units.count < 1_000_000 {
            var next: [UUID] = []
            for chunk in frontier.chunked(10_000) {
                for record in try await UnitRecord.query(on: db).filter(\.$parentUnitID ~~ chunk).inForce(on: date)
                    .all() where units[record.unitID] == nil
                {
                    units[record.unitID] = record
                    next.append(record.unitID)
                }
            }
            frontier = next
        }
        var byID: [UUID: OrganisationRecord] = [:]
        if organisations {
            // Where each sat on the day, a later restructure or move notwithstanding (rules.md R26).
            for chunk in Array(units.keys).chunked(10_000) {
                for record in try await OrganisationPlacements(db: db).at(units: chunk, on: date) {
                    byID[try record.requireID()] = record
                }
            }
        }
        let kinds = try units.mapValues { try $0.decode(\.$kind, as: UnitKind.self) }
        return DashboardTree(units: units, organisations: byID, kinds: kinds)
    }

    func kind(of unit: UUID) -> UnitKind? { kinds[unit] }

    /// The commune-level unit a unit of the subtree lies in (itself for a commune), if any.
    func commune(of unit: UUID) -> UUID? {
        var current: UUID? = unit
        var steps = 0
        while let id = current, let record = units[id], steps < 16 {
            if kinds[id]?.level == 3 { return id }
            current = record.parentUnitID
            steps += 1
        }
        return nil
    }

    /// The unit of `level` above (or at) `unit` within the subtree.
    func ancestor(of unit: UUID, level: Int) -> UUID? {
        var current: UUID? = unit
        var steps = 0
        while let id = current, let record = units[id], steps < 16 {
            if kinds[id]?.level == level { return id }
            current = record.parentUnitID
            steps += 1
        }
        return nil
    }
}

/// The latest yearly rating of each cell that was made by a day (rules.md R18, R26).
///
/// A year's rating is made on 31 December (`RatingPeriod.year`), so on any earlier day the previous year's is the
/// latest one.
enum DashboardRatings {
    static func latest(of cells: [UUID], on date: CivilDate, db: any Database) async throws -> [UUID: CellRating] {
        let lastYear = CellRating.lastRatedYear(on: date)
        var latest: [UUID: CellRating] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await CellRatingRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$year <= lastYear).sort(\.$year).all()
            {
                latest[record.organisationID] = try CellRating(record)
            }
        }
        return latest
    }
}

extension Database {
    /// The SQL view of the database; every supported engine has one.
    func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
        return sql
    }
}
