import Foundation
import Testing

@testable import GanDanInterchange

@Suite("CSV lines of the member export: quoted only where they must be, and read back as written")
struct CSVLineWriterTests {
    @Test("commas, quotes and line breaks are quoted with quotes doubled; other text is written as it is")
    func quoting() {
        var writer = CSVLineWriter()
        writer.append(row: ["Hoàng Văn Tài", "", "Bản Tùn, Thanh Tương", "Ma Thị \"Thu\""])
        writer.append(row: ["dòng\nhai", "a\r\nb", "c\rd", "'=1+1"])
        #expect(
            writer.text
                == "Hoàng Văn Tài,,\"Bản Tùn, Thanh Tương\",\"Ma Thị \"\"Thu\"\"\"\n"
                + "\"dòng\nhai\",\"a\r\nb\",\"c\rd\",'=1+1\n")
    }

    @Test("what it writes, the import's CSV reader reads back field for field")
    func roundTrip() throws {
        let rows = [
            ["full_name", "birth_date", "note"], ["Đào Thị \"Hoa\", Nà Coóc", "1970-02-02", "a\nb"],
            ["La Văn Đường", "1965-03-03", ""],
        ]
        var writer = CSVLineWriter()
        for row in rows { writer.append(row: row) }
        let read = try CSVRecords.parse(writer.text)
        #expect(read.map(\.cells) == rows)
    }
}
