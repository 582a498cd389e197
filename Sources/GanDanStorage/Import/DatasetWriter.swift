import FluentKit
import Foundation
import GanDanCore

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
/// in one transaction; any problem writes nothing and names the line or record.
public struct DatasetWriter: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// Checks `dataset` against itself and the database, then writes it unless `dryRun`.
    /// `memberLines` names each member's input line in messages; `inputIssues` are problems already found
    /// while reading the input, reported together with the rest.
    public func write(
        _ dataset: OrganisationDataset, memberLines: [Int]? = nil, inputIssues: [ImportIssue] = [],
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
            try await AuditTrail(db: db).record(events)
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

    /// Checks `dataset` against itself and the database: the plan of its write, or `StorageError.invalid` with every
    /// issue, `inputIssues` included.
    func plan(_ dataset: OrganisationDataset, memberLines: [Int]?, inputIssues: [ImportIssue]) async throws
        -> WritePlan
    {
        try plan(
            dataset, memberLines: memberLines, inputIssues: inputIssues,
            stored: await stored(members: !dataset.members.isEmpty))
    }

    /// What a plan checks a dataset against: the open units, every organisation and, with `members`, the citizen
    /// IDs, card numbers and people already registered. An import reads it while it parses its rows.
    func stored(members: Bool) async throws -> StoredCodes {
        let openUnits = try await UnitRecord.query(on: db).filter(\.$validUntil == nil).all()
        let organisations = try await OrganisationRecord.query(on: db).all()
        var stored = StoredCodes(openUnits: openUnits, organisations: organisations)
        if members {
            // One read of the members for both the writer's checks and the import's duplicate check.
            let rows = try await MemberRecord.query(on: db).field(\.$citizenID).field(\.$cardNumber)
                .field(\.$nameSearch).field(\.$birthDate).all()
            stored.citizenIDs = Set(rows.compactMap(\.citizenID))
            stored.cardNumbers = Set(rows.compactMap(\.cardNumber))
            stored.people = rows.map {
                DuplicateCheck.StoredPerson(key: $0.nameSearch + "|" + $0.birthDate, citizenID: $0.citizenID)
            }
        }
        return stored
    }

    /// `plan(_:memberLines:inputIssues:)` against codes read before.
    func plan(
        _ dataset: OrganisationDataset, memberLines: [Int]?, inputIssues: [ImportIssue], stored: StoredCodes
    ) throws -> WritePlan {
        let openUnits = stored.openUnits
        let codeOfUnit = Dictionary(openUnits.map { ($0.unitID, $0.code) }, uniquingKeysWith: { first, _ in first })
        let unitByCode = Dictionary(openUnits.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var known = KnownCodes()
        for unit in openUnits {
            known.units[unit.code] = (
                try unit.decode(\.$kind, as: UnitKind.self), unit.parentUnitID.flatMap { codeOfUnit[$0] }
            )
        }
        var issues = inputIssues
        var plan = WritePlan()
        var newUnits: [UnitDraft] = []
        for draft in dataset.units {
            guard let stored = unitByCode[draft.code] else {
                newUnits.append(draft)
                continue
            }
            let storedParent = stored.parentUnitID.flatMap { codeOfUnit[$0] }
            if stored.kind != draft.kind.rawValue {
                issues.append(
                    ImportIssue(
                        field: "unit \(draft.code)",
                        message: "is stored as a \(stored.kind), not a \(draft.kind.rawValue)"))
            } else if try stored.name == draft.name && storedParent == draft.parentCode
                && (UnitSnapshot(stored).profile == draft.profile || draft.profile == nil)
            {
                plan.summary.unitsUnchanged += 1
            } else if draft.validity.from.iso <= stored.validFrom {
                issues.append(
                    ImportIssue(
                        field: "unit \(draft.code)",
                        message:
                            "differs from the stored version valid from \(stored.validFrom); a change must start later")
                )
            } else {
                plan.changedUnits.append((stored, draft))
            }
        }
        issues += DatasetValidator.unitIssues(newUnits + plan.changedUnits.map(\.1), known: known)
        for unit in dataset.units { known.units[unit.code] = (unit.kind, unit.parentCode) }
        plan.newUnits = newUnits

        let organisations = stored.organisations
        let openOrganisations = organisations.filter { $0.validUntil == nil }
        known.organisations = Set(organisations.map(\.code))
        known.cellOrganisations = Set(
            openOrganisations.filter { OrganisationKind(rawValue: $0.kind)?.isCell == true }.map(\.code))
        var seenOrganisations: Set<String> = []
        for organisation in dataset.organisations {
            let field = "organisation \(organisation.code)"
            if known.organisations.contains(organisation.code) || !seenOrganisations.insert(organisation.code).inserted
            {
                issues.append(ImportIssue(field: field, message: "code already exists"))
            }
            if known.units[organisation.unitCode] == nil {
                issues.append(ImportIssue(field: field, message: "unit \(organisation.unitCode) does not exist"))
            }
            if organisation.name.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(ImportIssue(field: field, message: "name is empty"))
            }
        }
        let allOrganisationCodes = known.organisations.union(seenOrganisations)
        for organisation in dataset.organisations {
            if let parent = organisation.parentCode, !allOrganisationCodes.contains(parent) {
                issues.append(
                    ImportIssue(field: "organisation \(organisation.code)", message: "parent \(parent) does not exist"))
            }
        }
        known.organisations = allOrganisationCodes
        known.cellOrganisations.formUnion(dataset.organisations.filter(\.kind.isCell).map(\.code))

        if !dataset.members.isEmpty {
            known.citizenIDs = stored.citizenIDs
            known.cardNumbers = stored.cardNumbers
            issues += DatasetValidator.memberIssues(dataset.members, lines: memberLines, known: known)
        }
        guard issues.isEmpty else {
            let ordered = issues.enumerated().sorted {
                ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
            }
            throw StorageError.invalid(.invalid(ordered.map(\.element)))
        }

        plan.organisations = dataset.organisations
        plan.members = dataset.members
        plan.memberLines = memberLines
        plan.openUnitIDs = Dictionary(openUnits.map { ($0.code, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        plan.organisationIDs = try Dictionary(
            organisations.map { ($0.code, try $0.requireID()) }, uniquingKeysWith: { first, _ in first })
        plan.summary.unitsCreated = newUnits.count
        plan.summary.unitsChanged = plan.changedUnits.count
        plan.summary.organisations = dataset.organisations.count
        plan.summary.members = dataset.members.count
        return plan
    }
}

/// The stored rows a write plan is checked against (`DatasetWriter.stored(members:)`).
struct StoredCodes: Sendable {
    var openUnits: [UnitRecord]
    var organisations: [OrganisationRecord]
    var citizenIDs: Set<String> = []
    var cardNumbers: Set<String> = []
    /// The stored members as the duplicate check compares them (folded name and birth date, citizen ID).
    var people: [DuplicateCheck.StoredPerson] = []
}

/// The checked rows of a write, applied inside one transaction.
struct WritePlan: Sendable {
    var summary = DatasetWriteSummary()
    var newUnits: [UnitDraft] = []
    var changedUnits: [(UnitRecord, UnitDraft)] = []
    var organisations: [OrganisationDraft] = []
    var members: [MemberDraft] = []
    /// The input line of each member, when they came from a file.
    var memberLines: [Int]?
    var openUnitIDs: [String: UUID] = [:]
    var organisationIDs: [String: UUID] = [:]
    var organisationUnits: [String: UUID] = [:]

    /// Rows per INSERT: well under SQLite's limit on bound parameters.
    static let batchSize = 200
    /// Members whose rows are built while the database writes the chunks before: two of SQLite's largest member
    /// statements (`SQLiteBulkStatements`, 2,000 rows of 16 values).
    static let memberChunk = 4_000

    /// Writes the rows and returns the audit entries that record them.
    func apply(on db: any Database, actor: Actor) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        func event(_ action: String, _ entity: String, _ id: UUID?, before: String? = nil, after: String?, unit: UUID?)
        {
            events.append(
                AuditEvent(
                    actor: actor.name, action: action, entity: entity, entityID: id?.uuidString, before: before,
                    after: after, requestID: actor.requestID, unitID: unit))
        }
        var unitIDs = openUnitIDs
        for draft in newUnits { unitIDs[draft.code] = UUID() }
        var unitRows: [UnitRecord] = []
        for (stored, draft) in changedUnits {
            event(
                "update", "unit", stored.unitID, before: AuditTrail.json(try UnitSnapshot(stored)),
                after: AuditTrail.json(draft), unit: stored.unitID)
            stored.validUntil = draft.validity.from.iso
            try await stored.update(on: db)
            unitRows.append(
                UnitRecord(draft, unitID: stored.unitID, parentID: draft.parentCode.flatMap { unitIDs[$0] }))
        }
        for draft in newUnits {
            unitRows.append(
                UnitRecord(draft, unitID: unitIDs[draft.code]!, parentID: draft.parentCode.flatMap { unitIDs[$0] }))
        }
        try await unitRows.createInBatches(on: db, batchSize: Self.batchSize)
        for draft in newUnits {
            event("create", "unit", unitIDs[draft.code], after: AuditTrail.json(draft), unit: unitIDs[draft.code])
        }

        var organisationIDs = self.organisationIDs
        for draft in organisations { organisationIDs[draft.code] = UUID() }
        var ratingRows: [CellRatingRecord] = []
        let organisationRows = try organisations.map { draft in
            let record = OrganisationRecord()
            record.id = organisationIDs[draft.code]
            record.code = draft.code
            record.kind = draft.kind.rawValue
            record.name = MemberValidation.normalisedName(draft.name)
            record.nameSort = VietnameseText.sortKey(record.name)
            record.nameSearch = VietnameseText.searchKey(record.name)
            record.unitID = unitIDs[draft.unitCode]!
            record.parentID = draft.parentCode.flatMap { organisationIDs[$0] }
            record.validFrom = draft.validity.from.iso
            record.validUntil = draft.validity.until?.iso
            for rating in draft.ratings {
                let row = CellRatingRecord()
                row.id = UUID()
                row.organisationID = try record.requireID()
                row.year = rating.year
                row.level = rating.level.rawValue
                row.weak = rating.weak
                row.weakReason = rating.weakReason
                ratingRows.append(row)
            }
            return record
        }
        // Parents before children, level by level, so the foreign key on parent_id holds at every insert.
        let parentOf = Dictionary(
            organisations.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { first, _ in first })
        func depth(_ code: String) -> Int {
            var depth = 0
            var next = parentOf[code] ?? nil
            while let current = next, depth < 32 {
                depth += 1
                next = parentOf[current] ?? nil
            }
            return depth
        }
        let levels = Dictionary(grouping: organisationRows, by: { depth($0.code) })
        for level in levels.keys.sorted() {
            try await (levels[level] ?? []).createInBatches(on: db, batchSize: Self.batchSize)
        }
        try await ratingRows.createInBatches(on: db, batchSize: Self.batchSize)
        for draft in organisations {
            event(
                "create", "organisation", organisationIDs[draft.code], after: AuditTrail.json(draft),
                unit: unitIDs[draft.unitCode])
        }
        let unitOfOrganisation = Dictionary(
            organisationRows.map { ($0.code, $0.unitID) }, uniquingKeysWith: { first, _ in first })

        var created = MemberCreations()
        var keys = VietnameseText.KeyCache()
        var postRows: [PostRecord] = []
        var ids = RandomUUIDs()
        // Rows are built and made ready for the database a chunk at a time while the database writes the chunks
        // before (bench/scale): it works on its own thread (SQLite) or process (PostgreSQL), so building and writing
        // overlap. Each chunk's write starts when the one before has ended, members before their memberships; at most
        // two chunks wait, and every write is awaited before this returns (a failed one stops those after it).
        var writes: [Task<Void, any Error>] = []
        var start = 0
        while start < members.count {
            // A small first chunk, so the database starts early.
            let end = Swift.min(start + (start == 0 ? Self.memberChunk / 2 : Self.memberChunk), members.count)
            var memberRows = BulkRows.members()
            var membershipRows = BulkRows.memberships()
            memberRows.reserve(rows: end - start)
            membershipRows.reserve(rows: end - start)
            for index in start..<end {
                let draft = members[index]
                // Rows straight from the draft: a Fluent model per member cost more than the database (bench/scale).
                let memberID = ids.next()
                memberRows.appendMember(
                    draft, id: memberID, residenceUnitID: draft.residenceVillageCode.flatMap { unitIDs[$0] },
                    keys: &keys)
                created.add(
                    memberID, line: memberLines?[index], cell: draft.cellCode,
                    unit: unitOfOrganisation[draft.cellCode] ?? organisationUnits[draft.cellCode])
                let joined = draft.joinedCellOn.iso
                membershipRows.appendMembership(
                    id: ids.next(), member: memberID, organisation: organisationIDs[draft.cellCode]!, kind: .official,
                    from: joined)
                if let code = draft.temporaryCellCode {
                    membershipRows.appendMembership(
                        id: ids.next(), member: memberID, organisation: organisationIDs[code]!, kind: .temporary,
                        from: joined)
                }
                if let code = draft.residenceContactCellCode {
                    membershipRows.appendMembership(
                        id: ids.next(), member: memberID, organisation: organisationIDs[code]!,
                        kind: .residenceContact, from: joined)
                }
                for post in draft.posts {
                    let row = PostRecord()
                    row.id = UUID()
                    row.memberID = memberID
                    row.organisationID = organisationIDs[post.organisationCode]!
                    row.kind = post.kind.rawValue
                    row.validFrom = post.validity.from.iso
                    row.validUntil = post.validity.until?.iso
                    postRows.append(row)
                }
            }
            let ready = (members: memberRows.prepared(for: db), memberships: membershipRows.prepared(for: db))
            let previous = writes.last
            writes.append(
                Task {
                    try await previous?.value
                    try await ready.members.write(on: db)
                    try await ready.memberships.write(on: db)
                })
            if writes.count > 2 { try await writes[writes.count - 3].value }
            start = end
        }
        // The audit entries are encoded while the last chunks are written.
        events += created.events(actor: actor)
        try await writes.last?.value
        try await postRows.createInBatches(on: db, batchSize: Self.batchSize)
        return events
    }
}

extension UnitRecord {
    convenience init(_ draft: UnitDraft, unitID: UUID, parentID: UUID?) {
        self.init()
        id = UUID()
        self.unitID = unitID
        code = draft.code
        kind = draft.kind.rawValue
        name = MemberValidation.normalisedName(draft.name)
        nameSort = VietnameseText.sortKey(name)
        nameSearch = VietnameseText.searchKey(name)
        parentUnitID = parentID
        validFrom = draft.validity.from.iso
        validUntil = draft.validity.until?.iso
        apply(draft.profile)
    }
}

/// The members a write creates, grouped by cell: one audit entry per cell names its new members and their input
/// lines (rules.md R30), instead of one entry per member, so a 60,000-row import writes 1,500 entries, not 60,000.
private struct MemberCreations {
    struct Cell: Encodable {
        var cell: String
        var memberIDs: [String] = []
        var lines: [Int] = []

        enum CodingKeys: String, CodingKey {
            case cell
            case memberIDs = "member_ids"
            case lines
        }
    }

    private var cells: [String: Int] = [:]
    private var groups: [(unit: UUID?, cell: Cell)] = []

    mutating func add(_ id: UUID, line: Int?, cell code: String, unit: UUID?) {
        let index: Int
        if let known = cells[code] {
            index = known
        } else {
            index = groups.count
            cells[code] = index
            groups.append((unit, Cell(cell: code)))
        }
        groups[index].cell.memberIDs.append(id.upperCaseText)
        if let line { groups[index].cell.lines.append(line) }
    }

    /// One "create member" entry per cell, in the order the cells first appear.
    func events(actor: Actor) -> [AuditEvent] {
        groups.map { group in
            AuditEvent(
                actor: actor.name, action: "create", entity: "member",
                entityID: group.cell.memberIDs.count == 1 ? group.cell.memberIDs[0] : nil,
                after: AuditTrail.json(group.cell), requestID: actor.requestID, unitID: group.unit)
        }
    }
}
