import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// Imports members, households, villages, party organisations or posts from a table (CSV or XLSX) through a column
/// mapping: every bad row is reported with its line and field, possible duplicates must be confirmed, and the write is
/// all-or-nothing in one transaction (rules.md R25, R27, R28). A dry run checks everything and writes nothing.
public struct SpreadsheetImport: Sendable {
    let db: any Database
    /// Where rows may go: cells (members) and villages (households) outside it are errors.
    let scope: AccessScope
    /// The poverty standards a household's year is checked against (rules.md R25).
    let standards: [PovertyStandard]

    public init(db: any Database, scope: AccessScope, standards: [PovertyStandard] = PovertyStandard.all) {
        self.db = db
        self.scope = scope
        self.standards = standards
    }

    /// Checks the table and, unless `dryRun` or something stops it, writes it.
    /// Possible duplicates stop the write unless `confirmDuplicates`. A check of members compares their citizen IDs,
    /// card numbers, names and birth dates with every member registered, so each one is audited as done by `actor`
    /// in `unit` (the unit imported into); a match outside the scope says only "elsewhere" (issue 21).
    public func run(
        _ table: ImportTable, kind: ImportKind, mapping: ColumnMapping, today: CivilDate, dryRun: Bool,
        confirmDuplicates: Bool = false, actor: Actor = .system, unit: UUID? = nil
    ) async throws -> ImportReport {
        let mappingIssues = mapping.issues(kind: kind, header: table.header, headerLine: table.headerLine)
        guard mappingIssues.isEmpty else {
            return ImportReport(
                kind: kind, rows: table.rows.count, valid: 0, errors: mappingIssues, duplicates: [], written: false)
        }
        switch kind {
        case .members:
            return try await members(
                table, mapping: mapping, today: today, dryRun: dryRun, confirm: confirmDuplicates,
                by: (actor: actor, unit: unit))
        case .households:
            return try await households(
                table, mapping: mapping, dryRun: dryRun, confirm: confirmDuplicates, actor: actor)
        case .villages:
            return try await villages(table, mapping: mapping, today: today, dryRun: dryRun, actor: actor)
        case .organisations:
            return try await organisations(table, mapping: mapping, today: today, dryRun: dryRun, actor: actor)
        case .posts:
            return try await posts(table, mapping: mapping, dryRun: dryRun, actor: actor)
        }
    }

    private func members(
        _ table: ImportTable, mapping: ColumnMapping, today: CivilDate, dryRun: Bool, confirm: Bool,
        by who: (actor: Actor, unit: UUID?)
    ) async throws -> ImportReport {
        var drafts: [MemberDraft] = []
        var lines: [Int] = []
        var issues: [InputIssue] = []
        var badLines: Set<Int> = []
        let writer = DatasetWriter(db: db, scope: scope)
        for (line, result) in await Self.parseMembers(table.rows, mapping: mapping, today: today) {
            switch result {
            case .success(let draft):
                drafts.append(draft)
                lines.append(line)
            case .failure(let error):
                issues += error.issues
                badLines.insert(line)
            }
        }
        // Rows whose cell is outside the scope are the writer's issues (`DatasetWriter.scopeIssues`).
        // What the rows are checked against: the cells, posts' organisations and villages they name, and the stored
        // members that share a key with a row (for the writer's checks and the duplicate check).
        let codes = try await writer.stored(OrganisationDataset(members: drafts), on: today)
        // The duplicate check runs while the writer checks the rows against the database; the write waits for both.
        let (rows, rowLines) = (drafts, lines)
        async let duplicateCheck = DuplicateCheck.members(rows, lines: rowLines, stored: codes.people)
        var plan: WritePlan?
        do {
            plan = try writer.plan(
                OrganisationDataset(members: rows), memberLines: rowLines, inputIssues: issues, stored: codes)
        } catch let error as InputError {
            issues = error.issues
        }
        let duplicates = await duplicateCheck
        try await auditCheck(
            zip(rowLines, rows).map { (line: $0, draft: $1) }, rows: table.rows.count, stored: codes,
            dryRun: dryRun, by: who)
        let writes = plan != nil && !dryRun && (duplicates.isEmpty || confirm)
        if writes, let plan { try await writer.apply(plan, actor: who.actor) }
        let errors = Self.ordered(issues)
        badLines.formUnion(errors.compactMap(\.line))
        return ImportReport(
            kind: .members, rows: table.rows.count, valid: table.rows.filter { !badLines.contains($0.line) }.count,
            errors: errors, duplicates: duplicates, written: writes && errors.isEmpty)
    }

