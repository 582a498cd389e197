import Foundation
import NIOCore
import NIOPosix

/// A minimal SMTP client for the daily digest (issue 20): plain SMTP to the province's relay (`smtp://host:port`),
/// `EHLO`, `MAIL FROM`, `RCPT TO`, `DATA` with dot-stuffing, `QUIT`.
///
/// Written on SwiftNIO because no SMTP package is among the Swift package mirrors the builds use (docs/deploy.md);
/// no STARTTLS and no AUTH: the relay is on the server's own network (docs/deploy.md).
public struct SMTPClient: Sendable {
    public var host: String
    public var port: Int
    /// The name said in `EHLO`.
    public var heloName: String
    public var timeout: TimeAmount

    public init(host: String, port: Int = 25, heloName: String = "gandan.localhost", timeout: TimeAmount = .seconds(30))
    {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeout = timeout
    }

    /// `smtp://host[:port]`; nil for anything else (an `smtps://` or a URL with a user or a path included).
    public init?(url text: String) {
        guard let url = URL(string: text), url.scheme?.lowercased() == "smtp", let host = url.host, !host.isEmpty,
            url.user == nil, url.path.isEmpty || url.path == "/", url.query == nil
        else { return nil }
        self.init(host: host, port: url.port ?? 25)
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Sends one message (headers and body, lines ending in CRLF or LF) from `from` to `to`.
    public func send(from: String, to: String, message: String) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let timeout = timeout
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var session = SMTPSession(replies: inbound.makeAsyncIterator(), outbound: outbound)
                    try await session.expect(220)
                    try await session.command("EHLO \(heloName)", expect: 250)
                    try await session.command("MAIL FROM:<\(from)>", expect: 250)
                    try await session.command("RCPT TO:<\(to)>", expect: 250, 251)
                    try await session.command("DATA", expect: 354)
                    try await session.send(Self.dotStuffed(message) + "\r\n.\r\n")
                    try await session.expect(250)
                    try await session.command("QUIT", expect: 221)
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout.nanoseconds))
                throw Failure(description: "the mail server did not answer in time")
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The message with CRLF line ends and every line that starts with "." doubled (RFC 5321 4.5.2).
    static func dotStuffed(_ message: String) -> String {
        message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}

/// The conversation: each command written, its (possibly multi-line) reply read and checked.
struct SMTPSession {
    var replies: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func command(_ line: String, expect codes: Int...) async throws {
        try await send(line + "\r\n")
        try await expect(codes)
    }

    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    mutating func expect(_ codes: Int...) async throws {
        try await expect(codes)
    }

    /// Reads a reply: lines `250-…` go on, `250 …` ends it.
    mutating func expect(_ codes: [Int]) async throws {
        while true {
            guard let line = try await replies.next() else {
                throw SMTPClient.Failure(description: "the mail server closed the connection")
            }
            let code = Int(line.prefix(3))
            guard let code, codes.contains(code) else {
                throw SMTPClient.Failure(description: "the mail server answered: \(line.prefix(200))")
            }
            if line.count < 4 || line.dropFirst(3).first == " " { return }
        }
    }
}

/// Splits the server's bytes into lines without their CRLF; a line longer than 4 KiB is an error.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 {
                throw SMTPClient.Failure(description: "the mail server's line is too long")
            }
            return .needMoreData
        }
        let length = end - buffer.readerIndex + 1
        guard let bytes = buffer.readBytes(length: length) else { return .needMoreData }
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        .needMoreData
    }
}
