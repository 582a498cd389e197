import Foundation
import Vapor

/// Gives every request one id (issue 24): the `X-Request-Id` a trusted proxy sent (GANDAN_TRUSTED_PROXIES, the same
/// list the sign-in throttle believes), else a new one. The id is on every answer's `X-Request-Id` header — pages,
/// API, errors, 404s — on the error page, in the audit trail and on every log line of the request, whose logger
/// becomes the application's (so LOG_LEVEL applies to it).
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = Self.id(for: request)
        request.storage[RequestIDKey.self] = id
        var logger = request.application.logger
        logger[metadataKey: "request-id"] = .string(id)
        request.logger = logger
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // Only when the error page itself could not be made: a plain answer that still carries the id.
            request.logger.error("the error answer failed: \(String(reflecting: error))")
            response = Response(
                status: .internalServerError, body: .init(string: "something went wrong; request id \(id)\n"))
        }
        response.headers.replaceOrAdd(name: .xRequestId, value: id)
        return response
    }

    /// The proxy's id when the peer is a trusted proxy and the id is plain (letters, digits, `-._:`, at most 128
    /// characters: it goes into logs and the audit trail); otherwise a new UUID.
    static func id(for request: Request) -> String {
        if let peer = request.remoteAddress?.ipAddress,
            request.application.settings.trustedProxies.contains(peer),
            let given = request.headers.first(name: .xRequestId), isPlain(given)
        {
            return given
        }
        return UUID().uuidString.lowercased()
    }

    static func isPlain(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: ":")
            }
    }
}

struct RequestIDKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// This request's id (see `RequestIDMiddleware`); Vapor's own `id` believes any client's header, so it is not used.
    var requestID: String {
        storage[RequestIDKey.self] ?? id
    }
}
