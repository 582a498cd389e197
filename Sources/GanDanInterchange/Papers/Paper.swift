import Foundation

/// A paper to print or hand to the office as .docx: pages of blocks in the Vietnamese administrative layout (a
/// two-column head, a centred bold title, paragraphs, tables, signature columns). One value renders both ways, so the
/// printed page and the .docx say the same thing.
public struct Paper: Sendable, Hashable, Encodable {
    /// The paper's name, for the .docx title and the download's file name.
    public var title: String
    public var pages: [PaperPage]

    public init(title: String, pages: [PaperPage]) {
        self.title = title
        self.pages = pages
    }

    /// Every text the paper prints, in reading order (for tests and search).
    public var texts: [String] { pages.flatMap { $0.blocks.flatMap(\.texts) } }
}

/// One A4 page (or more, if its content runs over); the next page starts on a new sheet.
public struct PaperPage: Sendable, Hashable, Encodable {
    public var blocks: [PaperBlock]

    public init(_ blocks: [PaperBlock]) { self.blocks = blocks }
}

/// One line of a paragraph or a column: its text and how it is set.
public struct PaperLine: Sendable, Hashable, Encodable {
    public enum Alignment: String, Sendable, Encodable { case left, centre, right, justify }

    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var alignment: Alignment
    /// Larger type, for the paper's title.
    public var large: Bool
    /// Room left above the line (for a hand signature).
    public var gapBefore: Bool

    public init(
        _ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false,
        alignment: Alignment = .justify, large: Bool = false, gapBefore: Bool = false
    ) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.alignment = alignment
        self.large = large
        self.gapBefore = gapBefore
    }

    /// A centred line, as in a head or a signature column.
    public static func centred(
        _ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, gapBefore: Bool = false
    ) -> PaperLine {
        PaperLine(text, bold: bold, italic: italic, underline: underline, alignment: .centre, gapBefore: gapBefore)
    }
}

/// A block of a page: a paragraph, two columns side by side (the head, the signatures), or a ruled table.
public struct PaperBlock: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Encodable { case paragraph, columns, table }

    public var kind: Kind
    /// The paragraph (kind `paragraph`).
    public var line: PaperLine?
    /// The two columns (kind `columns`).
    public var left: [PaperLine]
    public var right: [PaperLine]
    /// The table's head and rows (kind `table`); `widths` are the columns' shares of the width, in per cent.
    public var header: [String]
    public var rows: [[String]]
    public var widths: [Int]

    init(
        kind: Kind, line: PaperLine? = nil, left: [PaperLine] = [], right: [PaperLine] = [], header: [String] = [],
        rows: [[String]] = [], widths: [Int] = []
    ) {
        self.kind = kind
        self.line = line
        self.left = left
        self.right = right
        self.header = header
        self.rows = rows
        self.widths = widths
    }

    public static func paragraph(_ line: PaperLine) -> PaperBlock { PaperBlock(kind: .paragraph, line: line) }

    public static func paragraph(_ text: String, bold: Bool = false, italic: Bool = false) -> PaperBlock {
        PaperBlock(kind: .paragraph, line: PaperLine(text, bold: bold, italic: italic))
    }

    /// The centred bold title (large) or a centred bold line under it.
    public static func title(_ text: String, large: Bool = true) -> PaperBlock {
        PaperBlock(kind: .paragraph, line: PaperLine(text, bold: true, alignment: .centre, large: large))
    }

    public static func columns(_ left: [PaperLine], _ right: [PaperLine]) -> PaperBlock {
        PaperBlock(kind: .columns, left: left, right: right)
    }

    /// A ruled table; `widths` default to equal shares.
    public static func table(_ header: [String], _ rows: [[String]], widths: [Int] = []) -> PaperBlock {
        let shares =
            widths.count == header.count
            ? widths : Array(repeating: 100 / max(header.count, 1), count: header.count)
        return PaperBlock(kind: .table, header: header, rows: rows, widths: shares)
    }

    var texts: [String] {
        (line.map { [$0.text] } ?? []) + left.map(\.text) + right.map(\.text) + header + rows.flatMap { $0 }
    }
}
