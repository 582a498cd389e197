import Foundation
import GanDanCore
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the cells of an Excel or LibreOffice workbook (.xlsx) as rows of text with their spreadsheet row numbers,
/// so an import can name the line a person sees in the sheet.
///
/// Handles shared strings (with rich-text runs), inline strings, numbers, booleans, formula results, date cells
/// (a serial number under a date format, given as ISO `YYYY-MM-DD`), sparse rows (cells placed by their reference,
/// e.g. "C7") and empty rows. Text that already looks like a date (`dd/mm/yyyy`, `yyyy-mm-dd`) is kept as written.
public enum XLSXReader {
    /// The raw rows of the first worksheet, or of the sheet named `sheet`.
    public static func rows(_ data: Data, sheet: String? = nil) throws(InputError) -> [(line: Int, cells: [String])] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .malformed("the file is not an .xlsx workbook (not a zip archive)")
        }
        guard let workbook = try entry("xl/workbook.xml", in: archive) else {
            throw .malformed("the file is not an .xlsx workbook (xl/workbook.xml is missing)")
        }
        let book = WorkbookParser()
        try parse(workbook, with: book, part: "xl/workbook.xml")
        guard !book.sheets.isEmpty else { throw .malformed("the workbook has no worksheet") }
        let chosen: (name: String, relation: String)
        if let sheet {
            guard let found = book.sheets.first(where: { $0.name == sheet }) else {
                throw .malformed(
                    "the workbook has no sheet \"\(sheet)\" (sheets: \(book.sheets.map(\.name).joined(separator: ", ")))"
                )
            }
            chosen = found
        } else {
            chosen = book.sheets[0]
        }
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let rels = try entry("xl/_rels/workbook.xml.rels", in: archive) {
            let relations = RelationsParser()
            try parse(rels, with: relations, part: "xl/_rels/workbook.xml.rels")
            if let target = relations.targets[chosen.relation] {
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        guard let sheetData = try entry(sheetPath, in: archive) else {
            throw .malformed("the workbook's sheet \"\(chosen.name)\" is missing (\(sheetPath))")
        }
        var shared: [String] = []
        if let strings = try entry("xl/sharedStrings.xml", in: archive) {
            let parser = SharedStringsParser()
            try parse(strings, with: parser, part: "xl/sharedStrings.xml")
            shared = parser.strings
        }
        var dateStyles: Set<Int> = []
        if let styles = try entry("xl/styles.xml", in: archive) {
            let parser = StylesParser()
            try parse(styles, with: parser, part: "xl/styles.xml")
            dateStyles = parser.dateStyles
        }
        let parser = SheetParser(shared: shared, dateStyles: dateStyles, date1904: book.date1904)
        try parse(sheetData, with: parser, part: sheetPath)
        if let problem = parser.problem { throw .malformed(problem) }
        return parser.rows
    }

    /// The workbook's first (or named) sheet as a table: the first non-empty row is the header.
    public static func table(_ data: Data, sheet: String? = nil) throws(InputError) -> ImportTable {
        try ImportTable(lines: rows(data, sheet: sheet))
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

    private static func entry(_ path: String, in archive: Archive) throws(InputError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw .malformed("the workbook is damaged: \(path) cannot be extracted")
        }
        return data
    }

    private static func parse(_ data: Data, with delegate: PartParser, part: String) throws(InputError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        // Foundation on Linux may return true from parse() after a fatal error: check the error as well.
        guard parser.parse(), parser.parserError == nil, delegate.error == nil else {
            let reason = (parser.parserError ?? delegate.error).map { " (\($0.localizedDescription))" } ?? ""
            throw .malformed(
                "the workbook is damaged: \(part) is not well-formed XML at line \(parser.lineNumber)\(reason)")
        }
    }
}

/// A delegate for one part of the workbook that remembers the first fatal parse error.
///
/// Subclasses override the callbacks: on Linux the protocol's witnesses are the base class's methods, so a
/// subclass method that does not override one would never be called.
private class PartParser: NSObject, XMLParserDelegate {
    var error: (any Error)?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {}

    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {}

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if error == nil { error = parseError }
    }
}

/// Sheet names and relation ids from xl/workbook.xml, and whether dates count from 1904.
private final class WorkbookParser: PartParser {
    var sheets: [(name: String, relation: String)] = []
    var date1904 = false

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "sheet":
            let relation = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relation))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
}

/// Relation id → target path from xl/_rels/workbook.xml.rels.
private final class RelationsParser: PartParser {
    var targets: [String: String] = [:]

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if localName(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// The shared strings table: each `si` is plain text (`t`) or rich-text runs (`r/t`); phonetic runs are skipped.
private final class SharedStringsParser: PartParser {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// Which cell styles (`cellXfs` indexes) show dates, from the number formats in xl/styles.xml.
private final class StylesParser: PartParser {
    var dateStyles: Set<Int> = []
    private var formats: [Int: String] = [:]
    private var inCellXfs = false
    private var index = 0

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { formats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
            if XLSXReader.isDateFormat(id: id, code: formats[id]) { dateStyles.insert(index) }
            index += 1
        default: break
        }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if localName(elementName) == "cellXfs" { inCellXfs = false }
    }
}

/// The rows of a worksheet: cells placed by reference, values typed by `t` and styled by `s`.
private final class SheetParser: PartParser {
    let shared: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    var rows: [(line: Int, cells: [String])] = []
    var problem: String?

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type = "n"
    private var style = 0
    private var reference = ""
    private var value = ""
    private var inValue = false
    private var inInline = false

    init(shared: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.shared = shared
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            reference = attributes["r"] ?? ""
            if let placed = XLSXReader.column(of: reference) { column = placed }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t" where inInline: inValue = true
        case "rPh" where inInline: inInline = false
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch localName(elementName) {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            let text = cellText()
            if column > 16_384 {
                problem = "cell \(reference) lies beyond the sheet's last column"
                parser.abortParsing()
                return
            }
            if !text.isEmpty {
                while cells.count < column { cells.append("") }
                if cells.count == column { cells.append(text) } else { cells[column] = text }
            }
            column += 1
        case "row":
            rows.append((rowNumber, cells))
        default: break
        }
    }

    private func cellText() -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                return ""
            }
            return shared[index]
        case "inlineStr", "str": return value
        case "b": return value == "1" || value == "true" ? "TRUE" : "FALSE"
        case "e": return ""
        case "d": return String(value.prefix(10))
        default:
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)) else { return value }
            if dateStyles.contains(style), let date = XLSXReader.date(serial: number, date1904: date1904) {
                return date.iso
            }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return value.trimmingCharacters(in: .whitespaces)
        }
    }
}

/// The element name without its namespace prefix ("x:row" → "row").
private func localName(_ name: String) -> String {
    if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
    return name
}
