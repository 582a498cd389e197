import GanDanCore

/// The parts of an office file's layout that are not data: the numbered row "(1) (2) (3) …" some forms put under the
/// header, and the place-and-date line and signatures under the table. Both are left out of the data rows, so a
/// clerk's file imports as it was printed.
extension ImportTable {
    /// Whether `cells` number the columns: three or more cells, each "n" or "(n)", counting 1, 2, 3 … in order.
    static func isNumberingRow(_ cells: [String]) -> Bool {
        let filled = cells.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard filled.count >= 3 else { return false }
        let numbers = filled.map { cell -> Int? in
            let bare = cell.hasPrefix("(") && cell.hasSuffix(")") ? String(cell.dropFirst().dropLast()) : cell
            guard bare.count <= 3, bare.first != "0", bare.allSatisfy(\.isASCII), bare.allSatisfy(\.isNumber) else {
                return nil
            }
            return Int(bare)
        }
        return numbers == Array(1...filled.count)
    }

    /// Where the signature block under the table begins among `rows`, nil when there is none. It is the rows after the
    /// last blank line, when none of them holds a number or a date the way data does and one of them reads as a
    /// signature block ("Người lập biểu", "(Ký, ghi rõ họ tên)", "T/M CHI ỦY", "…, ngày 5 tháng 12 năm 2026").
    static func footerStart(_ rows: [(line: Int, cells: [String])]) -> Int? {
        guard let gap = rows.indices.dropFirst().last(where: { rows[$0].line > rows[$0 - 1].line + 1 }),
            rows.count - gap <= maxFooterRows
        else { return nil }
        let footer = rows[gap...].flatMap(\.cells).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard footer.allSatisfy({ !looksLikeData($0) }) else { return nil }
        return footer.contains(where: isSignatureText) ? gap : nil
    }

    /// How many rows a signature block may take.
    static let maxFooterRows = 8

    /// A cell a data row would hold: a number or code, or a date.
    static func looksLikeData(_ cell: String) -> Bool {
        let bare = cell.filter { !$0.isWhitespace && $0 != "." && $0 != "-" && $0 != "/" }
        return !bare.isEmpty && bare.allSatisfy(\.isNumber)
    }

    /// Words that only a signature block holds.
    static func isSignatureText(_ cell: String) -> Bool {
        let key = VietnameseText.searchKey(cell)
        let phrases = ["nguoi lap", "ky, ghi ro", "ky ghi ro", "ky ten", "t/m ", "thay mat", "xac nhan"]
        if phrases.contains(where: key.contains) { return true }
        return key.contains("ngay ") && key.contains(" thang ") && key.contains(" nam ")
    }
}
