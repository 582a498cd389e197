import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// What a unit list import did, or would do on a dry run.
public struct UnitListSummary: Codable, Sendable, Equatable {
    public var unitsCreated = 0
    /// Provinces that keep their identity and code but change their name from the list's date.
    public var unitsChanged = 0
    public var unitsUnchanged = 0
    /// Old units recorded as predecessors of the new ones.
    public var predecessors = 0
    public var dryRun = false

    public init() {}
}

/// Writes a list of units of a new structure (the 2025 two-level list) and its conversion from the old units:
/// all-or-nothing, audited, idempotent (rules.md R26).
///
/// A province keeps its identity when the list keeps its code (Tuyên Quang stays 08; a new name is a new version from
/// the list's date). Every commune, ward and special zone of the list is a new unit beginning on the list's date, even
/// when it takes the code of an old one (Nà Hang 02221 was the township's code): the old units are ended, and their
/// villages moved, by the restructure, which reads the stored conversion (`UnitSuccessions`). Until then an old and a
/// new unit may share a code after the list's date. A second import of the same list changes nothing; one that
/// differs from what the first stored is refused, naming the line and field.
public struct UnitListWriter: Sendable {
    let db: any Database
    /// The list is the whole tree's business: only an unrestricted scope may write it.
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Checks `list` against the database, then writes it in one transaction with its audit entries unless `dryRun`.
    public func write(_ list: UnitListFile, dryRun: Bool = false, actor: Actor = .system) async throws
        -> UnitListSummary
    {
        guard scope == .everything else {
            throw InputError.invalid(
                field: "scope", vi: "Danh sách tỉnh và xã do người quản trị hệ thống nhập, cho cả cây tổ chức.",
                en: "a list of provinces and communes is imported by the operator, for the whole tree")
        }
        let stored = try await UnitRecord.query(on: db).inForce(on: list.date).all()
        let successions = try await UnitSuccessionRecord.query(on: db).filter(\.$validFrom == list.date.iso).all()
        var plan = try UnitListPlan(list: list, stored: stored, storedSuccessions: successions)
        plan.summary.dryRun = dryRun
        if dryRun || plan.isEmpty { return plan.summary }
        let summary = plan.summary
        let planned = plan
        try await db.writeTransaction { db in
            let events = try await planned.apply(on: db, actor: actor)
            try await AuditTrail(db: db, scope: .storageInternal).record(events)
        }
        return summary
    }
}
