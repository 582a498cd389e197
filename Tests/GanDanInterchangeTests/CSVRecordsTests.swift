import Foundation
import GanDanCore
import Testing

@testable import GanDanInterchange

@Suite("Reading CSV text into records (rules.md R28)")
struct CSVRecordsTests {
    @Test("fields are split at commas and trimmed outside quotes; quoted text is kept as written")
    func fields() throws {
        let records = try CSVRecords.parse(
            "full_name , cell_code\n  Ma Thị Thu\t, CB-01 \n\" Nông  Văn \"\"Tư\"\" \",\"a,b\"\n")
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(
            records.map(\.cells) == [
                ["full_name", "cell_code"], ["Ma Thị Thu", "CB-01"], [" Nông  Văn \"Tư\" ", "a,b"],
            ])
    }

    @Test("CR, LF and CRLF end a record; line breaks inside quotes stay in the field")
    func lineEnds() throws {
        let records = try CSVRecords.parse("a,b\r\nc,\"d\r\ne\"\rf,g\nh")
        #expect(records.map(\.cells) == [["a", "b"], ["c", "d\r\ne"], ["f", "g"], ["h"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test("empty fields, a trailing comma and a missing final line break; blank lines are left out, numbers kept")
    func emptyFields() throws {
        let records = try CSVRecords.parse("a,,c,\n\n,\nlast,")
        #expect(records.map(\.cells) == [["a", "", "c", ""], ["last", ""]])
        #expect(records.map(\.line) == [1, 4])
        #expect(try CSVRecords.parse("").isEmpty)
        #expect(try CSVRecords.parse("\n").isEmpty)
    }

    @Test("Unicode whitespace around a plain field is trimmed, as spreadsheets pad cells")
    func unicodeWhitespace() throws {
        let records = try CSVRecords.parse("\u{A0}Lý Thị Mai\u{3000},\u{2003}x")
        #expect(records.map(\.cells) == [["Lý Thị Mai", "x"]])
    }

    @Test("text after a closing quote is kept, and a quote never closed names its record")
    func badQuotes() throws {
        #expect(try CSVRecords.parse("\"Bàn\" Văn  ,x").map(\.cells) == [["Bàn Văn", "x"]])
        #expect(throws: InputError.self) { try CSVRecords.parse("a,b\nc,\"never closed\nd,e\n") }
        do {
            _ = try CSVRecords.parse("a,b\nc,\"never closed\nd,e\n")
        } catch {
            #expect(error.issues.map(\.line) == [2])
        }
    }

    @Test("quoted values with commas, quotes and line breaks read back exactly as they were written")
    func roundTrip() throws {
        let rows = [["Hoàng \"Út\", Văn", "1990-01-02"], ["Lò Thị\nHai dòng", ""], ["  Đặng Văn Ba  ", "\\ \t"]]
        let text = rows.map { row in
            row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let records = try CSVRecords.parse(text)
        #expect(records.map(\.cells) == rows)
        #expect(records.map(\.line) == [1, 2, 3])
    }
}

@Suite("Trimming whitespace without Foundation")
struct StringTrimmingTests {
    @Test("the same result as Foundation's trimming, for spaces, tabs, line breaks and Unicode blanks")
    func sameAsFoundation() {
        let samples = [
            "", " ", "\t\n", "abc", " abc ", "\tMa Thị Thu\u{A0}", "\u{3000}x\u{2028}", "\r\nline\r\n", "\u{85}y\u{85}",
            "  a b  ", "\u{1680}\u{2000}z\u{200A}\u{202F}\u{205F}", "e\u{301} ", " \u{301}e", "x\u{200B}", "\u{FEFF}k",
            "Đ", "\u{2029}", "!~", "\u{7F}a\u{7F}",
        ]
        let everyScalar = (0..<0x1_0000).compactMap(Unicode.Scalar.init).map { "\($0)a\($0)" }
        for sample in samples + everyScalar {
            #expect(
                sample.trimmingWhitespace() == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)"
            )
            #expect(
                sample.trimmingWhitespaceAndNewlines() == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(sample.debugDescription)")
        }
    }
}
