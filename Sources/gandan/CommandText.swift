import Foundation
import GanDanCore

/// How a command tells what it refused in a file: each problem in Vietnamese, then in English in brackets, where it
/// is (file, line, column) named in both.
enum CommandText {
    /// `error` as the command prints it: an input refusal problem by problem, anything else as it describes itself.
    static func refusal(_ error: any Error) -> String {
        guard let input = error as? InputError else { return "\(error)" }
        switch input {
        case .malformed(let message):
            return "không đọc được dữ liệu (cannot read the input: \(message))"
        case .invalid(let issues):
            let more = issues.count - 50
            return "\(issues.count) lỗi, chưa ghi gì (\(issues.count) problem(s), nothing was written):\n"
                + lines(issues) + (more > 0 ? "\n  … và \(more) lỗi nữa (and \(more) more)" : "")
        }
    }

    /// The first 50 problems, one a line.
    static func lines(_ issues: [InputIssue]) -> String {
        issues.prefix(50).map { "  " + line($0) }.joined(separator: "\n")
    }

    /// One problem: Vietnamese then English, or English alone when it was told only in English.
    static func line(_ issue: InputIssue) -> String {
        guard let vietnamese = issue.vietnamese, vietnamese != issue.message else { return issue.description }
        return issue.sentence(in: .vi, label: issue.field) + " (" + issue.description + ")"
    }
}
