import Foundation
import GanDanCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The rows of a worksheet: cells placed by reference, values typed by `t` and styled by `s`. Blank rows are left
/// out as they are read; a filled cell beyond `limits.columns`, a value longer than a cell may be, and more rows,
/// cells or text than the limits allow stop the parse at once (issue 21), so a sparse cell at column XFD never
/// becomes 16,384 cells of a row, nor a long text repeated on every row the server's memory.
final class SheetParser: PartParser {
    let shared: SharedStrings
    let dateStyles: Set<Int>
    let date1904: Bool
    let limits: ImportLimits
    var rows: [(line: Int, cells: [String])] = []

    private var rowNumber = 0
    private var cells: [String] = []
    private var cellCount = 0
    private var textBytes = 0
    /// Shared strings already made into strings, so that a label repeated on every row is one string in memory;
    /// only the first few thousand are kept (the text limit bounds the rest).
    private var made: [Int: String] = [:]
    private var column = 0
    private var type = "n"
    private var style = 0
    private var reference = ""
    private var value = ""
    private var inValue = false
    private var inInline = false

    init(shared: SharedStrings, dateStyles: Set<Int>, date1904: Bool, limits: ImportLimits) {
        self.shared = shared
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.limits = limits
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
        guard inValue else { return }
        value += string
        if value.utf8.count > 4 * limits.cellLength {
            refuse(limits.cellTooLong(length: nil, line: rowNumber, column: column), parser)
        }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch localName(elementName) {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            let text = cellText()
            if !text.isEmpty {
                if let refusal = check(text) { return refuse(refusal, parser) }
                textBytes += text.utf8.count
                guard textBytes <= limits.textBytes else { return refuse(limits.tooMuchText, parser) }
                while cells.count < column { cells.append("") }
                if cells.count == column { cells.append(text) } else { cells[column] = text }
            }
            column += 1
        case "row":
            guard !cells.isEmpty else { return }
            guard rows.count < limits.rows else { return refuse(limits.tooManyRows, parser) }
            cellCount += cells.count
            guard cellCount <= limits.cells else { return refuse(limits.tooManyCells, parser) }
            rows.append((rowNumber, cells))
        default: break
        }
    }

    /// The limit a filled cell breaks where it stands, if any.
    private func check(_ text: String) -> InputError? {
        if column >= limits.columns {
            let name =
                XLSXReader.column(of: reference) == column ? reference : "\(XLSXWriter.columnName(column))\(rowNumber)"
            return limits.cellBeyondColumns(name, column: column)
        }
        let length = text.unicodeScalars.count
        return length > limits.cellLength ? limits.cellTooLong(length: length, line: rowNumber, column: column) : nil
    }

    private func cellText() -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)) else { return "" }
            if let text = made[index] { return text }
            guard let text = shared[index] else { return "" }
            if made.count < 4_096 { made[index] = text }
            return text
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
