import Foundation
import GanDanCore

/// Writes an `ExportTable` as an XLSX workbook (Office Open XML, ECMA-376) with one sheet, zipped by
/// ZIPFoundation: numbers as numbers, dates as date serials shown `dd/mm/yyyy`, text as inline strings
/// (XML-escaped), a bold header row frozen at the top and column widths fitted to the content.
public enum XLSXWriter {
    /// The style indexes in `styles.xml`'s `cellXfs`.
    enum Style: Int {
        case plain = 0
        case date = 1
        case header = 2
    }

    /// The content type of an XLSX file, for the HTTP response.
    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The bytes of the workbook holding `table`.
    public static func data(_ table: ExportTable, created: Date = Date()) throws -> Data {
        let parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", OfficePackage.coreProperties(title: table.title, created: created)),
            ("xl/workbook.xml", workbook(sheetName: sheetName(table.title))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet(table)),
        ]
        return try OfficePackage.zip(parts, created: created)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
    static func sheetName(_ title: String) -> String {
        let cleaned = String(
            title.unicodeScalars.filter { !"[]:*?/\\'".unicodeScalars.contains($0) && !isControl($0) }
                .map(Character.init)
        )
        .trimmingCharacters(in: .whitespaces)
        let cut = String(cleaned.prefix(31)).trimmingCharacters(in: .whitespaces)
        return cut.isEmpty ? "Sheet1" : cut
    }

    /// "A" for column 0, "Z" for 25, "AA" for 26 …
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Excel's date serial: days since 1899-12-30 (the 1900 date system), so 1970-01-01 is 25569.
    static func serial(_ date: CivilDate) -> Int { date.dayNumber + 25_569 }

    /// `text` safe inside XML content or a double-quoted attribute; characters XML 1.0 forbids are dropped.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                if isControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                if (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

    static func cell(_ value: ExportTable.Cell, at reference: String, header: Bool) -> String {
        let style = header ? " s=\"\(Style.header.rawValue)\"" : ""
        switch value {
        case .text(let text):
            return
                "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
        case .integer(let number):
            return "<c r=\"\(reference)\"\(style)><v>\(number)</v></c>"
        case .decimal(let number):
            guard number.isFinite else { return "" }
            return "<c r=\"\(reference)\"\(style)><v>\(number)</v></c>"
        case .date(let date):
            return "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial(date))</v></c>"
        case .empty:
            return ""
        }
    }

    /// Column widths in characters, from the longest text in each column (between 8 and 60).
    static func widths(_ table: ExportTable) -> [Int] {
        table.columns.indices.map { index in
            var widest = table.columns[index].count
            for row in table.rows {
                let length: Int
                switch row[index] {
                case .date: length = 10
                default: length = row[index].plainText.count
                }
                widest = max(widest, length)
            }
            return min(60, max(8, widest + 2))
        }
    }

    static func sheet(_ table: ExportTable) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        let lastColumn = columnName(max(table.columns.count, 1) - 1)
        xml += "<dimension ref=\"A1:\(lastColumn)\(table.rows.count + 1)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !table.columns.isEmpty {
            xml += "<cols>"
            for (index, width) in widths(table).enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += "<row r=\"1\">"
        for (index, title) in table.columns.enumerated() {
            xml += cell(.text(title), at: "\(columnName(index))1", header: true)
        }
        xml += "</row>"
        for (rowIndex, row) in table.rows.enumerated() {
            let number = rowIndex + 2
            xml += "<row r=\"\(number)\">"
            for (index, value) in row.enumerated() {
                xml += cell(value, at: "\(columnName(index))\(number)", header: false)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "</worksheet>"
        return xml
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" \
        ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        </Relationships>
        """

    static func workbook(sheetName: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
        </workbook>
        """
    }

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Fonts: normal and bold; fills: the two Excel requires; `cellXfs`: plain, date (`dd/mm/yyyy`), header (bold).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
