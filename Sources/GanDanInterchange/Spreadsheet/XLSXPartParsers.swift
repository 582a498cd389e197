import Foundation
import GanDanCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A delegate for one part of the workbook that remembers the first fatal parse error, or the limit the part
/// broke (`refusal`), and then stops its stream so nothing more is inflated.
///
/// Subclasses override the callbacks: on Linux the protocol's witnesses are the base class's methods, so a
/// subclass method that does not override one would never be called.
class PartParser: NSObject, XMLParserDelegate {
    var error: (any Error)?
    /// The limit the part broke (issue 21): the reader throws it instead of a parse error.
    var refusal: InputError?
    /// The stream the part is read from.
    var stream: XLSXPartStream?

    /// Stops the parse on a limit.
    func refuse(_ refusal: InputError, _ parser: XMLParser) {
        if self.refusal == nil { self.refusal = refusal }
        stream?.stopped = true
        parser.abortParsing()
    }

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
        stream?.stopped = true
    }
}

/// Sheet names and relation ids from xl/workbook.xml, and whether dates count from 1904.
final class WorkbookParser: PartParser {
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
final class RelationsParser: PartParser {
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

/// The shared strings of a workbook, kept as one run of UTF-8 bytes and where each ends: no more memory than the
/// part's own size (which `ImportLimits.partBytes` caps), where an array of strings takes up to twice as much.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    /// Adds the next string; false when the strings no longer fit in 4 GB (the caps keep them far below).
    mutating func append(_ text: String) -> Bool {
        guard bytes.count + text.utf8.count < Int(UInt32.max) else { return false }
        bytes.append(contentsOf: text.utf8)
        ends.append(UInt32(bytes.count))
        return true
    }

    /// The string at `index`, or nil when the workbook has none there.
    subscript(index: Int) -> String? {
        guard ends.indices.contains(index) else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }
}

/// The shared strings table: each `si` is plain text (`t`) or rich-text runs (`r/t`); phonetic runs are skipped.
/// A string longer than a cell may be is refused as soon as it is.
final class SharedStringsParser: PartParser {
    var strings = SharedStrings()
    private let limits: ImportLimits
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    init(limits: ImportLimits) {
        self.limits = limits
    }

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
        guard inText else { return }
        current += string
        // A scalar is at most 4 bytes: past that many bytes, the text is surely too long, whatever else follows.
        if current.utf8.count > 4 * limits.cellLength {
            refuse(limits.cellTooLong(length: nil, line: nil, column: nil), parser)
        }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch localName(elementName) {
        case "si":
            let length = current.unicodeScalars.count
            if length > limits.cellLength {
                refuse(limits.cellTooLong(length: length, line: nil, column: nil), parser)
            } else if !strings.append(current) {
                refuse(limits.tooManyCells, parser)
            }
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// Which cell styles (`cellXfs` indexes) show dates, from the number formats in xl/styles.xml.
final class StylesParser: PartParser {
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

/// The element name without its namespace prefix ("x:row" → "row"), found among the bytes: every element of every
/// part passes here, and comparing characters would segment graphemes.
func localName(_ name: String) -> String {
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
    return String(name[name.utf8.index(after: colon)...])
}
