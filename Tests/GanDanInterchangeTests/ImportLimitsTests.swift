import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanInterchange

/// The refusal of a read within `limits`, or nil when the read succeeds.
private func refusal(_ language: Language = .vi, _ read: () throws(InputError) -> Any) -> String? {
    do {
        _ = try read()
        return nil
    } catch {
        return error.issues.map { $0.message(in: language) }.joined(separator: "; ")
    }
}

@Suite("Import limits: files that would take the server are refused, naming the limit in the page's language")
struct ImportLimitsTests {
    static let vi = ImportLimits.web
    static let en = ImportLimits.web.in(.en)

    @Test("a secretary's CSV of a million columns is refused at its 201st column, before it is parsed")
    func csvColumns() throws {
        let header = (0..<1_000_000).map { "cot\($0)" }.joined(separator: ",")
        let text = header + "\nLò Văn A,1990-01-01\n"
        #expect(
            refusal { () throws(InputError) in try TableReader.csv(Data(text.utf8), limits: Self.vi) }
                == "Tệp có 1.000.000 cột (dòng 1); tối đa 200 cột.")
        #expect(
            refusal(.en) { () throws(InputError) in try TableReader.csv(Data(text.utf8), limits: Self.en) }
                == "The file has 1,000,000 columns (line 1); at most 200 are accepted.")
        // Quoted commas are not columns; 200 columns are fine.
        let wide = (0..<200).map { "\"c,\($0)\"" }.joined(separator: ",") + "\n"
        #expect(try TableReader.csv(Data(wide.utf8), limits: Self.vi).header.count == 200)
        #expect(
            refusal { () throws(InputError) in
                try TableReader.csv(Data(("a," + wide).utf8), limits: Self.vi)
            } == "Tệp có 201 cột (dòng 1); tối đa 200 cột.")
    }

    @Test("rows past the limit are refused; blank lines do not count and are not kept")
    func csvRows() throws {
        var limits = Self.vi
        limits.rows = 3
        let blank = String(repeating: ",,,\n", count: 100_000)
        let table = try TableReader.csv(Data("a,b\n1,2\n\(blank)3,4\n".utf8), limits: limits)
        #expect(table.rows.map(\.line) == [2, 100_003])
        #expect(
            refusal { () throws(InputError) in
                try TableReader.csv(Data("a,b\n1,2\n3,4\n5,6\n".utf8), limits: limits)
            } == "Tệp có hơn 3 dòng; tối đa 3 dòng.")
        limits.cells = 5
        #expect(
            refusal { () throws(InputError) in try TableReader.csv(Data("a,b\n1,2\n3,4\n".utf8), limits: limits) }
                == "Tệp có hơn 5 ô (dòng × cột); tối đa 5 ô.")
        limits.cells = 100
        limits.textBytes = 8
        #expect(
            refusal { () throws(InputError) in try TableReader.csv(Data("ab,cd\nef,ghi\n".utf8), limits: limits) }
                == "Các ô của tệp chứa hơn 8 byte chữ; tối đa 8 byte.")
        #expect(ImportLimits.commandLine.rows > ImportLimits.web.rows)
        #expect(ImportLimits.commandLine.columns == ImportLimits.web.columns)
    }

    @Test("a cell longer than 2,000 characters is refused with its line and column")
    func csvCellLength() throws {
        let long = String(repeating: "ắ", count: 2_001)
        #expect(
            refusal { () throws(InputError) in
                try TableReader.csv(Data("a,b\nx,\(long)\n".utf8), limits: Self.vi)
            } == "Ô ở dòng 2, cột 2 dài 2.001 ký tự; tối đa 2.000 ký tự một ô.")
        #expect(
            refusal(.en) { () throws(InputError) in
                try TableReader.csv(Data("a,b\nx,\"\(long)\"\n".utf8), limits: Self.en)
            } == "The cell on line 2, column 2 is 2,001 characters long; at most 2,000 are accepted in a cell.")
        let fits = try TableReader.csv(Data("a,b\nx,\(long.dropLast())\n".utf8), limits: Self.vi)
        #expect(fits.rows[0].cells[1].count == 2_000)
    }

    @Test("an .xlsx with one cell at column XFD on 20,000 rows is refused at the first, not padded to 16,384 cells")
    func xlsxColumnXFD() throws {
        let rows = (1...20_000).map { #"<row r="\#($0)"><c r="XFD\#($0)" t="inlineStr"><is><t>x</t></is></c></row>"# }
        let workbook = try XLSXFixtures.oneSheet(rows: rows.joined())
        #expect(workbook.count < 200_000)
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(workbook, limits: Self.vi) }
                == "Ô XFD1 nằm ở cột 16.384; tối đa 200 cột.")
        #expect(
            refusal(.en) { () throws(InputError) in try XLSXReader.table(workbook, limits: Self.en) }
                == "Cell XFD1 is in column 16,384; at most 200 columns are accepted.")
        // Column 200 (GR) is the last accepted; an empty cell beyond it is nothing to refuse.
        let edge = try XLSXFixtures.oneSheet(
            rows:
                #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="GR1" t="inlineStr"><is><t>b</t></is></c><c r="XFD1" s="1"/></row>"#
        )
        #expect(try XLSXReader.table(edge, limits: Self.vi).header.count == 200)
    }

    @Test("sheet rows, long cells and the text of all cells past the limits are refused as the sheet is read")
    func xlsxRowsAndCells() throws {
        var limits = Self.vi
        limits.rows = 2
        let rows = (1...5).map { #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>x</t></is></c></row>"# }
        let workbook = try XLSXFixtures.oneSheet(rows: #"<row r="9"/>"# + rows.joined())
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(workbook, limits: limits) }
                == "Tệp có hơn 2 dòng; tối đa 2 dòng.")
        let long = String(repeating: "ư", count: 2_001)
        let shared = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>\(long)</t></si></sst>
            """
        let sharedLong = try XLSXFixtures.oneSheet(
            rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, sharedStrings: shared)
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(sharedLong, limits: Self.vi) }
                == "Tệp có một ô dài 2.001 ký tự; tối đa 2.000 ký tự một ô.")
        // A long text shared by every row costs a few bytes of the file a row, and counts in full.
        var text = Self.vi
        text.textBytes = 1 << 20
        let repeated = (1...1_000).map { #"<row r="\#($0)"><c r="A\#($0)" t="s"><v>1</v></c></row>"# }.joined()
        let label = String(repeating: "a", count: 2_000)
        let labels = try XLSXFixtures.oneSheet(
            rows: repeated,
            sharedStrings:
                #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si><si><t>\#(label)</t></si></sst>"#
        )
        #expect(try XLSXReader.table(labels, limits: Self.vi).rows.count == 999)
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(labels, limits: text) }
                == "Các ô của tệp chứa hơn 1 MB chữ; tối đa 1 MB.")
        let inlineLong = try XLSXFixtures.oneSheet(
            rows: #"<row r="4"><c r="C4" t="inlineStr"><is><t>\#(long)</t></is></c></row>"#)
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(inlineLong, limits: Self.vi) }
                == "Ô ở dòng 4, cột 3 dài 2.001 ký tự; tối đa 2.000 ký tự một ô.")
    }

    /// A workbook whose shared strings inflate to about 3 MB of short strings.
    static func bigSharedStrings() throws -> Data {
        let items = String(repeating: "<si><t>Nguyễn Văn An</t></si>", count: 100_000)
        return try XLSXFixtures.oneSheet(
            rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            sharedStrings: #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#(items)</sst>"#)
    }

    @Test("a part whose declared size passes its cap is refused before it is inflated")
    func xlsxDeclaredPartSize() throws {
        var limits = Self.vi
        limits.partBytes = 1 << 20
        let workbook = try Self.bigSharedStrings()
        #expect(try XLSXReader.table(workbook, limits: Self.vi).header == ["Nguyễn Văn An"])
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(workbook, limits: limits) }
                == "Phần xl/sharedStrings.xml của tệp .xlsx giải nén ra 3 MB; tối đa 1 MB.")
    }

    @Test("a part whose header lies about its size is refused as soon as it inflates to more than it declares")
    func xlsxLyingPartSize() throws {
        let lying = XLSXFixtures.forgingSize(of: "xl/sharedStrings.xml", to: 4_096, in: try Self.bigSharedStrings())
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(lying, limits: Self.vi) }
                == "Phần xl/sharedStrings.xml của tệp .xlsx giải nén ra nhiều hơn 4.096 byte như tệp khai báo "
                + "(tối đa 128 MB): tệp bị hỏng hoặc bị làm giả.")
        // The worksheet has its own, larger cap; its declaration is held to the same account.
        let rows = (1...40_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let sheet = XLSXFixtures.forgingSize(
            of: "xl/worksheets/sheet1.xml", to: 100_000, in: try XLSXFixtures.oneSheet(rows: rows))
        #expect(
            refusal(.en) { () throws(InputError) in try XLSXReader.table(sheet, limits: Self.en) }
                == "Part xl/worksheets/sheet1.xml of the .xlsx file inflates to more than the 98 KB it declares "
                + "(at most 512 MB are accepted): the file is damaged or forged.")
    }

    @Test("a deflate stream that never ends, a document type and a wrong checksum are damage, not a hang")
    func xlsxDamage() throws {
        let head = [
            XLSXFixtures.stored("xl/workbook.xml", XLSXFixtures.workbook(sheets: ["Sheet1"])),
            XLSXFixtures.stored("xl/_rels/workbook.xml.rels", XLSXFixtures.relations(["worksheets/sheet1.xml"])),
        ]
        // A stored deflate block of 5 bytes that is not the last, then nothing: the data ends before the stream.
        let unending = Data([0x00, 0x05, 0x00, 0xFA, 0xFF] + Array("<a/> ".utf8))
        let endless = XLSXFixtures.rawZip(head + [("xl/worksheets/sheet1.xml", 8, unending, 0, 5)])
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(endless, limits: Self.vi) }
                == "the workbook is damaged: xl/worksheets/sheet1.xml ends before its data does")
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """
        let entities = XLSXFixtures.rawZip(head + [XLSXFixtures.stored("xl/worksheets/sheet1.xml", laughs)])
        #expect(
            refusal { () throws(InputError) in try XLSXReader.table(entities, limits: Self.vi) }
                == "the workbook is damaged: xl/worksheets/sheet1.xml declares a document type")
        var checksum = XLSXFixtures.stored("xl/worksheets/sheet1.xml", "<worksheet/>")
        checksum.crc32 ^= 1
        #expect(
            refusal { () throws(InputError) in
                try XLSXReader.table(XLSXFixtures.rawZip(head + [checksum]), limits: Self.vi)
            } == "the workbook is damaged: xl/worksheets/sheet1.xml does not match its checksum")
    }

    @Test("a parsed table reads back from its stored bytes as it was; other bytes are not a table")
    func storedTable() throws {
        let table = ImportTable(
            header: ["Họ và tên", "", "Mã"], headerLine: 3,
            rows: [
                .init(line: 4, cells: ["Ma Văn Pảo", "", "CB-1"]), .init(line: -1, cells: []),
                .init(line: 1_048_576, cells: [String(repeating: "ẫ", count: 300)]),
            ])
        #expect(ImportTable(encoded: table.encoded()) == table)
        #expect(ImportTable(encoded: Data("Họ và tên,Mã\n".utf8)) == nil)
        #expect(ImportTable(encoded: table.encoded().dropLast()) == nil)
    }
}
