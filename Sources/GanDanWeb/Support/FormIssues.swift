import GanDanCore
import Vapor

/// A form page's context with what to fix: `error` (one line, as the form templates show it) and `problems`
/// (one entry per issue), added beside the context's own keys.
struct FormWithIssues<Context: Encodable>: Encodable {
    var context: Context
    var issues: [InputIssue]
    /// The page's language: each issue is told in it, its field named by its label, never its key.
    var language: Language = .vi
    /// The fields as sent (plain names only), so forms whose context does not carry them show what was typed.
    var posted: [String: String] = [:]
    /// The address the form was sent to, so a page with several forms shows each problem in the form that was sent.
    var postedTo: String = ""

    private enum Keys: String, CodingKey {
        case error, problems, posted, fieldProblems, postedTo
    }

    func encode(to encoder: any Encoder) throws {
        try context.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        let lines = issues.map { $0.shown(in: language) }
        try container.encode(lines.joined(separator: " "), forKey: .error)
        try container.encode(lines, forKey: .problems)
        try container.encode(posted, forKey: .posted)
        try container.encode(Self.byField(issues, language: language), forKey: .fieldProblems)
        try container.encode(postedTo, forKey: .postedTo)
    }

    /// The sentences by the field they name (its plain name, before any index or dot), for the form to show each
    /// next to its field: `fieldProblems.endTime`.
    static func byField(_ issues: [InputIssue], language: Language) -> [String: String] {
        var shown: [String: String] = [:]
        for issue in issues {
            guard let field = issue.field, !field.isEmpty else { continue }
            let name = String(field.prefix { $0 != "." && $0 != "[" })
            let text = issue.message(in: language)
            shown[name] = shown[name].map { $0 + " " + text } ?? text
        }
        return shown
    }
}

extension Request {
    /// The one way a form page is shown again after bad input: `template` with `context` and the issues, 422.
    func renderForm<Context: Encodable>(
        _ template: String, _ context: Context, issues: [InputIssue], status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let form = FormWithIssues(
            context: context, issues: issues, language: language, posted: postedFields, postedTo: url.path)
        let view = try await view.render(template, form)
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }
}

extension Request {
    /// The fields of a form sent as `application/x-www-form-urlencoded`, by name, first value of each; none for
    /// anything else. Bracketed names (`task[0][due]`) are left to the forms that decode them.
    var postedFields: [String: String] {
        guard method == .POST, headers.contentType == .urlEncodedForm, let buffer = body.data else { return [:] }
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decoded(parts[0]), !name.contains("["), name != "csrf", name != "idem",
                fields[name] == nil
            else { continue }
            fields[name] = parts.count > 1 ? decoded(parts[1]) ?? "" : ""
        }
        return fields
    }
}
