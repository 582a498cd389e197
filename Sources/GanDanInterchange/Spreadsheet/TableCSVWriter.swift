import CSV
import Foundation
import GanDanCore

/// Writes an `ExportTable` as CSV: UTF-8 with a byte-order mark (so Excel opens Vietnamese text correctly),
/// the header row first, fields quoted by CSV.swift where needed, text that a spreadsheet would run as a
/// formula neutralised.
public enum TableCSVWriter {
    /// The UTF-8 byte-order mark that tells Excel the file is UTF-8.
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// The CSV bytes of `table`, byte-order mark first, one line per row ending in CRLF as RFC 4180 has it.
    public static func data(_ table: ExportTable) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: table.columns.map(CSVField.neutralised))
        for row in table.rows {
            try writer.write(
                row: row.map { cell in
                    if case .text(let text) = cell { return CSVField.neutralised(text) }
                    return cell.plainText
                })
        }
        writer.stream.close()
        guard let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            return byteOrderMark
        }
        return byteOrderMark + body + (table.columns.isEmpty ? Data() : Data("\r\n".utf8))
    }
}
