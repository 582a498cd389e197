import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// What a dataset write did, or would do on a dry run.
public struct DatasetWriteSummary: Codable, Sendable, Equatable {
    public var unitsCreated = 0
    public var unitsChanged = 0
    public var unitsUnchanged = 0
    public var organisations = 0
    public var members = 0
    /// Meetings written with the demo's cell history (zero for imports).
    public var meetings = 0
    public var dryRun = false

    public init() {}
}

/// Writes units, organisations and members all-or-nothing: everything is checked first, then written
/// in one transaction; any problem writes nothing and names the line or record. Units, organisations and members
/// outside `scope` are such problems.
public struct DatasetWriter: Sendable {
    let db: any Database
    /// Where the dataset may write: a row that touches the tree outside it is an issue and nothing is written.
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Checks `dataset` against itself and the database, then writes it unless `dryRun`.
    /// `memberLines` names each member's input line in messages; `inputIssues` are problems already found
    /// while reading the input, reported together with the rest.
    public func write(
        _ dataset: OrganisationDataset, memberLines: [Int]? = nil, inputIssues: [InputIssue] = [],
        dryRun: Bool = false, actor: Actor = .system
    ) async throws -> DatasetWriteSummary {
        let plan = try await plan(dataset, memberLines: memberLines, inputIssues: inputIssues)
        var summary = plan.summary
        summary.dryRun = dryRun
        if dryRun { return summary }
        try await apply(plan, actor: actor)
        return summary
    }

    /// Writes a checked plan and its audit entries in one transaction.
    func apply(_ plan: WritePlan, actor: Actor) async throws {
        try await db.writeTransaction { db in
            let events = try await plan.apply(on: db, actor: actor)
            try await AuditTrail(db: db, scope: .storageInternal).record(events)
        }
    }

    /// Writes the members of a CSV file, reporting its unreadable rows together with every other problem.
    public func write(_ file: MemberCSVFile, dryRun: Bool = false, actor: Actor = .system) async throws
        -> DatasetWriteSummary
    {
        try await write(
            OrganisationDataset(members: file.members), memberLines: file.lines, inputIssues: file.issues,
            dryRun: dryRun, actor: actor)
    }

    /// Checks `dataset` against itself and the database: the plan of its write, or `InputError.invalid` with every
    /// issue, `inputIssues` included.
    func plan(_ dataset: OrganisationDataset, memberLines: [Int]?, inputIssues: [InputIssue]) async throws
        -> WritePlan
    {
        try plan(
            dataset, memberLines: memberLines, inputIssues: inputIssues,
            stored: await stored(dataset, on: CivilDate.today()))
    }

    /// What a plan checks `dataset` against: the open units and every organisation (only those its members name,
    /// when it brings members alone: `storedTree(for:)`) and the stored members that share a citizen ID, a card
    /// number or a folded name and birth date with one of its members (`storedMembers(matching:on:)`).
    func stored(_ dataset: OrganisationDataset, on date: CivilDate) async throws -> StoredCodes {
        var stored =
            dataset.units.isEmpty && dataset.organisations.isEmpty
            ? try await storedTree(for: dataset.members) : try await storedTree()
        try await storedMembers(matching: dataset.members, on: date, into: &stored)
        return stored
    }

    /// The open units and every organisation, without members: what a unit or organisation import is checked against.
    func storedTree() async throws -> StoredCodes {
        let openUnits = try await UnitRecord.query(on: db).filter(\.$validUntil == nil).all()
        let organisations = try await OrganisationRecord.query(on: db).all()
        return StoredCodes(openUnits: openUnits, organisations: organisations)
    }
}
