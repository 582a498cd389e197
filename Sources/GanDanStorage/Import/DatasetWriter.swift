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
            stored: await stored(members: !dataset.members.isEmpty, on: CivilDate.today()))
    }

    /// What a plan checks a dataset against: the open units, every organisation and, with `members`, the citizen
    /// IDs, card numbers and people already registered, those of members outside the scope on `date` marked as
    /// elsewhere. An import reads it while it parses its rows.
    func stored(members: Bool, on date: CivilDate) async throws -> StoredCodes {
        let openUnits = try await UnitRecord.query(on: db).filter(\.$validUntil == nil).all()
        let organisations = try await OrganisationRecord.query(on: db).all()
        var stored = StoredCodes(openUnits: openUnits, organisations: organisations)
        if members {
            // One read of the members for both the writer's checks and the import's duplicate check.
            let rows = try await MemberRecord.query(on: db).field(\.$id).field(\.$citizenID).field(\.$cardNumber)
                .field(\.$nameSearch).field(\.$birthDate).all()
            let inside = try await membersInScope(on: date)
            stored.people.reserveCapacity(rows.count)
            for row in rows {
                let elsewhere = try inside.map { !$0.contains(try row.requireID()) } ?? false
                if let id = row.citizenID {
                    stored.citizenIDs.insert(id)
                    if elsewhere { stored.citizenIDsElsewhere.insert(id) }
                }
                if let card = row.cardNumber {
                    stored.cardNumbers.insert(card)
                    if elsewhere { stored.cardNumbersElsewhere.insert(card) }
                }
                stored.people.append(
                    DuplicateCheck.StoredPerson(
                        key: row.nameSearch + "|" + row.birthDate, citizenID: row.citizenID, elsewhere: elsewhere))
            }
        }
        return stored
    }

    /// The members on a roll (official or temporary) of an organisation in the scope on `date`; nil without a limit.
    func membersInScope(on date: CivilDate) async throws -> Set<UUID>? {
        guard let organisations = scope.organisationFilter else { return nil }
        var members: Set<UUID> = []
        for start in stride(from: 0, to: organisations.count, by: 1000) {
            let chunk = Array(organisations[start..<min(start + 1000, organisations.count)])
            members.formUnion(
                try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                    .filter(\.$kind ~~ [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue])
                    .inForce(on: date).field(\.$memberID).all().map(\.memberID))
        }
        return members
    }

}
