import CSV
import Foundation
import GanDanCore

/// Writes members as CSV in the import layout (`MemberCSVFormat`), so an export can be imported again.
public enum MemberCSVWriter {
    /// The CSV text of `drafts`, header first.
    public static func csv(_ drafts: [MemberDraft]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: MemberCSVFormat.columns)
        for draft in drafts {
            try writer.write(row: MemberCSVFormat.fields(of: draft).map(CSVField.neutralised))
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}

/// One field of a CSV file that a spreadsheet will open.
enum CSVField {
    /// Keeps a spreadsheet from reading a field as a formula (CSV injection): "=…" becomes "'=…".
    static func neutralised(_ field: String) -> String {
        guard let first = field.first, "=+-@".contains(first), !(field.hasPrefix("+84")) else { return field }
        return "'" + field
    }
}
