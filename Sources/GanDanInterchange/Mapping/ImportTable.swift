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

    /// Builds a table from raw rows (line, cells): the first non-empty row is the header; empty rows are dropped.
    public init(lines: [(line: Int, cells: [String])]) throws(InputError) {
        // Cells are kept as read (the formats trim what they use); a row of blanks only is an empty row.
        let nonEmpty = lines.filter { !$0.cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard let first = nonEmpty.first else { throw .malformed("the file has no header row") }
        var header = first.cells.map { $0.trimmingWhitespace() }
        while header.last?.isEmpty == true { header.removeLast() }
        self.init(
            header: header, headerLine: first.line,
            rows: nonEmpty.dropFirst().map { Row(line: $0.line, cells: $0.cells) })
    }
}
