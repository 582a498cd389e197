import Foundation
import GanDanCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the cells of an Excel or LibreOffice workbook (.xlsx) as rows of text with their spreadsheet row numbers,
/// so an import can name the line a person sees in the sheet.
///
/// Handles shared strings (with rich-text runs), inline strings, numbers, booleans, formula results, date cells
/// (a serial number under a date format, given as ISO `YYYY-MM-DD`), sparse rows (cells placed by their reference,
/// e.g. "C7") and empty rows. Text that already looks like a date (`dd/mm/yyyy`, `yyyy-mm-dd`) is kept as written.
///
/// Every part is parsed as it is inflated, within `ImportLimits` (issue 21): the size the archive declares is
/// checked first, the bytes really inflated are counted, and the sheet's rows are checked as they are read.
public enum XLSXReader {
    /// The raw rows of the first worksheet, or of the sheet named `sheet`, blank rows left out.
    public static func rows(_ data: Data, sheet: String? = nil, limits: ImportLimits = .commandLine)
        throws(InputError) -> [(line: Int, cells: [String])]
    {
        let archive = try XLSXArchive(data)
        let book = WorkbookParser()
        guard try parse("xl/workbook.xml", in: archive, with: book, cap: limits.partBytes, limits: limits) else {
            throw .malformed("the file is not an .xlsx workbook (xl/workbook.xml is missing)")
        }
        let chosen = try choose(sheet, in: book)
        var sheetPath = "xl/worksheets/sheet1.xml"
        let relations = RelationsParser()
        let rels = "xl/_rels/workbook.xml.rels"
        if try parse(rels, in: archive, with: relations, cap: limits.partBytes, limits: limits),
            let target = relations.targets[chosen.relation]
        {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        guard try archive.part(sheetPath) != nil else {
            throw .malformed("the workbook's sheet \"\(chosen.name)\" is missing (\(sheetPath))")
        }
        // The shared strings and styles first: the sheet's cells refer to them as its rows stream by.
        let strings = SharedStringsParser(limits: limits)
        _ = try parse("xl/sharedStrings.xml", in: archive, with: strings, cap: limits.partBytes, limits: limits)
        let styles = StylesParser()
        _ = try parse("xl/styles.xml", in: archive, with: styles, cap: limits.partBytes, limits: limits)
        let parser = SheetParser(
            shared: strings.strings, dateStyles: styles.dateStyles, date1904: book.date1904, limits: limits)
        _ = try parse(sheetPath, in: archive, with: parser, cap: limits.sheetBytes, limits: limits)
        return parser.rows
    }

    /// The workbook's first (or named) sheet as a table: the first non-empty row is the header.
    public static func table(_ data: Data, sheet: String? = nil, limits: ImportLimits = .commandLine)
        throws(InputError) -> ImportTable
    {
        try ImportTable(lines: rows(data, sheet: sheet, limits: limits))
    }

    /// The sheet named `sheet`, or the first.
    private static func choose(_ sheet: String?, in book: WorkbookParser) throws(InputError)
        -> (name: String, relation: String)
    {
        guard let first = book.sheets.first else { throw .malformed("the workbook has no worksheet") }
        guard let sheet else { return first }
        guard let found = book.sheets.first(where: { $0.name == sheet }) else {
            throw .malformed(
                "the workbook has no sheet \"\(sheet)\" (sheets: \(book.sheets.map(\.name).joined(separator: ", ")))")
        }
        return found
    }

    /// The 0-based column of a cell reference ("C7" → 2), or nil when it has no letters.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            if (65...90).contains(byte) {
                column = column * 26 + Int(byte - 64)
            } else if (97...122).contains(byte) {
                column = column * 26 + Int(byte - 96)
            } else {
                break
            }
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : column - 1
    }

    /// The row number of a cell or row reference ("C7" → 7).
    static func row(of reference: String) -> Int? {
        Int(String(reference.drop(while: { $0.isLetter })))
    }

    /// A date serial as a civil date: days since 1899-12-30 (or 1904-01-01 in 1904-based workbooks).
    static func date(serial: Double, date1904: Bool) -> CivilDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let epoch = date1904 ? -24_107 : -25_569
        let date = CivilDate(dayNumber: epoch + Int(serial.rounded(.down)))
        return CivilDate.supportedRange.contains(date) ? date : nil  // issue 21: the same range as typed dates
    }

    /// Whether a number format shows a date: built-in date formats, or a custom code with day or year parts.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) {
            return true
        }
        guard let code else { return false }
        var plain = ""
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            default: if !inQuote && !inBracket { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        return lower.contains("d") || lower.contains("y")
    }

    /// Parses the part `name` with `delegate` as it is inflated, at most `cap` bytes of it; false when the archive
    /// has no such part. A part that declares more than its cap is refused before it is inflated; one that
    /// inflates to more than it declares, as soon as it does; one whose rows break a limit, at that row. The
    /// refusals are in the limits' language.
    private static func parse(
        _ name: String, in archive: XLSXArchive, with delegate: PartParser, cap: Int, limits: ImportLimits
    ) throws(InputError) -> Bool {
        guard let part = try archive.part(name) else { return false }
        guard !part.encrypted else { throw .malformed("the workbook is encrypted: save it without a password") }
        guard part.method == 0 || part.method == 8 else {
            throw .malformed("the workbook is damaged: \(name) is compressed with method \(part.method), not deflate")
        }
        guard part.declaredSize <= UInt64(cap) else {
            throw limits.partTooLarge(name, declared: part.declaredSize, cap: cap)
        }
        // What the part declares is within the cap: inflating past it is a forged (or damaged) archive.
        let stream = XLSXPartStream(archive: archive.bytes, part: part, limit: Int(part.declaredSize))
        delegate.stream = stream
        let parser = XMLParser(stream: stream)
        parser.delegate = delegate
        let parsed = parser.parse()
        if let refusal = delegate.refusal { throw refusal }
        switch stream.problem {
        case .tooLarge: throw limits.partLargerThanDeclared(name, declared: part.declaredSize, cap: cap)
        case .damaged(let reason): throw .malformed("the workbook is damaged: \(name) \(reason)")
        case .documentType: throw .malformed("the workbook is damaged: \(name) declares a document type")
        case nil: break
        }
        // Foundation on Linux may return true from parse() after a fatal error: check the error as well.
        guard parsed, parser.parserError == nil, delegate.error == nil else {
            let reason = (parser.parserError ?? delegate.error).map { " (\($0.localizedDescription))" } ?? ""
            throw .malformed(
                "the workbook is damaged: \(name) is not well-formed XML at line \(parser.lineNumber)\(reason)")
        }
        return true
    }
}
