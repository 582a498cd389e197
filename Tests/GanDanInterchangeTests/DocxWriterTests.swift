import Foundation
import GanDanInterchange
import GanDanTesting
import Testing

@Suite("Papers as .docx: a WordprocessingML package the office opens and adjusts")
struct DocxWriterTests {
    static let paper = Paper(
        title: "Biên bản họp chi bộ",
        pages: [
            PaperPage([
                .columns(
                    [.centred("ĐẢNG BỘ XÃ THƯỢNG LÂM", bold: true), .centred("CHI BỘ THÔN NÀ KHÁ")],
                    [
                        .centred("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true),
                        .centred("Thượng Lâm, ngày 5 tháng 6 năm 2026", italic: true),
                    ]),
                .title("BIÊN BẢN"),
                .paragraph("Tổng số đảng viên: 12; có mặt: 10 & <Ma Thị Lan> vắng\ncó lý do."),
                .table(["STT", "Họ và tên", "Chữ ký"], [["1", "Ma Văn Tùng", ""]], widths: [10, 60, 30]),
            ]),
            PaperPage([.title("DANH SÁCH ĐẢNG VIÊN DỰ HỌP")]),
        ])

    @Test("the package holds the four parts, well-formed, with the document and styles declared")
    func parts() throws {
        let data = try DocxWriter.data(Self.paper)
        #expect(data.prefix(2) == Data("PK".utf8))
        let package = try WorkbookReader(data)
        for part in [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
            "word/_rels/document.xml.rels",
        ] {
            #expect(package.isWellFormed(part), "\(part) is present and well-formed")
        }
        let types = try #require(package.parts["[Content_Types].xml"])
        #expect(types.contains(#"PartName="/word/document.xml""#))
        #expect(types.contains("wordprocessingml.document.main+xml"))
        #expect(try #require(package.parts["_rels/.rels"]).contains(#"Target="word/document.xml""#))
        #expect(try #require(package.parts["word/styles.xml"]).contains("Times New Roman"))
    }

    @Test("the document is A4, its text escaped, the title centred and bold, the table ruled, pages broken")
    func document() throws {
        let xml = try #require(try WorkbookReader(DocxWriter.data(Self.paper)).parts["word/document.xml"])
        #expect(xml.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(xml.contains("ĐẢNG BỘ XÃ THƯỢNG LÂM"))
        #expect(xml.contains("có mặt: 10 &amp; &lt;Ma Thị Lan&gt; vắng</w:t></w:r><w:r><w:br/></w:r>"))
        #expect(
            xml.contains(
                #"<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="30"/></w:rPr><w:t xml:space="preserve">BIÊN BẢN</w:t>"#
            ))
        #expect(xml.contains(#"<w:u w:val="single"/>"#))
        #expect(xml.contains(#"<w:i/>"#))
        #expect(xml.contains(#"<w:top w:val="single""#), "the table has rules")
        #expect(xml.contains(#"<w:top w:val="nil"/>"#), "the head's columns have none")
        #expect(xml.contains("<w:tblHeader/>"))
        #expect(xml.components(separatedBy: #"<w:br w:type="page"/>"#).count == 2, "one break between two pages")
        #expect(xml.contains("Ma Văn Tùng"))
    }
}
