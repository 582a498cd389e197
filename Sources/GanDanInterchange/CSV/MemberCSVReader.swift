import Foundation
import GanDanCore

/// Reads a member CSV file (layout: `MemberCSVFormat`) into drafts, collecting every bad row with its line number.
public enum MemberCSVReader {
    /// The members of the file, the line each came from, and the problems of the rows that could not be read.
    /// Throws only when the file as a whole cannot be read (not text, no header, unknown columns).
    public static func read(_ data: Data, today: CivilDate) throws(InputError) -> MemberCSVFile {
        guard var text = String(data: data, encoding: .utf8) else {
            throw .malformed("the file is not UTF-8 text (save it from the spreadsheet as \"CSV UTF-8\")")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records = try CSVRecords.parse(text)[...]
        guard let first = records.popFirst(),
            case let header = first.cells.map({ $0.trimmingWhitespace().lowercased() }),
            !header.allSatisfy(\.isEmpty)
        else {
            throw .malformed("the file has no header row")
        }
        var issues = MemberCSVFormat.checkHeader(header)
        guard issues.isEmpty else { throw .invalid(issues) }
        var members: [MemberDraft] = []
        var lines: [Int] = []
        for (line, fields) in records {
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == header.count else {
                issues.append(
                    InputIssue(
                        line: line, vi: "Dòng có \(fields.count) ô, dòng tiêu đề có \(header.count).",
                        en: "The line has \(fields.count) fields, the header has \(header.count)."))
                continue
            }
            let row = Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first })
            switch MemberCSVFormat.parse(row: row, line: line, today: today) {
            case .success(let member):
                members.append(member)
                lines.append(line)
            case .failure(let error):
                issues += error.issues
            }
        }
        guard !members.isEmpty || !issues.isEmpty else { throw .malformed("the file holds no members") }
        return MemberCSVFile(members: members, lines: lines, issues: issues)
    }
}

/// A member CSV file as read: the good rows with their lines, and the problems of the bad ones.
public struct MemberCSVFile: Sendable {
    public var members: [MemberDraft]
    public var lines: [Int]
    public var issues: [InputIssue]
}
