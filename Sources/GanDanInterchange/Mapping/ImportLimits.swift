import GanDanCore

/// The most an import file may hold (issue 21), in one place. A file beyond any of these is refused with an
/// `InputError` that names the limit, in the language of the page (English on the command line), before it can
/// take the server's memory or time: a 9.9 MB CSV with a million columns, an .xlsx whose shared strings inflate
/// to a gigabyte, one cell at column XFD on 20,000 rows.
///
/// A real member file has about 30 columns and at most about 200,000 rows (the benchmarks import a province of
/// 60,000, `bench/scale`). Columns, cell length and the .xlsx part sizes apply everywhere; the command line, run
/// by an operator on the server, accepts more rows and cells than a web upload.
public struct ImportLimits: Sendable, Hashable {
    /// Columns of the table: a cell placed beyond them, or a CSV record longer, is refused.
    public var columns: Int
    /// Rows that are not blank, the header included.
    public var rows: Int
    /// Cells of the table, each row counted up to its last filled cell: a sparse sheet can fill no more.
    public var cells: Int
    /// Characters (Unicode scalars) of one cell.
    public var cellLength: Int
    /// UTF-8 bytes of all the cells together: an .xlsx can repeat a long text on every row for a few bytes more,
    /// which the other limits alone would let fill the memory.
    public var textBytes: Int
    /// Uncompressed bytes of an .xlsx worksheet, the streamed part that holds the rows: checked against the size
    /// the archive declares before inflating, and counted while inflating (a declared size can be forged).
    public var sheetBytes: Int
    /// Uncompressed bytes of each other .xlsx part (shared strings, styles, workbook, relations), checked alike.
    /// The shared strings are kept while the sheet is read, so this also bounds their memory.
    public var partBytes: Int
    /// The language of the refusals: the page's on the web, English on the command line.
    public var language: Language

    /// What a web upload may hold (the upload itself is at most `ImportUploads.maxBytes`).
    public static let web = ImportLimits(
        columns: 200, rows: 250_000, cells: 10_000_000, cellLength: 2_000, textBytes: 128 << 20,
        sheetBytes: 512 << 20, partBytes: 128 << 20, language: .vi)

    /// What `gandan import` may read: Excel's own row limit, the same columns, cell length and parts.
    public static let commandLine = ImportLimits(
        columns: web.columns, rows: 1_048_576, cells: 40_000_000, cellLength: web.cellLength, textBytes: 512 << 20,
        sheetBytes: web.sheetBytes, partBytes: web.partBytes, language: .en)

    /// These limits with their refusals in `language`.
    public func `in`(_ language: Language) -> ImportLimits {
        var limits = self
        limits.language = language
        return limits
    }
}

// MARK: - Refusals

extension ImportLimits {
    /// A record of `count` columns on `line` (a CSV record, or a sheet row).
    func tooManyColumns(_ count: Int, line: Int) -> InputError {
        refusal(
            vi: "Tệp có \(number(count)) cột (dòng \(number(line))); tối đa \(number(columns)) cột.",
            en: "The file has \(number(count)) columns (line \(number(line))); at most \(number(columns)) are accepted."
        )
    }

    /// A filled sheet cell at `reference`, in 0-based `column`, beyond the columns.
    func cellBeyondColumns(_ reference: String, column: Int) -> InputError {
        refusal(
            vi: "Ô \(reference) nằm ở cột \(number(column + 1)); tối đa \(number(columns)) cột.",
            en: "Cell \(reference) is in column \(number(column + 1)); at most \(number(columns)) columns are accepted."
        )
    }

    /// More non-blank rows than `rows`.
    var tooManyRows: InputError {
        refusal(
            vi: "Tệp có hơn \(number(rows)) dòng; tối đa \(number(rows)) dòng.",
            en: "The file has more than \(number(rows)) rows; at most \(number(rows)) are accepted.")
    }

    /// More cells than `cells`.
    var tooManyCells: InputError {
        refusal(
            vi: "Tệp có hơn \(number(cells)) ô (dòng × cột); tối đa \(number(cells)) ô.",
            en: "The file has more than \(number(cells)) cells (rows × columns); at most \(number(cells)) are accepted."
        )
    }

    /// More text in all the cells than `textBytes`.
    var tooMuchText: InputError {
        let limit = size(UInt64(textBytes), language)
        return refusal(
            vi: "Các ô của tệp chứa hơn \(limit) chữ; tối đa \(limit).",
            en: "The cells of the file hold more than \(limit) of text; at most \(limit) are accepted.")
    }

    /// A cell of `length` characters (nil: longer than allowed, not counted to the end), at a line and 0-based
    /// column when the file says where.
    func cellTooLong(length: Int?, line: Int?, column: Int?) -> InputError {
        let size =
            length.map { (vi: number($0), en: number($0)) } ?? (
                vi: "hơn \(number(cellLength))", en: "over \(number(cellLength))"
            )
        var place = (vi: "Tệp có một ô", en: "A cell of the file")
        if let line, let column {
            place = (
                vi: "Ô ở dòng \(number(line)), cột \(number(column + 1))",
                en: "The cell on line \(number(line)), column \(number(column + 1))"
            )
        }
        return refusal(
            vi: "\(place.vi) dài \(size.vi) ký tự; tối đa \(number(cellLength)) ký tự một ô.",
            en: "\(place.en) is \(size.en) characters long; at most \(number(cellLength)) are accepted in a cell.")
    }

    /// An .xlsx part that declares `declared` uncompressed bytes, more than `cap`: refused before inflating.
    func partTooLarge(_ part: String, declared: UInt64, cap: Int) -> InputError {
        refusal(
            vi: "Phần \(part) của tệp .xlsx giải nén ra \(size(declared, .vi)); tối đa \(size(UInt64(cap), .vi)).",
            en: "Part \(part) of the .xlsx file inflates to \(size(declared, .en)); at most \(size(UInt64(cap), .en)) "
                + "are accepted.")
    }

    /// An .xlsx part that inflates to more than the `declared` bytes it declares (at most `cap`): counted while
    /// inflating, since a declaration can be forged.
    func partLargerThanDeclared(_ part: String, declared: UInt64, cap: Int) -> InputError {
        refusal(
            vi: "Phần \(part) của tệp .xlsx giải nén ra nhiều hơn \(size(declared, .vi)) như tệp khai báo "
                + "(tối đa \(size(UInt64(cap), .vi))): tệp bị hỏng hoặc bị làm giả.",
            en: "Part \(part) of the .xlsx file inflates to more than the \(size(declared, .en)) it declares "
                + "(at most \(size(UInt64(cap), .en)) are accepted): the file is damaged or forged.")
    }

    private func refusal(vi: String, en: String) -> InputError {
        .invalid([InputIssue(vi: vi, en: en)])
    }

    /// A size in bytes (under 10 KB), KB (KiB, under 1 MB) or MB (MiB), to the nearest unit.
    private func size(_ bytes: UInt64, _ language: Language) -> String {
        func nearest(_ unit: UInt64) -> String { number(Int(clamping: (bytes + unit / 2) / unit)) }
        if bytes < 10 << 10 { return number(Int(bytes)) + (language == .vi ? " byte" : " bytes") }
        return bytes < 1 << 20 ? nearest(1 << 10) + " KB" : nearest(1 << 20) + " MB"
    }

    /// `count` with its thousands grouped as the language writes them: 1.000.000 in Vietnamese, 1,000,000 in English.
    func number(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        var text = count < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(language == .vi ? "." : ",") }
            text.append(digit)
        }
        return text
    }
}
