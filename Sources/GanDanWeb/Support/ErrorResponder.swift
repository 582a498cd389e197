import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Maps every error to a status in one place: JSON for `/api`, a short bilingual page otherwise.
/// Input problems are 4xx; a 500 means a defect, and its details stay in the log.
struct ErrorResponder: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason) = Self.describe(error)
            if case .corrupt(let table, let column, let value) = error as? StorageError {
                request.logger.error(
                    "\(error)",
                    metadata: [
                        "request-id": .string(request.id), "table": .string(table), "column": .string(column),
                        "value": .string(value),
                    ])
            } else if status == .internalServerError {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api") {
                let response = Response(status: status)
                try response.content.encode(ErrorBody(error: true, reason: reason), as: .json)
                return response
            }
            let page = try await request.view.render(
                "error",
                ErrorPage(
                    page: PageContext(request, title: "\(status.code)"), status: Int(status.code), reason: reason,
                    requestID: status == .internalServerError ? request.id : nil))
            let response = try await page.encodeResponse(for: request)
            response.status = status
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String) {
        switch error {
        case let abort as any AbortError where abort.status.code < 500:
            return (abort.status, abort.reason)
        case let storage as StorageError:
            switch storage {
            case .notFound: return (.notFound, storage.description)
            case .conflict: return (.conflict, storage.description)
            case .invalid: return (.unprocessableEntity, storage.description)
            case .unavailable: return (.serviceUnavailable, storage.description)
            case .corrupt: return (.internalServerError, "something went wrong; the details are in the server log")
            }
        case let importError as ImportError:
            return (.unprocessableEntity, importError.description)
        case is DecodingError:
            return (.badRequest, "the request is malformed")
        default:
            return (.internalServerError, "something went wrong; the details are in the server log")
        }
    }
}

struct ErrorBody: Content {
    var error: Bool
    var reason: String
    /// The request's id on a 500 page, so that a person reporting it can be matched to the log.
    var requestID: String?
}

struct ErrorPage: Encodable {
    var page: PageContext
    var status: Int
    var reason: String
    /// The request's id on a 500 page, so that a person reporting it can be matched to the log.
    var requestID: String?
}
