import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@Suite("CSV and XLSX renderers of export tables")
struct ExportRendererTests {
    static let table = ExportTable(
        title: "Chi bộ thôn Nà Coóc: <Đảng viên> & \"khách\"",
        columns: ["Họ và tên", "Năm sinh", "Điểm", "Ngày vào Đảng", "Ghi chú"],
        rows: [
            [.text("Hoàng Văn Tài"), .integer(1975), .decimal(87.5), .date(CivilDate("2000-01-01")!), .empty],
            [
                .text("Ma Thị <Thu> & \"Lan\" 'Bé'"), .integer(1980), .empty, .date(CivilDate("2019-04-25")!),
                .text("=SUM(A1:A2)"),
            ],
            [.text("Dòng\nhai, có phẩy"), .empty, .decimal(-2.25), .empty, .text("+84 912 345 678")],
        ])

    @Test("CSV: UTF-8 with a byte-order mark, header first, quoted where needed, formulas neutralised")
    func csv() throws {
        let data = try TableCSVWriter.data(Self.table)
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "Họ và tên,Năm sinh,Điểm,Ngày vào Đảng,Ghi chú")
        #expect(lines[1] == "Hoàng Văn Tài,1975,87.5,2000-01-01,")
        #expect(lines[2] == #""Ma Thị <Thu> & ""Lan"" 'Bé'",1980,,2019-04-25,'=SUM(A1:A2)"#)
        #expect(text.contains("\"Dòng\nhai, có phẩy\",,-2.25,,+84 912 345 678"))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test("XLSX: a valid workbook whose sheet reads back with numbers, date serials, escaped Vietnamese text")
    func xlsx() throws {
        let data = try XLSXWriter.data(Self.table)
        #expect(data.prefix(2) == Data("PK".utf8))
        let book = try WorkbookReader(data)
        for part in [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/worksheets/sheet1.xml", "docProps/core.xml",
        ] {
            #expect(book.isWellFormed(part), "\(part) is present and well-formed")
        }
        let types = try #require(book.parts["[Content_Types].xml"])
        #expect(types.contains(#"PartName="/xl/worksheets/sheet1.xml""#))
        #expect(types.contains("spreadsheetml.sheet.main+xml"))
        #expect(try #require(book.parts["xl/_rels/workbook.xml.rels"]).contains(#"Target="worksheets/sheet1.xml""#))
        let styles = try #require(book.parts["xl/styles.xml"])
        #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#))
        #expect(styles.contains(#"<xf numFmtId="164""#))
        // The sheet name: cut to 31 characters, without characters Excel refuses, escaped.
        let workbook = try #require(book.parts["xl/workbook.xml"])
        #expect(workbook.contains(#"<sheet name="Chi bộ thôn Nà Coóc &lt;Đảng viên"#))
        let sheet = try #require(book.parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"state="frozen""#))
        #expect(sheet.contains("&lt;Thu&gt; &amp; &quot;Lan&quot; &apos;Bé&apos;"))

        let cells = try book.cells()
        func cell(_ reference: String) -> WorkbookReader.Cell? { cells.first { $0.reference == reference } }
        #expect(cell("A1") == .init(reference: "A1", type: "inlineStr", style: "2", value: "Họ và tên"))
        #expect(cell("E1")?.value == "Ghi chú")
        #expect(cell("A2") == .init(reference: "A2", type: "inlineStr", style: nil, value: "Hoàng Văn Tài"))
        #expect(cell("B2") == .init(reference: "B2", type: nil, style: nil, value: "1975"))
        #expect(cell("C2")?.value == "87.5")
        // 2000-01-01 is day 36526 of Excel's 1900 date system; 2019-04-25 is 43580.
        #expect(cell("D2") == .init(reference: "D2", type: nil, style: "1", value: "36526"))
        #expect(cell("D3") == .init(reference: "D3", type: nil, style: "1", value: "43580"))
        #expect(cell("E2") == nil, "an empty cell is left out")
        #expect(cell("A3")?.value == "Ma Thị <Thu> & \"Lan\" 'Bé'")
        #expect(cell("E3")?.value == "=SUM(A1:A2)", "a formula-looking text stays text in XLSX")
        #expect(cell("E3")?.type == "inlineStr")
        #expect(cell("A4")?.value == "Dòng\nhai, có phẩy")
        #expect(cell("C4")?.value == "-2.25")
        #expect(cells.count == 5 + 4 + 4 + 3, "the header, then each row without its empty cells")
    }

    @Test("XLSX column names run A…Z, AA…; an empty table still makes a valid workbook")
    func columnsAndEmpty() throws {
        let wide = ExportTable(title: "", columns: (1...28).map { "c\($0)" }, rows: [(1...28).map { .integer($0) }])
        let cells = try WorkbookReader(try XLSXWriter.data(wide)).cells()
        #expect(cells.first { $0.reference == "AB2" }?.value == "28")
        #expect(cells.first { $0.reference == "Z1" }?.value == "c26")
        let empty = try WorkbookReader(try XLSXWriter.data(ExportTable(title: "[]", columns: [])))
        #expect(empty.isWellFormed("xl/worksheets/sheet1.xml"))
        #expect(try #require(empty.parts["xl/workbook.xml"]).contains(#"<sheet name="Sheet1""#))
    }
}
