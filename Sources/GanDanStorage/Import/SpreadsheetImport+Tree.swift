import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

extension SpreadsheetImport {
    /// Villages under stored communes in the scope, read by the district folder's parser (rules.md R27). A code
    /// already stored with the same profile is left as it is; with another profile it is a new version of the village
    /// from the file's date, which must come after the stored version's (rules.md R26).
    func villages(_ table: ImportTable, mapping: ColumnMapping, today: CivilDate, dryRun: Bool, actor: Actor)
        async throws -> ImportReport
    {
        let (rows, issues) = Self.parse(table, mapping: mapping, DistrictRows.village)
        let dataset = OrganisationDataset(units: rows.map(\.value))
        let lines = Dictionary(rows.map { ($0.value.code, $0.line) }, uniquingKeysWith: { first, _ in first })
        return try await writeTree(
            dataset, kind: .villages, table: table, issues: issues, lines: lines, today: today, dryRun: dryRun,
            actor: actor
        ) { issue in
            Self.placed(
                issue, prefix: "unit ", lines: lines, columns: ["code": "local_code", "parent_code": "commune_code"])
        }
    }

    /// Party organisations whose unit and parent committee are stored in the scope or come earlier in the same file
    /// (rules.md R1, R26).
    func organisations(_ table: ImportTable, mapping: ColumnMapping, today: CivilDate, dryRun: Bool, actor: Actor)
        async throws -> ImportReport
    {
        let (rows, issues) = Self.parse(table, mapping: mapping, DistrictRows.organisation)
        let dataset = OrganisationDataset(organisations: rows.map(\.value))
        let lines = Dictionary(rows.map { ($0.value.code, $0.line) }, uniquingKeysWith: { first, _ in first })
        return try await writeTree(
            dataset, kind: .organisations, table: table, issues: issues, lines: lines, today: today, dryRun: dryRun,
            actor: actor
        ) { issue in
            Self.placed(issue, prefix: "organisation ", lines: lines, columns: [:])
        }
    }

    /// Checks `dataset` with the dataset writer (codes, parents, scope) and the dates against the stored tree, then
    /// writes it in one transaction with its audit entries unless `dryRun` or any issue. `place` gives the writer's
    /// issues, which name a record, the line and column of the file.
    private func writeTree(
        _ dataset: OrganisationDataset, kind: ImportKind, table: ImportTable, issues parseIssues: [InputIssue],
        lines: [String: Int], today: CivilDate, dryRun: Bool, actor: Actor, place: (InputIssue) -> InputIssue
    ) async throws -> ImportReport {
        let writer = DatasetWriter(db: db, scope: scope)
        let stored = try await writer.storedTree()
        var issues = parseIssues + TreeImportDates(stored: stored).issues(dataset, lines: lines)
        var plan: WritePlan?
        do {
            plan = try writer.plan(dataset, memberLines: nil, inputIssues: issues, stored: stored)
        } catch let error as InputError {
            issues = error.issues.map(place)
        }
        let errors = Self.ordered(issues)
        let writes = plan != nil && errors.isEmpty && !dryRun
        if writes, let plan { try await writer.apply(plan, actor: actor) }
        let badLines = Set(errors.compactMap(\.line))
        return ImportReport(
            kind: kind, rows: table.rows.count, valid: table.rows.filter { !badLines.contains($0.line) }.count,
            errors: errors, duplicates: [], written: writes)
    }

    /// Each row parsed with a district folder's parser, with its line; the rows that fail give their issues.
    static func parse<T>(
        _ table: ImportTable, mapping: ColumnMapping, _ parse: ([String: String], Int) -> Result<T, InputError>
    ) -> (rows: [(line: Int, value: T)], issues: [InputIssue]) {
        var rows: [(line: Int, value: T)] = []
        var issues: [InputIssue] = []
        for row in table.rows {
            switch parse(mapping.values(of: row), row.line) {
            case .success(let value): rows.append((row.line, value))
            case .failure(let error): issues += error.issues
            }
        }
        return (rows, issues)
    }

    /// An issue of the dataset writer, which names a record (`unit 00001.03`) and the column at fault in the units and
    /// organisations files' words, given that record's line and the column's name in this file (`columns`, where it
    /// differs); issues that already have a line are kept as they are.
    static func placed(_ issue: InputIssue, prefix: String, lines: [String: Int], columns: [String: String])
        -> InputIssue
    {
        guard issue.line == nil, let field = issue.field, field.hasPrefix(prefix) else { return issue }
        var placed = issue
        placed.line = lines[String(field.dropFirst(prefix.count))]
        placed.field = issue.column.map { columns[$0] ?? $0 } ?? field
        return placed
    }
}
