import Foundation
import Testing

@testable import GanDanInterchange

@Suite("CSV fields a spreadsheet cannot run as formulas")
struct CSVFieldTests {
    static let formulas = [
        "+84+1+cmd|'/C calc'!A0", "+84 912=1+1", "+84", "+84-1", "+8491234567;=1", "=SUM(A1:A2)", "+1+1", "-2+3",
        "@SUM(A1)", "\t=1+1", "\r=1+1", "\r\n=1+1", "+84\t912",
    ]
    static let plain = ["+84 912 345 678", "+84912345678", "0912 345 678", "Hoàng Văn Tài", "", "a=b"]

    @Test(
        "a value that could start a formula gets a leading apostrophe, the +84 exemption included", arguments: formulas)
    func formula(value: String) throws {
        #expect(CSVField.neutralised(value) == "'" + value)
        let table = ExportTable(title: "t", columns: ["Điện thoại"], rows: [[.text(value)]])
        let text = String(decoding: try TableCSVWriter.data(table).dropFirst(3), as: UTF8.self)
        #expect(!text.contains("\r\n" + value) && !text.contains("\r\n\"" + value))
    }

    @Test("a phone number and ordinary text are exported as they are", arguments: plain)
    func plainValue(value: String) {
        #expect(CSVField.neutralised(value) == value)
    }
}
