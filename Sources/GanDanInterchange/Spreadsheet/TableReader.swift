import Foundation
import GanDanCore

/// The formats an import accepts.
public enum TableFormat: String, Sendable, Codable {
    case csv
    case xlsx

    /// The format from the file name's extension, or from the content (an .xlsx is a zip archive: "PK\u{3}\u{4}").
    public static func detect(fileName: String?, data: Data) -> TableFormat {
        let name = fileName?.lowercased() ?? ""
        if name.hasSuffix(".xlsx") { return .xlsx }
        if name.hasSuffix(".csv") { return .csv }
        return data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
    }
}

/// Reads a CSV or XLSX file into an `ImportTable`, lines numbered as the person sees them, within `limits`
/// (a file beyond them is refused as soon as the reader meets the excess, issue 21).
public enum TableReader {
    public static func read(_ data: Data, format: TableFormat, sheet: String? = nil, limits: ImportLimits)
        throws(InputError) -> ImportTable
    {
        switch format {
        case .xlsx: return try XLSXReader.table(data, sheet: sheet, limits: limits)
        case .csv: return try csv(data, limits: limits)
        }
    }

    /// A UTF-8 CSV file (a byte-order mark is skipped); each record is one line.
    public static func csv(_ data: Data, limits: ImportLimits = .commandLine) throws(InputError) -> ImportTable {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .malformed("the file is a zip archive (an .xlsx workbook?), not CSV text")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .malformed("the file is not UTF-8 text (save it from the spreadsheet as \"CSV UTF-8\")")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try ImportTable(lines: CSVRecords.parse(text, limits: limits))
    }
}
