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
                    reason: failure.pageReason, requestID: request.requestID)
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
    /// What an error page says: a plain sentence in the page's language, never a developer's reason.
    var pageReason: String

    /// The answer to `error`; reasons that are sentences in both languages are given in `language`.
    init(_ error: any Error, language: Language = .vi) {
        var told: String?
        switch error {
        case let query as QueryValueError:
            (status, reason) = (query.status, query.sentence(in: language))
            issues = [
                InputIssue(field: query.parameter.name, vi: query.sentence(in: .vi), en: query.sentence(in: .en))
            ]
            told = query.sentence(in: language)
        case let said as SaidAbort:
            (status, reason) = (said.status, said.reason)
            told = said.text.text(in: language)
        case let abort as any AbortError where abort.status.code < 500:
            (status, reason) = (abort.status, abort.reason)
        case let input as InputError:
            switch input {
            case .malformed: (status, reason) = (.badRequest, input.description)
            case .invalid: (status, reason) = (.unprocessableEntity, input.description)
            }
            issues = input.issues
            if case .invalid(let list) = input {
                told = list.prefix(20).map { $0.shown(in: language) }.joined(separator: " ")
            }
        case let storage as StorageError:
            switch storage {
            case .notFound: (status, reason) = (.notFound, storage.description)
            case .conflict: (status, reason) = (.conflict, storage.description)
            case .refused(let text):
                (status, reason) = (.conflict, storage.description)
                told = text.text(in: language)
            case .unavailable: (status, reason) = (.serviceUnavailable, storage.description)
            case .corrupt: (status, reason) = (.internalServerError, Self.defect)
            }
        case is DecodingError:
            (status, reason) = (.badRequest, "the request is malformed")
        default:
            (status, reason) = (.internalServerError, Self.defect)
        }
        pageReason = told ?? Self.sentence(for: status).text(in: language)
    }

    /// The plain sentence for an error page of `status` that carries no sentence of its own.
    static func sentence(for status: HTTPResponseStatus) -> BilingualText {
        switch status.code {
        case 401:
            return BilingualText(
                vi: "Phiên làm việc đã hết. Xin đăng nhập lại.", en: "Your session has ended. Please sign in again.")
        case 403:
            return BilingualText(
                vi: "Vai trò của bạn không được làm việc này.", en: "Your role does not allow this.")
        case 404:
            return BilingualText(
                vi: "Không có gì ở địa chỉ này, hoặc bạn không được xem.",
                en: "Nothing is at this address, or it is not yours to see.")
        case 405:
            return BilingualText(
                vi: "Trang này không nhận yêu cầu như vậy.", en: "This page does not take that request.")
        case 409:
            return BilingualText(
                vi: "Hồ sơ đã thay đổi trong lúc bạn làm việc. Hãy mở lại trang và thử lại.",
                en: "The record changed meanwhile. Open the page again and try again.")
        case 413:
            return BilingualText(
                vi: "Tệp hoặc nội dung gửi lên quá lớn.", en: "The file or the form sent is too large.")
        case 429:
            return BilingualText(
                vi: "Bạn đã thử quá nhiều lần. Hãy đợi một lát rồi thử lại.",
                en: "Too many tries. Wait a moment and try again.")
        case 503:
            return BilingualText(
                vi: "Hệ thống tạm thời chưa sẵn sàng. Hãy thử lại sau ít phút.",
                en: "The system is not available just now. Try again in a few minutes.")
        case 500...:
            return BilingualText(
                vi: "Hệ thống gặp lỗi; chi tiết đã được ghi lại để cán bộ kỹ thuật xem. Hãy báo mã yêu cầu dưới đây.",
                en: "Something went wrong; the details are kept for the technical staff. Quote the request id below.")
        default:
            return BilingualText(
                vi: "Yêu cầu không đọc được. Hãy quay lại và thử lại.",
                en: "The request could not be read. Go back and try again.")
        }
    }

    /// What the log needs to find a damaged row: its table, column and the value no version ever wrote.
    static func metadata(_ error: any Error) -> Logger.Metadata {
        guard case StorageError.corrupt(let table, let column, let value) = error else { return [:] }
        return ["table": "\(table)", "column": "\(column)", "value": "\(value)"]
    }

    static let defect = "something went wrong; the details are in the server log"
}

/// An error whose page says a sentence of its own in both languages (a form that did not come from here).
struct SaidAbort: AbortError {
    var status: HTTPResponseStatus
    var text: BilingualText
    var reason: String { text.en }
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
