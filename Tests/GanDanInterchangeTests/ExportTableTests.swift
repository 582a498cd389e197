import Foundation
import GanDanCore
import GanDanInterchange
import Testing

@Suite("Export tables: typed cells, aligned rows and ASCII file names")
struct ExportTableTests {
    @Test("rows are padded or cut to the columns, so every row lines up with the header")
    func rowsAlign() {
        var table = ExportTable(title: "Danh sách", columns: ["A", "B", "C"])
        table.append([.text("x")])
        table.append([.integer(1), .integer(2), .integer(3), .integer(4)])
        #expect(table.rows == [[.text("x"), .empty, .empty], [.integer(1), .integer(2), .integer(3)]])
        #expect(table.rowCount == 2)
    }

    @Test("cells read as plain text the way CSV holds them: ISO dates, decimals without trailing zeros")
    func plainText() {
        #expect(ExportTable.Cell.date(CivilDate("2019-04-25")!).plainText == "2019-04-25")
        #expect(ExportTable.Cell.decimal(87.5).plainText == "87.5")
        #expect(ExportTable.Cell.decimal(3).plainText == "3")
        #expect(ExportTable.Cell.decimal(1.0 / 3).plainText == "0.3333")
        #expect(ExportTable.Cell.decimal(-0.00001).plainText == "0")
        #expect(ExportTable.Cell.integer(-12).plainText == "-12")
        #expect(ExportTable.Cell.empty.plainText == "")
        #expect(ExportTable.Cell.optional(nil as String?) == .empty)
        #expect(ExportTable.Cell.optional("") == .empty)
        #expect(ExportTable.Cell.optional(Double.nan) == .empty)
        #expect(ExportTable.Cell.optional(7 as Int?) == .integer(7))
    }

    @Test("file names fold Vietnamese to ASCII words joined by hyphens, then the date")
    func fileNames() {
        let day = CivilDate("2019-04-30")!
        #expect(
            ExportFileName.make("Chi bộ thôn Nà Khán · Đảng viên", date: day, fileExtension: "csv")
                == "chi-bo-thon-na-khan-dang-vien-2019-04-30.csv")
        #expect(
            ExportFileName.make("Đường/Ngõ \"Ước\"", date: day, fileExtension: "xlsx")
                == "duong-ngo-uoc-2019-04-30.xlsx")
        #expect(ExportFileName.make("· — ·", date: day, fileExtension: "csv") == "export-2019-04-30.csv")
        let long = ExportFileName.make(String(repeating: "Thượng ", count: 40), date: day, fileExtension: "csv")
        #expect(long.utf8.count <= 100)
        #expect(long.allSatisfy { $0.isASCII })
        #expect(!long.contains("--"))
    }
}
