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
        columns: 200, rows: 250_000, cells: 10_000_000, cellLength: 2_000, sheetBytes: 512 << 20,
        partBytes: 128 << 20, language: .vi)

    /// What `gandan import` may read: Excel's own row limit, the same columns, cell length and parts.
    public static let commandLine = ImportLimits(
        columns: web.columns, rows: 1_048_576, cells: 40_000_000, cellLength: web.cellLength,
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

    /// An .xlsx part that declares `declared` uncompressed bytes, or (nil) was found past `cap` while inflating.
    func partTooLarge(_ part: String, declared: UInt64?, cap: Int) -> InputError {
        let limit = megabytes(UInt64(cap))
        guard let declared else {
            return refusal(
                vi: "Phần \(part) của tệp .xlsx giải nén ra hơn \(limit) MB; tối đa \(limit) MB.",
                en:
                    "Part \(part) of the .xlsx file inflates to more than \(limit) MB; at most \(limit) MB are accepted."
            )
        }
        return refusal(
            vi: "Phần \(part) của tệp .xlsx giải nén ra \(megabytes(declared)) MB; tối đa \(limit) MB.",
            en:
                "Part \(part) of the .xlsx file inflates to \(megabytes(declared)) MB; at most \(limit) MB are accepted."
        )
    }

    private func refusal(vi: String, en: String) -> InputError {
        .invalid([InputIssue(message: BilingualText(vi: vi, en: en).text(in: language))])
    }

    /// Bytes as whole megabytes (MiB), rounded up.
    private func megabytes(_ bytes: UInt64) -> String {
        number(Int(clamping: bytes / (1 << 20) + (bytes % (1 << 20) == 0 ? 0 : 1)))
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
