import Foundation

/// Writes a `Paper` as a .docx (WordprocessingML, ECMA-376) the office can open and adjust: A4 portrait with the
/// margins of Vietnamese administrative papers (top and bottom 2 cm, left 3 cm, right 2 cm), Times New Roman 13 pt,
/// the head and the signatures as borderless two-column tables, ruled tables, and a page break between pages.
public enum DocxWriter {
    /// The content type of a .docx file, for the HTTP response.
    public static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A4 in twentieths of a point, and the text width between the margins.
    static let pageWidth = 11_906
    static let pageHeight = 16_838
    static let margins = (top: 1_134, right: 1_134, bottom: 1_134, left: 1_701)
    static var textWidth: Int { pageWidth - margins.left - margins.right }

    /// The bytes of the .docx holding `paper`.
    public static func data(_ paper: Paper, created: Date = Date()) throws -> Data {
        let parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", OfficePackage.coreProperties(title: paper.title, created: created)),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles),
            ("word/document.xml", document(paper)),
        ]
        return try OfficePackage.zip(parts, created: created)
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// `word/document.xml`: the pages' blocks, a page break between pages, then the A4 section.
    static func document(_ paper: Paper) -> String {
        var body = ""
        for (index, page) in paper.pages.enumerated() {
            if index > 0 { body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"# }
            for block in page.blocks { body += self.block(block) }
        }
        let section =
            #"<w:sectPr><w:pgSz w:w="\#(pageWidth)" w:h="\#(pageHeight)"/>"#
            + #"<w:pgMar w:top="\#(margins.top)" w:right="\#(margins.right)" w:bottom="\#(margins.bottom)" "#
            + #"w:left="\#(margins.left)" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>"#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="\#(wordNamespace)"><w:body>"# + body + #"<w:p/>"# + section
            + "</w:body></w:document>"
    }

    static func block(_ block: PaperBlock) -> String {
        switch block.kind {
        case .paragraph: return block.line.map(paragraph) ?? "<w:p/>"
        case .columns: return columns(block.left, block.right)
        case .table: return table(block.header, block.rows, widths: block.widths)
        }
    }

    /// One paragraph; a line break in the text starts a new line within it.
    static func paragraph(_ line: PaperLine) -> String {
        let justification: String
        switch line.alignment {
        case .left: justification = "left"
        case .centre: justification = "center"
        case .right: justification = "right"
        case .justify: justification = "both"
        }
        var properties = #"<w:jc w:val="\#(justification)"/>"#
        if line.gapBefore { properties = #"<w:spacing w:before="1200"/>"# + properties }
        var format = ""
        if line.bold { format += "<w:b/>" }
        if line.italic { format += "<w:i/>" }
        if line.underline { format += #"<w:u w:val="single"/>"# }
        if line.large { format += #"<w:sz w:val="30"/>"# }
        let runFormat = format.isEmpty ? "" : "<w:rPr>\(format)</w:rPr>"
        let runs = line.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            #"<w:r>\#(runFormat)<w:t xml:space="preserve">\#(XLSXWriter.escaped(String($0)))</w:t></w:r>"#
        }
        return "<w:p><w:pPr>\(properties)</w:pPr>" + runs.joined(separator: "<w:r><w:br/></w:r>") + "</w:p>"
    }

    /// Two columns side by side without rules: the head of a paper, the signatures.
    static func columns(_ left: [PaperLine], _ right: [PaperLine]) -> String {
        let half = textWidth / 2
        func cell(_ lines: [PaperLine]) -> String {
            let paragraphs = lines.isEmpty ? "<w:p/>" : lines.map(paragraph).joined()
            return #"<w:tc><w:tcPr><w:tcW w:w="\#(half)" w:type="dxa"/></w:tcPr>\#(paragraphs)</w:tc>"#
        }
        return #"<w:tbl><w:tblPr><w:tblW w:w="\#(half * 2)" w:type="dxa"/>"#
            + #"<w:tblBorders>\#(borders("nil"))</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>"#
            + #"<w:tblGrid><w:gridCol w:w="\#(half)"/><w:gridCol w:w="\#(half)"/></w:tblGrid>"#
            + "<w:tr>\(cell(left))\(cell(right))</w:tr></w:tbl>"
    }

    /// A ruled table with a bold head row repeated on each page.
    static func table(_ header: [String], _ rows: [[String]], widths: [Int]) -> String {
        let count = max(header.count, rows.map(\.count).max() ?? 0, 1)
        let shares = widths.count == count ? widths : Array(repeating: 100 / count, count: count)
        let total = max(shares.reduce(0, +), 1)
        let twips = shares.map { textWidth * $0 / total }
        func row(_ cells: [String], head: Bool) -> String {
            let padded = cells + Array(repeating: "", count: max(count - cells.count, 0))
            let content = zip(padded, twips).map { text, width in
                let line = PaperLine(text, bold: head, alignment: head ? .centre : .left)
                return #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>\#(paragraph(line))</w:tc>"#
            }
            return (head ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>") + content.joined() + "</w:tr>"
        }
        let grid = twips.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined()
        return #"<w:tbl><w:tblPr><w:tblW w:w="\#(twips.reduce(0, +))" w:type="dxa"/>"#
            + #"<w:tblBorders>\#(borders("single"))</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>"#
            + "<w:tblGrid>\(grid)</w:tblGrid>"
            + (header.isEmpty ? "" : row(header, head: true)) + rows.map { row($0, head: false) }.joined()
            + "</w:tbl><w:p/>"
    }

    static func borders(_ kind: String) -> String {
        ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            kind == "nil"
                ? #"<w:\#($0) w:val="nil"/>"# : #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        }.joined()
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/>\
        </Relationships>
        """

    /// Times New Roman 13 pt in Vietnamese, a little space after each paragraph, single line spacing.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" \
        w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/>\
        </w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
        </w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>\
        </w:tblPr></w:style>\
        </w:styles>
        """
}
