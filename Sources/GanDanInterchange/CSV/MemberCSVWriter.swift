import Foundation
import GanDanCore

/// Writes members as CSV in the import layout (`MemberCSVFormat`), so an export can be imported again.
public enum MemberCSVWriter {
    /// The CSV text of `drafts`, header first.
    public static func csv(_ drafts: [MemberDraft]) throws -> String {
        try lines(drafts, header: true)
    }

    /// The CSV lines of `drafts`, each ending in a newline, after the header when `header`: the pages of a streamed
    /// export, written one after another, make the same text as `csv(_:)` of all of them.
    public static func lines(_ drafts: [MemberDraft], header: Bool) throws -> String {
        var writer = CSVLineWriter()
        if header { writer.append(row: MemberCSVFormat.columns) }
        for draft in drafts {
            writer.append(row: MemberCSVFormat.fields(of: draft).map(CSVField.neutralised))
        }
        return writer.text
    }
}

/// One field of a CSV file that a spreadsheet will open.
enum CSVField {
    /// Keeps a spreadsheet from reading a field as a formula (CSV injection): a field starting with = + - @ tab or
    /// carriage return gets a leading "'", except a phone number ("+84" then digits and spaces only).
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPhoneNumber(field)
        else { return field }
        return "'" + field
    }

    /// Whether `field` is exactly a Vietnamese phone number in international form: "+84" followed by digits and spaces.
    static func isPhoneNumber(_ field: String) -> Bool {
        guard field.hasPrefix("+84") else { return false }
        let rest = field.unicodeScalars.dropFirst(3)
        return !rest.isEmpty && rest.allSatisfy { ("0"..."9").contains($0) || $0 == " " }
    }
}