    /// Each row parsed into a member or its issues, in row order. Large tables are parsed in parts at once, one
    /// per core, each with its own key cache: parsing was a fifth of a 60,000-row import (bench/scale).
    static func parseMembers(_ rows: [ImportTable.Row], mapping: ColumnMapping, today: CivilDate) async
        -> [(line: Int, result: Result<MemberDraft, InputError>)]
    {
        let parts = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 2_000))
        let size = (rows.count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [(line: Int, result: Result<MemberDraft, InputError>)]).self) { group in
            for part in 0..<parts {
                let slice = rows[Swift.min(part * size, rows.count)..<Swift.min((part + 1) * size, rows.count)]
                group.addTask {
                    var keys = VietnameseText.KeyCache()
                    return (
                        part,
                        slice.map { row in
                            (
                                row.line,
                                MemberCSVFormat.parse(
                                    row: mapping.values(of: row), line: row.line, today: today, keys: &keys)
                            )
                        }
                    )
                }
            }
            var results = Array(repeating: [(line: Int, result: Result<MemberDraft, InputError>)](), count: parts)
            for await (part, parsed) in group { results[part] = parsed }
            return results.flatMap { $0 }
        }
    }

    private func households(
        _ table: ImportTable, mapping: ColumnMapping, dryRun: Bool, confirm: Bool, actor: Actor
    ) async throws -> ImportReport {
        var rows: [HouseholdImportRow] = []
        var lines: [Int] = []
        var issues: [InputIssue] = []
        for row in table.rows {
            switch HouseholdImportFormat.parse(row: mapping.values(of: row), line: row.line, standards: standards) {
            case .success(let household):
                rows.append(household)
                lines.append(row.line)
            case .failure(let error):
                issues += error.issues
            }
        }
        let villages = try await openVillages(codes: Array(Set(rows.map(\.villageCode))))
        for (index, row) in rows.enumerated() {
            if let village = villages[row.villageCode] {
                if !scope.contains(unit: village) {
                    issues.append(
                        InputIssue(
                            line: lines[index], field: "village_code",
                            vi: "Thôn \(row.villageCode) không thuộc đơn vị bạn được quản lý.",
                            en: "The village \(row.villageCode) is outside the units you may manage."))
                }
            } else {
                issues.append(
                    InputIssue(
                        line: lines[index], field: "village_code", vi: "Không có thôn mã \(row.villageCode).",
                        en: "No village has the code \(row.villageCode)."))
            }
        }
        // Only the villages in scope are compared: a warning must not tell whether another commune has a household.
        let stored = try await storedHouseholdKeys(in: villages.filter { scope.contains(unit: $0.value) })
        let duplicates = DuplicateCheck.households(rows, lines: lines, stored: stored)
        let errors = Self.ordered(issues)
        let badLines = Set(errors.compactMap(\.line))
        let writes = errors.isEmpty && !dryRun && (duplicates.isEmpty || confirm)
        if writes {
            try await write(rows, villages: villages, actor: actor)
        }
        return ImportReport(
            kind: .households, rows: table.rows.count,
            valid: table.rows.filter { !badLines.contains($0.line) }.count, errors: errors, duplicates: duplicates,
            written: writes)
    }

    /// The open villages with these codes, by code.
    private func openVillages(codes: [String]) async throws -> [String: UUID] {
        var villages: [String: UUID] = [:]
        for chunk in codes.chunked(500) {
            for unit in try await UnitRecord.query(on: db).filter(\.$code ~~ chunk).filter(\.$validUntil == nil).all()
            where try unit.decode(\.$kind, as: UnitKind.self) == .village {
                villages[unit.code] = unit.unitID
            }
        }
        return villages
    }

    /// The stored households of these villages as the duplicate check compares them: village code and folded name.
    private func storedHouseholdKeys(in villages: [String: UUID]) async throws -> Set<String> {
        var stored: Set<String> = []
        let codeOf = Dictionary(villages.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        let ids = Array(villages.values)
        for chunk in ids.chunked(500) {
            for record in try await HouseholdRecord.query(on: db).filter(\.$unitID ~~ chunk).field(\.$unitID)
                .field(\.$nameSearch).all()
            {
                if let code = codeOf[record.unitID] { stored.insert(code + "|" + record.nameSearch) }
            }
        }
        return stored
    }

    /// Inserts the households and their statuses in batches, with their audit entries, in one transaction.
    private func write(_ rows: [HouseholdImportRow], villages: [String: UUID], actor: Actor) async throws {
        var households: [HouseholdRecord] = []
        var statuses: [HouseholdStatusRecord] = []
        var events: [AuditEvent] = []
        let now = Date()
        for row in rows {
            guard let village = villages[row.villageCode],
                let standard = PovertyStandard.inForce(year: row.year, in: standards)
            else { continue }
            let record = HouseholdRecord()
            record.id = UUID()
            record.unitID = village
            record.headName = row.headName
            record.nameSort = VietnameseText.personNameSortKey(row.headName)
            record.nameSearch = VietnameseText.searchKey(row.headName)
            record.size = row.size
            record.createdAt = now
            households.append(record)
            let status = HouseholdStatusRecord()
            status.id = UUID()
            status.householdID = try record.requireID()
            status.year = row.year
            status.standardID = standard.id
            status.status = row.status.rawValue
            statuses.append(status)
            events.append(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "household", entityID: record.id?.uuidString,
                    after: AuditTrail.json(row), requestID: actor.requestID, unitID: village))
        }
        let rows = (households: households, statuses: statuses, events: events)
        try await db.writeTransaction { db in
            try await rows.households.createInBatches(on: db, batchSize: 200)
            try await rows.statuses.createInBatches(on: db, batchSize: 200)
            try await AuditTrail(db: db, scope: .storageInternal).record(rows.events)
        }
    }

    /// Issues by line, keeping the order found within a line.
    static func ordered(_ issues: [InputIssue]) -> [InputIssue] {
        issues.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }
}
