import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

#if canImport(Glibc)
    import Glibc

    @Suite("Oversized requests are answered, not reset, by the real server on a port (issue 21)", .serialized)
    struct OversizedRequestTests {
        /// Starts the app's own server on a free port, runs `body` with the port, and stops it.
        static func withServer(_ body: (Int) async throws -> Void) async throws {
            try await withEmptyApp { app in
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                do {
                    let port = try #require(app.http.server.shared.localAddress?.port)
                    try await body(port)
                } catch {
                    await app.server.shutdown()
                    throw error
                }
                await app.server.shutdown()
            }
        }

        @Test("a 1 MB query string and a 100 KB path are answered 414 URI Too Long")
        func longURI() async throws {
            try await Self.withServer { port in
                let query =
                    "GET /members?q=" + String(repeating: "a", count: 1_000_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
                let queryAnswer = try await RawHTTP.statusLine(port: port, query)
                #expect(queryAnswer == "HTTP/1.1 414 URI Too Long")
                let path = "GET /" + String(repeating: "b", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
                let pathAnswer = try await RawHTTP.statusLine(port: port, path)
                #expect(pathAnswer == "HTTP/1.1 414 URI Too Long")
                let health = try await RawHTTP.statusLine(port: port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(health == "HTTP/1.1 200 OK")
            }
        }

        @Test("100 KB of headers are answered 431, and the connection's earlier request keeps its answer")
        func largeHeaders() async throws {
            try await Self.withServer { port in
                let headers = (0..<100).map { "X-Filler-\($0): " + String(repeating: "c", count: 1_000) + "\r\n" }
                let request = "GET /health HTTP/1.1\r\nHost: x\r\n" + headers.joined() + "\r\n"
                let answer = try await RawHTTP.statusLine(port: port, request)
                #expect(answer == "HTTP/1.1 431 Request Header Fields Too Large")
                // A first request answered on the connection, then an oversized one: two answers, in order.
                let first = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                let answers = try await RawHTTP.exchange(port: port, first, then: request)
                #expect(answers.hasPrefix("HTTP/1.1 200 OK"))
                #expect(answers.contains("\r\n\r\nokHTTP/1.1 431 Request Header Fields Too Large"))
            }
        }

        @Test("an address segment longer than a file name is answered by the routes, not a 500")
        func longSegment() async throws {
            try await withSeededApp(.sqlite) { app, users in
                let cell = try await app.organisation("CB-00001.01")
                let segment = String(repeating: "a", count: 300)
                // Longer than a whole file path may be (4,096 bytes), as the fuzzer's 5,000-character values were.
                let value = String(repeating: "a", count: 5_000)
                try await app.testing().test(
                    .GET, "/api/cells/\(cell)/thematic-plans/\(value)", headers: users.admin.bearer
                ) { res in
                    #expect(res.status == .badRequest)
                }
                try await app.testing().test(.GET, "/\(segment)", headers: users.admin.bearer) { res in
                    #expect(res.status == .notFound)
                }
                try await app.testing().test(.GET, "/styles.css") { res in
                    #expect(res.status == .ok)
                }
            }
        }
    }

    /// A client that sends bytes as they are, on one connection (URLSession would refuse or rewrite the oversized ones).
    enum RawHTTP {
        /// The status line of the answer to `request`, or what happened instead.
        static func statusLine(port: Int, _ request: String) async throws -> String {
            let answer = try await exchange(port: port, request)
            return answer.components(separatedBy: "\r\n").first ?? ""
        }

        /// Sends `request` (and `then`, once an answer to the first has arrived) and reads until the server closes or
        /// stops sending; returns what was read, or `<reset>` when nothing could be read.
        static func exchange(port: Int, _ request: String, then next: String? = nil) async throws -> String {
            try await Task.detached {
                let socket = try Connection(port: port)
                defer { socket.close() }
                socket.send(Array(request.utf8))
                guard let next else {
                    let answer = socket.receive(until: "\r\n\r\n")
                    return answer.isEmpty ? "<reset>" : answer
                }
                var answer = socket.receive(until: "\r\n\r\nok")
                socket.send(Array(next.utf8))
                answer += socket.receive(until: "\r\n\r\n")
                return answer.isEmpty ? "<reset>" : answer
            }.value
        }

        struct ConnectFailed: Error {}

        final class Connection: Sendable {
            let descriptor: Int32

            init(port: Int) throws {
                descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                // A reset is seen at once; the minute only bounds a server slowed by a loaded machine (the CI's
                // /health waited more than 10 s behind a build and read as a reset).
                var timeout = timeval(tv_sec: 60, tv_usec: 0)
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                guard connected == 0 else {
                    _ = Glibc.close(descriptor)
                    throw ConnectFailed()
                }
            }

            /// Sends all of `bytes` unless the server closes first (no SIGPIPE).
            func send(_ bytes: [UInt8]) {
                var offset = 0
                while offset < bytes.count {
                    let sent = bytes[offset...].withUnsafeBytes {
                        Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                    }
                    guard sent > 0 else { return }
                    offset += sent
                }
            }

            /// Reads until `marker` has arrived, the server closes, or 10 s pass.
            func receive(until marker: String) -> String {
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while !String(decoding: received, as: UTF8.self).contains(marker) {
                    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                    guard count > 0 else { break }
                    received += buffer[0..<count]
                }
                return String(decoding: received, as: UTF8.self)
            }

            func close() {
                _ = Glibc.close(descriptor)
            }
        }
    }
#endif
