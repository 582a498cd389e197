import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@Suite("XLSX reader: Excel and LibreOffice workbooks, dates, sparse and empty rows, damaged files")
struct XLSXReaderTests {
    @Test("an Excel workbook reads as rows with their sheet row numbers")
    func excel() throws {
        let table = try XLSXReader.table(try XLSXFixtures.excel())
        #expect(
            table.header == ["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Mã chi bộ", "Đã xác minh", "Số"])
        #expect(table.headerLine == 1)
        #expect(table.rows.map(\.line) == [2, 4])
        // Rich-text runs are joined, the phonetic run is left out; serials under date styles become ISO dates.
        #expect(
            table.rows[0].cells == ["Nguyễn Văn An", "1980-02-03", "Nam", "2005-05-19", "CQ-00001", "TRUE", "12.5"])
        // Sparse cells land in their columns; the text date stays as typed; a gap row and an empty row are skipped.
        #expect(table.rows[1].cells == ["Ma Thị Thu", "12/08/1990", "", "", "CB-00001.01", "", "1080012345"])
        #expect(table.rows[1].cell(10) == "")
    }

    @Test("a LibreOffice workbook: a named sheet, cells without references, 1904 dates")
    func libreOffice() throws {
        let data = try XLSXFixtures.libreOffice()
        let first = try XLSXReader.table(data)
        #expect(first.header == ["ignored"])
        let table = try XLSXReader.table(data, sheet: "Hộ")
        #expect(table.headerLine == 3)
        #expect(table.header == ["Mã thôn", "Chủ hộ", "Năm"])
        #expect(table.rows == [ImportTable.Row(line: 4, cells: ["00001.01", "Ma Văn Pảo", "2022-01-01"])])
        let missing = #expect(throws: InputError.self) { try XLSXReader.table(data, sheet: "Nope") }
        #expect(missing?.description.contains("no sheet \"Nope\"") == true)
    }

    @Test("damaged files give a clear error, not a crash")
    func damaged() throws {
        let notZip = #expect(throws: InputError.self) { try XLSXReader.table(Data("full_name,sex\n".utf8)) }
        #expect(notZip?.description.contains("not a zip archive") == true)
        let noSheet = try XLSXFixtures.zip([
            "[Content_Types].xml": XLSXFixtures.contentTypes,
            "xl/workbook.xml": XLSXFixtures.workbook(sheets: ["Sheet1"]),
            "xl/_rels/workbook.xml.rels": XLSXFixtures.relations(["worksheets/sheet1.xml"]),
        ])
        let missing = #expect(throws: InputError.self) { try XLSXReader.table(noSheet) }
        #expect(missing?.description.contains("xl/worksheets/sheet1.xml") == true)
        let noWorkbook = try XLSXFixtures.zip(["hello.txt": "hi"])
        #expect(throws: InputError.self) { try XLSXReader.table(noWorkbook) }
        let broken = try XLSXFixtures.zip([
            "xl/workbook.xml": XLSXFixtures.workbook(sheets: ["Sheet1"]),
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row><c><v>1</v></row>",
        ])
        let xml = #expect(throws: InputError.self) { try XLSXReader.table(broken) }
        #expect(xml?.description.contains("not well-formed XML") == true, "\(String(describing: xml))")
        let truncated = try XLSXFixtures.excel().prefix(200)
        #expect(throws: InputError.self) { try XLSXReader.table(Data(truncated)) }
    }

    @Test("the table reader tells CSV from XLSX and refuses a workbook passed as CSV")
    func formats() throws {
        let excel = try XLSXFixtures.excel()
        #expect(TableFormat.detect(fileName: "ds.XLSX", data: Data()) == .xlsx)
        #expect(TableFormat.detect(fileName: nil, data: excel) == .xlsx)
        #expect(TableFormat.detect(fileName: "ds.csv", data: Data("a".utf8)) == .csv)
        #expect(throws: InputError.self) { try TableReader.csv(excel) }
        let csv = try TableReader.csv(Data("\u{FEFF}Họ tên,Ngày sinh\n\nA,1990-01-01\n".utf8))
        #expect(csv.header == ["Họ tên", "Ngày sinh"])
        #expect(csv.rows.map(\.line) == [3])
    }
}
