import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an XLSX back: its parts, and the first sheet's cells as (reference, type, style, value).
public struct WorkbookReader: Sendable {
    /// Every part of the package by its path, as text.
    public var parts: [String: String] = [:]

    public init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// One `<c>` of the sheet: its reference, `t` and `s` attributes, and the text of its value.
    public struct Cell: Equatable, Sendable {
        public var reference: String
        public var type: String?
        public var style: String?
        public var value: String

        public init(reference: String, type: String?, style: String?, value: String) {
            self.reference = reference
            self.type = type
            self.style = style
            self.value = value
        }
    }

    /// A part missing from the package or not well-formed XML.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The sheet's cells, parsed with Foundation's XML parser (so the XML must be well-formed).
    public func cells() throws -> [Cell] {
        guard let sheet = parts["xl/worksheets/sheet1.xml"] else { throw Problem(description: "no sheet1.xml") }
        let delegate = SheetParser()
        let parser = XMLParser(data: Data(sheet.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw Problem(description: "sheet1.xml is not well-formed: \(String(describing: parser.parserError))")
        }
        return delegate.cells
    }

    /// The sheet as rows of values by column letter order, header first (empty cells as "").
    public func rows() throws -> [[String]] {
        var rows: [Int: [(String, String)]] = [:]
        for cell in try cells() {
            let letters = String(cell.reference.prefix { $0.isLetter })
            guard let row = Int(cell.reference.dropFirst(letters.count)) else { continue }
            rows[row, default: []].append((letters, cell.value))
        }
        return rows.keys.sorted().map { key in
            rows[key]!.sorted { ($0.0.count, $0.0) < ($1.0.count, $1.0) }.map(\.1)
        }
    }

    /// True when `part` parses as XML.
    public func isWellFormed(_ part: String) -> Bool {
        guard let text = parts[part] else { return false }
        return XMLParser(data: Data(text.utf8)).parse()
    }

    final class SheetParser: NSObject, XMLParserDelegate {
        var cells: [Cell] = []
        var current: Cell?
        var text = ""
        var inValue = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "c":
                current = Cell(
                    reference: attributes["r"] ?? "", type: attributes["t"], style: attributes["s"], value: "")
            case "v", "t":
                inValue = true
                text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t":
                current?.value += text
                inValue = false
            case "c":
                if let current { cells.append(current) }
                current = nil
            default: break
            }
        }
    }
}
