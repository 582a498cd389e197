import GanDanCore

/// A spreadsheet or CSV file as rows of text: the header and the data rows, each with its line in the file
/// (the spreadsheet's row number), so every problem can name the line a person sees.
public struct ImportTable: Sendable, Hashable, Codable {
    /// The header cells, trimmed.
    public var header: [String]
    /// The line of the header row (1 unless the sheet starts lower).
    public var headerLine: Int
    /// The data rows, empty rows left out.
    public var rows: [Row]

    /// One data row and the line it came from.
    public struct Row: Sendable, Hashable, Codable {
        public var line: Int
        public var cells: [String]

        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }

        /// The cell of `column`, empty when the row is shorter (sparse spreadsheet rows).
        public func cell(_ column: Int) -> String {
            column < cells.count ? cells[column] : ""
        }
    }

    public init(header: [String], headerLine: Int = 1, rows: [Row]) {
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    /// Builds a table from raw rows (line, cells); empty rows are dropped. The header is the first non-empty row,
    /// unless the sheet opens with title rows as office files do ("DANH SÁCH THÔN ..." above the column headings):
    /// `headerRow(_:)` skips those. A numbered row under the header and a signature block under the table are not
    /// data rows either (`ImportTable+OfficeLayout`).
    public init(lines: [(line: Int, cells: [String])]) throws(InputError) {
        // Cells are kept as read (the formats trim what they use); a row of blanks only is an empty row.
        let nonEmpty = lines.filter { !$0.cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard !nonEmpty.isEmpty else { throw .malformed("the file has no header row") }
        let start = Self.headerRow(nonEmpty.prefix(Self.titleSearchRows).map(\.cells))
        var header = nonEmpty[start].cells.map { $0.trimmingWhitespace() }
        while header.last?.isEmpty == true { header.removeLast() }
        var data = Array(nonEmpty.dropFirst(start + 1))
        if let first = data.first, Self.isNumberingRow(first.cells) { data.removeFirst() }
        if let footer = Self.footerStart(data) { data.removeSubrange(footer...) }
        self.init(
            header: header, headerLine: nonEmpty[start].line, rows: data.map { Row(line: $0.line, cells: $0.cells) })
    }

    /// How many rows from the top may be titles above the header.
    static let titleSearchRows = 10

    /// The index of the header among the first rows: the first row that fills more than half as many cells as the
    /// fullest of them. A title, a unit's name or a "CỘNG HÒA ..." line fills one or two cells of a sheet whose
    /// header names every column, so they are passed over; a plain file's first row is its header.
    static func headerRow(_ rows: [[String]]) -> Int {
        let filled = rows.map { $0.count { !$0.allSatisfy(\.isWhitespace) } }
        let widest = filled.max() ?? 0
        return filled.firstIndex { $0 * 2 > widest } ?? 0
    }
}
