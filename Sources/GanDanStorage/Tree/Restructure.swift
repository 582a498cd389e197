import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// What a restructure did, or would do on a dry run: every change and every conflict, in both languages.
public struct RestructureReport: Codable, Sendable, Equatable {
    public var date: CivilDate
    public var dryRun = false
    /// The restructure had been applied already: nothing was written.
    public var alreadyApplied = false
    /// What the list import of the file did first (new units and their predecessors).
    public var units = UnitListSummary()
    public var changes: [BilingualText] = []
    /// Problems that stop the restructure: a village claimed twice, an old commune not covered, a cell left without
    /// a parent. Any conflict and nothing is written.
    public var conflicts: [InputIssue] = []
    public var districtsEnded = 0
    public var communesEnded = 0
    public var villagesMoved = 0
    public var committeesCreated = 0
    public var organisationsMoved = 0
    public var organisationsEnded = 0
    public var membershipsCarried = 0

    public init(date: CivilDate) { self.date = date }
}

/// Applies a new structure as one dated operation (issue 19, rules.md R26): the file's units are imported (if they
/// are not yet), then on its date the districts and the old communes end, villages move to their new commune keeping
/// their identity, each new commune gets one party committee succeeding the old ones, village cells follow with
/// their members, agency cells are merged or dissolved as the file says. All or nothing, audited; a second
/// application writes nothing; a dry run writes nothing and reports everything.
public struct Restructure: Sendable {
    let db: any Database
    /// A restructure is the whole tree's business: only an unrestricted scope may apply it.
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Carries the report of a dry run (or of a refused run) out of the transaction it rolls back.
    struct RolledBack: Error { let report: RestructureReport }

    /// Applies `list` on `date` (its own date), or reports what it would do when `dryRun`. Conflicts refuse the
    /// whole operation with an `InputError` listing them.
    public func apply(_ list: UnitListFile, on date: CivilDate, dryRun: Bool = false, actor: Actor = .system)
        async throws -> RestructureReport
    {
        guard scope == .everything else {
            throw InputError.invalid(
                field: "scope", vi: "Chỉ người quản trị toàn hệ thống mới được sắp xếp lại đơn vị hành chính.",
                en: "Only an administrator of the whole tree may restructure the units.")
        }
        guard date == list.date else {
            throw InputError.invalid(
                field: "date",
                vi: "Tệp ghi các đơn vị mới từ ngày \(list.date.vietnamese), không phải \(date.vietnamese).",
                en: "The file's new units begin on \(list.date.vietnamese), not \(date.vietnamese).")
        }
        let report: RestructureReport
        do {
            report = try await db.writeTransaction { db in
                var run = try await RestructureRun(db: db, list: list, date: date, actor: actor)
                try await run.perform()
                run.report.dryRun = dryRun
                if dryRun || !run.report.conflicts.isEmpty { throw RolledBack(report: run.report) }
                return run.report
            }
        } catch let rolledBack as RolledBack {
            report = rolledBack.report
        }
        if !dryRun && !report.conflicts.isEmpty { throw InputError.invalid(report.conflicts) }
        return report
    }
}
