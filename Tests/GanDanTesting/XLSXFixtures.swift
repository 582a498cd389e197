import Foundation
import ZIPFoundation

/// Builds .xlsx workbooks in memory from hand-written XML parts, as Excel and LibreOffice write them.
public enum XLSXFixtures {
    public static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data ?? Data()
    }

    public static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
        """

    public static func workbook(sheets: [String], date1904: Bool = false) -> String {
        let list = sheets.enumerated().map { #"<sheet name="\#($1)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr\(date1904 ? #" date1904="1""# : "")/><sheets>\(list.joined())</sheets></workbook>
            """
    }

    public static func relations(_ targets: [String]) -> String {
        let list = targets.enumerated().map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="\#($1)"/>"#
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(list.joined())</Relationships>
            """
    }

    /// Excel's way: shared strings (one with rich-text runs and a phonetic run), a built-in date style (14),
    /// a custom date style, a gap row, sparse cells, an inline string, a boolean and a formula result.
    public static func excel() throws -> Data {
        let shared = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">\
            <si><t>Họ và tên</t></si><si><t>Ngày sinh</t></si><si><t>Giới tính</t></si><si><t>Ngày vào Đảng</t></si>\
            <si><t>Mã chi bộ</t></si>\
            <si><r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space="preserve">Văn An</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>\
            <si><t>Nam</t></si></sst>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="2"/></cellXfs>\
            </styleSheet>
            """
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="inlineStr"><is><t>Đã xác minh</t></is></c><c r="G1" t="inlineStr"><is><t>Số</t></is></c></row>\
            <row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" s="1"><v>29254</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" s="2"><v>38491</v></c><c r="E2" t="str"><f>"CQ-"&amp;"00001"</f><v>CQ-00001</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" s="3"><v>12.5</v></c></row>\
            <row r="4"><c r="A4" t="inlineStr"><is><t>Ma Thị Thu</t></is></c><c r="B4" t="inlineStr"><is><t>12/08/1990</t></is></c><c r="E4" t="inlineStr"><is><t>CB-00001.01</t></is></c><c r="G4"><v>1080012345</v></c></row>\
            <row r="5"><c r="A5" s="1"/></row>\
            </sheetData></worksheet>
            """
        return try zip([
            "[Content_Types].xml": contentTypes, "xl/workbook.xml": workbook(sheets: ["Đảng viên"]),
            "xl/_rels/workbook.xml.rels": relations(["worksheets/sheet1.xml"]), "xl/sharedStrings.xml": shared,
            "xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet,
        ])
    }

    /// LibreOffice's way: an absolute relation target, cells without references, a 1904 date base, and a
    /// second sheet chosen by name.
    public static func libreOffice() throws -> Data {
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="165" formatCode="YYYY\\-MM\\-DD"/></numFmts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="165" fontId="0"/></cellXfs></styleSheet>
            """
        let first = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>ignored</t></is></c></row></sheetData></worksheet>
            """
        let second = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="3"><c t="inlineStr"><is><t>Mã thôn</t></is></c><c t="inlineStr"><is><t>Chủ hộ</t></is></c><c t="inlineStr"><is><t>Năm</t></is></c></row>\
            <row r="4"><c t="inlineStr"><is><t>00001.01</t></is></c><c t="inlineStr"><is><t>Ma Văn Pảo</t></is></c><c s="1"><v>43100</v></c></row>\
            </sheetData></worksheet>
            """
        return try zip([
            "[Content_Types].xml": contentTypes,
            "xl/workbook.xml": workbook(sheets: ["Trang 1", "Hộ"], date1904: true),
            "xl/_rels/workbook.xml.rels": relations(["/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml"]),
            "xl/styles.xml": styles, "xl/worksheets/sheet1.xml": first, "xl/worksheets/sheet2.xml": second,
        ])
    }

    /// A workbook of one sheet whose rows are `rows` (`<row>` elements), with `sharedStrings` as its shared strings
    /// part when given.
    public static func oneSheet(rows: String, sharedStrings: String? = nil) throws -> Data {
        var parts = [
            "[Content_Types].xml": contentTypes, "xl/workbook.xml": workbook(sheets: ["Sheet1"]),
            "xl/_rels/workbook.xml.rels": relations(["worksheets/sheet1.xml"]),
            "xl/worksheets/sheet1.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
            """,
        ]
        parts["xl/sharedStrings.xml"] = sharedStrings
        return try zip(parts)
    }

    /// The archive with the uncompressed size of `name` forged to `size`, in its local header and in the central
    /// directory, as a zip bomb would declare it.
    public static func forgingSize(of name: String, to size: UInt32, in archive: Data) -> Data {
        var bytes = [UInt8](archive)
        func number(_ offset: Int, _ width: Int) -> Int {
            (0..<width).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
        }
        func write(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        guard let end = (0...(bytes.count - 22)).reversed().first(where: { number($0, 4) == 0x0605_4B50 }) else {
            return archive
        }
        var offset = number(end + 16, 4)
        for _ in 0..<number(end + 10, 2) {
            let nameLength = number(offset + 28, 2)
            let next = offset + 46 + nameLength + number(offset + 30, 2) + number(offset + 32, 2)
            if bytes[(offset + 46)..<(offset + 46 + nameLength)].elementsEqual(name.utf8) {
                write(size, at: offset + 24)
                write(size, at: number(offset + 42, 4) + 22)
            }
            offset = next
        }
        return Data(bytes)
    }

    /// A zip archive written byte by byte: each part's data is stored as given, under the method given (0 stored,
    /// 8 deflated), with the checksum and size given, so a test can build what no zip writer would.
    public static func rawZip(_ parts: [(name: String, method: UInt16, data: Data, crc32: UInt32, size: UInt32)])
        -> Data
    {
        var file: [UInt8] = []
        var directory: [UInt8] = []
        func le(_ value: Int, _ width: Int) -> [UInt8] {
            (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        for part in parts {
            let name = Array(part.name.utf8)
            let common =
                le(20, 2) + le(0, 2) + le(Int(part.method), 2) + le(0, 4) + le(Int(part.crc32), 4)
                + le(part.data.count, 4) + le(Int(part.size), 4) + le(name.count, 2) + le(0, 2)
            directory +=
                le(0x0201_4B50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4)
                + le(file.count, 4) + name
            file += le(0x0403_4B50, 4) + common + name + [UInt8](part.data)
        }
        let end =
            le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(parts.count, 2) + le(parts.count, 2)
            + le(directory.count, 4) + le(file.count, 4) + le(0, 2)
        return Data(file + directory + end)
    }

    /// A part stored uncompressed, for `rawZip`.
    public static func stored(_ name: String, _ text: String) -> (
        name: String, method: UInt16, data: Data, crc32: UInt32, size: UInt32
    ) {
        let data = Data(text.utf8)
        return (name, 0, data, data.crc32(checksum: 0), UInt32(data.count))
    }
}
