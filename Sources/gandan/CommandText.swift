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
            return both("không đọc được dữ liệu", "cannot read the input: \(message)")
        case .invalid(let issues):
            return listing(
                issues,
                heading: both("\(issues.count) lỗi, chưa ghi gì", "\(issues.count) problem(s), nothing was written")
                    + ":")
        }
    }

    /// Problems under `heading`, one a line told Vietnamese first, the first 50 and then how many more.
    static func listing(_ issues: [InputIssue], heading: String) -> String {
        InputError.listing(
            issues, heading: { _ in heading }, line: line, more: { both("… và \($0) lỗi nữa", "and \($0) more") })
    }

    /// A sentence in Vietnamese, then in English in brackets: the operator's language first.
    static func both(_ vi: String, _ en: String) -> String { "\(vi) (\(en))" }

    /// A file that could not be written, with the system's reason when there is one.
    static func cannotWrite(_ path: String, _ error: (any Error)? = nil) -> String {
        let reason = error.map { ": \($0.localizedDescription)" } ?? ""
        return both("không ghi được \(path)", "cannot write \(path)") + reason
    }

    /// One problem: Vietnamese then English, or English alone when it was told only in English.
    static func line(_ issue: InputIssue) -> String {
        guard let vietnamese = issue.vietnamese, vietnamese != issue.message else { return issue.description }
        return both(issue.sentence(in: .vi, label: issue.field), issue.description)
    }
}
