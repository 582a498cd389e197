import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Maps every error to a status in one place (`Failure`): a short bilingual page, or JSON on the `api` group.
/// Input problems are 4xx with their issues; a 500 means a defect: its details stay in the log (passwords hidden),
/// and the body carries the request id that finds them there. Every error page shows the request id.
struct ErrorResponder: AsyncMiddleware {
    /// How the answer is written: a page (the app's middleware) or JSON (the `api` group's middleware).
    enum Answer: Sendable {
        case page, json
    }

    var answer: Answer

    init(_ answer: Answer) {
        self.answer = answer
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let failure = Failure(error, language: request.language)
            let requestID = failure.status == .internalServerError ? request.requestID : nil
            if let requestID {
                let detail = SecretRedaction.redact(String(reflecting: error))
                request.logger.error(
                    "500 \(request.method) \(request.url.path) request-id \(requestID): \(detail)",
                    metadata: Failure.metadata(error))
            }
            switch answer {
            case .json:
                let response = Response(status: failure.status)
                let body = ErrorBody(
                    error: true, reason: failure.reason, issues: failure.issues.isEmpty ? nil : failure.issues,
                    requestID: requestID)
                try response.content.encode(body, as: .json)
                return response
            case .page:
                let page = ErrorPage(
                    page: PageContext(request, title: "\(failure.status.code)"), status: Int(failure.status.code),
                    reason: failure.reason, requestID: request.requestID)
                let response = try await request.view.render("error", page).encodeResponse(for: request)
                response.status = failure.status
                return response
            }
        }
    }
}

/// An error as an answer: its status, the reason shown, and the input's issues when it is an `InputError`.
struct Failure {
    var status: HTTPResponseStatus
    var reason: String
    var issues: [InputIssue] = []

    /// The answer to `error`; reasons that are sentences in both languages are given in `language`.
    init(_ error: any Error, language: Language = .vi) {
        switch error {
        case let query as QueryValueError:
            (status, reason) = (.badRequest, query.sentence(in: language))
            issues = [InputIssue(field: query.parameter.name, message: query.sentence(in: language))]
        case let abort as any AbortError where abort.status.code < 500:
            (status, reason) = (abort.status, abort.reason)
        case let input as InputError:
            switch input {
            case .malformed: (status, reason) = (.badRequest, input.description)
            case .invalid: (status, reason) = (.unprocessableEntity, input.description)
            }
            issues = input.issues
        case let storage as StorageError:
            switch storage {
            case .notFound: (status, reason) = (.notFound, storage.description)
            case .conflict: (status, reason) = (.conflict, storage.description)
            case .unavailable: (status, reason) = (.serviceUnavailable, storage.description)
            case .corrupt: (status, reason) = (.internalServerError, Self.defect)
            }
        case is DecodingError:
            (status, reason) = (.badRequest, "the request is malformed")
        default:
            (status, reason) = (.internalServerError, Self.defect)
        }
    }

    /// What the log needs to find a damaged row: its table, column and the value no version ever wrote.
    static func metadata(_ error: any Error) -> Logger.Metadata {
        guard case StorageError.corrupt(let table, let column, let value) = error else { return [:] }
        return ["table": "\(table)", "column": "\(column)", "value": "\(value)"]
    }

    static let defect = "something went wrong; the details are in the server log"
}

/// Every /api error: `{"error": true, "reason": "…"}`, with the input's issues or a 500's request id.
struct ErrorBody: Content {
    var error: Bool
    var reason: String
    var issues: [InputIssue]?
    var requestID: String?
}

struct ErrorPage: Encodable {
    var page: PageContext
    var status: Int
    var reason: String
    var requestID: String?
}
