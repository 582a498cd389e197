import GanDanCore

/// Which source column fills each target field of an import: guessed from the header, corrected by a person
/// on the mapping page, or given to the CLI as a JSON file of field → column header.
public struct ColumnMapping: Sendable, Hashable, Codable {
    /// Field key → 0-based column index in the table.
    public var columns: [String: Int]

    public init(columns: [String: Int] = [:]) {
        self.columns = columns
    }

    /// Guesses the mapping from header names: a header matches a field when its folded text equals the field's
    /// key, label or one of its aliases. Each column fills at most one field; the first match wins.
    public static func guess(header: [String], kind: ImportKind) -> ColumnMapping {
        guess(header: header, fields: kind.fields)
    }

    /// `guess(header:kind:)` for a list of fields, as a district folder's files have them.
    public static func guess(header: [String], fields: [ImportField]) -> ColumnMapping {
        let folded = header.map(ImportField.fold)
        var mapping = ColumnMapping()
        var used: Set<Int> = []
        for field in fields {
            let names = Set(field.aliases.map(ImportField.fold))
            if let column = folded.indices.first(where: { !used.contains($0) && names.contains(folded[$0]) }) {
                mapping.columns[field.key] = column
                used.insert(column)
            }
        }
        return mapping
    }

    /// A mapping from field → column header (a mapping file), checked against the table's header.
    public static func named(_ names: [String: String], header: [String], kind: ImportKind) throws(InputError)
        -> ColumnMapping
    {
        let keys = Set(kind.fields.map(\.key))
        let folded = header.map(ImportField.fold)
        var issues: [InputIssue] = []
        var mapping = ColumnMapping()
        for (key, name) in names.sorted(by: { $0.key < $1.key }) {
            guard keys.contains(key) else {
                issues.append(
                    InputIssue(
                        field: key,
                        vi: "\(key) không phải là một cột của tệp này (các cột: "
                            + "\(kind.fields.map(\.key).joined(separator: ", "))).",
                        en: "\(key) is not a field of \(kind.rawValue) (fields: "
                            + "\(kind.fields.map(\.key).joined(separator: ", ")))."
                    ))
                continue
            }
            if let exact = header.firstIndex(of: name) ?? folded.firstIndex(of: ImportField.fold(name)) {
                mapping.columns[key] = exact
            } else {
                issues.append(
                    InputIssue(
                        field: key, vi: "Không có cột nào có tiêu đề \"\(name)\".",
                        en: "No column is headed \"\(name)\"."))
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return mapping
    }

    /// Problems with the mapping itself: required fields without a column, columns out of range,
    /// a column used for two fields. Reported against the header line.
    public func issues(kind: ImportKind, header: [String], headerLine: Int = 1) -> [InputIssue] {
        issues(fields: kind.fields, header: header, headerLine: headerLine)
    }

    /// `issues(kind:header:headerLine:)` for a list of fields.
    public func issues(fields: [ImportField], header: [String], headerLine: Int = 1) -> [InputIssue] {
        var issues: [InputIssue] = []
        for field in fields where field.required && columns[field.key] == nil {
            issues.append(
                InputIssue(
                    line: headerLine, field: field.key, vi: "Chưa chọn cột cho mục bắt buộc này.",
                    en: "This required field has no column."))
        }
        var seen: [Int: String] = [:]
        for (key, column) in columns.sorted(by: { $0.key < $1.key }) {
            if !header.indices.contains(column) {
                issues.append(
                    InputIssue(
                        line: headerLine, field: key, vi: "Không có cột thứ \(column + 1).",
                        en: "Column \(column + 1) does not exist."))
            } else if let other = seen[column] {
                issues.append(
                    InputIssue(
                        line: headerLine, field: key, vi: "Cột \"\(header[column])\" đã được dùng cho mục khác.",
                        en: "Column \"\(header[column])\" is already used for another field."))
            } else {
                seen[column] = key
            }
        }
        return issues
    }

    /// One row as field → text, for the format parsers.
    public func values(of row: ImportTable.Row) -> [String: String] {
        columns.mapValues { row.cell($0) }
    }
}
