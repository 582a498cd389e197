import Foundation
import GanDanCore

/// Reading the cells of one import row by field name, shared by the member and household formats.
enum ImportRow {
    /// The trimmed value of `field`, or nil when the cell is missing or blank.
    static func text(_ row: [String: String], _ field: String) -> String? {
        guard let value = row[field]?.trimmingWhitespaceAndNewlines(), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The value of a required `field`; a blank one adds an issue naming the line and the field.
    static func required(_ row: [String: String], _ field: String, line: Int, issues: inout [InputIssue]) -> String? {
        guard let value = text(row, field) else {
            issues.append(InputIssue(line: line, field: field, vi: "Ô này đang trống.", en: "The cell is empty."))
            return nil
        }
        return value
    }
}
