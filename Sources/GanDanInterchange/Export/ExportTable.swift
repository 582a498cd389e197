import Foundation
import GanDanCore

/// One list or report as a table to hand over as CSV or XLSX: a title, column headers and typed cells.
///
/// The web layer fills it from the same view model the page shows (so an export never holds more than the
/// page), in the reader's language; the renderers in storage turn it into bytes. Cells keep their type so a
/// spreadsheet gets numbers as numbers and dates as dates, not text that looks like them.
public struct ExportTable: Sendable, Hashable {
    /// A typed cell value.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case integer(Int)
        case decimal(Double)
        case date(CivilDate)
        case empty

        /// Text, or `.empty` when there is none.
        public static func optional(_ text: String?) -> Cell {
            guard let text, !text.isEmpty else { return .empty }
            return .text(text)
        }

        /// A number, or `.empty` when there is none.
        public static func optional(_ number: Int?) -> Cell { number.map(Cell.integer) ?? .empty }

        /// A decimal, or `.empty` when there is none (or it is not a finite number).
        public static func optional(_ number: Double?) -> Cell {
            guard let number, number.isFinite else { return .empty }
            return .decimal(number)
        }

        /// A date, or `.empty` when there is none.
        public static func optional(_ date: CivilDate?) -> Cell { date.map(Cell.date) ?? .empty }

        /// The cell as plain text, as CSV holds it: dates in ISO form (`YYYY-MM-DD`), which every
        /// spreadsheet reads as a date, decimals with a point and at most four places.
        public var plainText: String {
            switch self {
            case .text(let text): return text
            case .integer(let number): return String(number)
            case .decimal(let number): return Self.decimalText(number)
            case .date(let date): return date.iso
            case .empty: return ""
            }
        }

        static func decimalText(_ number: Double) -> String {
            guard number.isFinite else { return "" }
            var text = String(format: "%.4f", number)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
    }

    /// The table's title (the page's title), also the sheet name of an XLSX.
    public var title: String
    /// Column headers, in the reader's language.
    public var columns: [String]
    /// The rows; each has as many cells as there are columns.
    public private(set) var rows: [[Cell]]

    /// A table with `columns`; rows are added with `append`.
    public init(title: String, columns: [String], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = []
        for row in rows { append(row) }
    }

    /// Adds a row, padding a short one with empty cells and cutting a long one to the columns, so every row
    /// lines up with the header whatever the caller passed.
    public mutating func append(_ row: [Cell]) {
        var row = Array(row.prefix(columns.count))
        while row.count < columns.count { row.append(.empty) }
        rows.append(row)
    }

    /// The number of data rows (the header not counted), as exports are audited.
    public var rowCount: Int { rows.count }
}

/// The file name of an export: the title folded to ASCII (Vietnamese "Đ" → "D", marks dropped), words joined by
/// hyphens, then the date, so a downloaded file reads "chi-bo-thon-na-khan-2019-04-30.xlsx" on any system.
public enum ExportFileName {
    /// `title` folded and hyphenated, plus `date` and the extension; never empty and never longer than 100 bytes.
    public static func make(_ title: String, date: CivilDate, fileExtension: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in VietnameseText.searchKey(title).unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var stem = words.joined(separator: "-")
        if stem.count > 80 {
            stem = String(stem.prefix(80))
            while stem.hasSuffix("-") { stem.removeLast() }
        }
        if stem.isEmpty { stem = "export" }
        return "\(stem)-\(date.iso).\(fileExtension)"
    }
}
