import GanDanCore
import Vapor

/// A form page's context with what to fix: `error` (one line, as the form templates show it) and `problems`
/// (one entry per issue), added beside the context's own keys.
struct FormWithIssues<Context: Encodable>: Encodable {
    var context: Context
    var issues: [InputIssue]

    private enum Keys: String, CodingKey {
        case error, problems
    }

    func encode(to encoder: any Encoder) throws {
        try context.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        let lines = issues.map(\.description)
        try container.encode(lines.joined(separator: "; "), forKey: .error)
        try container.encode(lines, forKey: .problems)
    }
}

extension Request {
    /// The one way a form page is shown again after bad input: `template` with `context` and the issues, 422.
    func renderForm<Context: Encodable>(
        _ template: String, _ context: Context, issues: [InputIssue], status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let view = try await view.render(template, FormWithIssues(context: context, issues: issues))
        let response = try await view.encodeResponse(for: self)
        response.status = status
        return response
    }
}
