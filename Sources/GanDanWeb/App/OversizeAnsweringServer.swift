import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import Vapor

/// Vapor's HTTP server, except that a request whose head NIO's parser refuses as too large (more than 80 KB of
/// request line and headers) is answered — 414 URI Too Long when the request line overflowed, 431 Request Header
/// Fields Too Large when the headers did — instead of the connection being closed unanswered (issue 21).
///
/// Vapor builds each connection's pipeline itself and offers no hook into it, so the server finds its listening
/// channel once it has started and puts `ConnectionWatcher` in front of it: every accepted connection then gets
/// `RequestHeadGuard` in front of its pipeline, which adds `OversizeResponder` behind the HTTP decoder.
final class OversizeAnsweringServer: Server {
    let http: HTTPServer
    let logger: Logger

    init(_ http: HTTPServer, logger: Logger) {
        self.http = http
        self.logger = logger
    }

    var onShutdown: EventLoopFuture<Void> { http.onShutdown }

    @available(*, noasync, message: "Use the async start() method instead.")
    func start(address: BindAddress?) throws {
        try http.start(address: address)
        try watch()?.wait()
    }

    func start(address: BindAddress?) async throws {
        try await http.start(address: address)
        try await watch()?.get()
    }

    @available(*, noasync, message: "Use the async shutdown() method instead.")
    func shutdown() { http.shutdown() }

    func shutdown() async { await http.shutdown() }

    /// Puts the watcher in front of the listening channel; without it, oversized heads close the connection as before.
    private func watch() -> EventLoopFuture<Void>? {
        guard let channel = Self.listeningChannel(of: http) else {
            logger.error("cannot find the HTTP server's listening channel: oversized requests close the connection")
            return nil
        }
        return channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(ConnectionWatcher(), position: .first)
        }
    }

    /// The channel `server` listens on, read from its (private) connection.
    static func listeningChannel(of server: HTTPServer) -> (any Channel)? {
        guard let box = Mirror(reflecting: server).descendant("connection") as? any LockedValueReading else {
            return nil
        }
        return Mirror(reflecting: box.lockedValue).descendant("some", "channel") as? any Channel
    }
}

/// Reads the value of an `NIOLockedValueBox` whose value type cannot be named here.
private protocol LockedValueReading {
    var lockedValue: Any { get }
}

extension NIOLockedValueBox: LockedValueReading {
    fileprivate var lockedValue: Any { withLockedValue { $0 } }
}

/// On the listening channel: gives every accepted connection a `RequestHeadGuard` before Vapor builds its pipeline.
final class ConnectionWatcher: ChannelInboundHandler {
    typealias InboundIn = any Channel

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let connection = unwrapInboundIn(data)
        if connection.eventLoop.inEventLoop {
            RequestHeadGuard.add(to: connection)
        } else {
            // Queued before the bootstrap's own initialisation of the connection, which runs on the same loop.
            connection.eventLoop.execute { RequestHeadGuard.add(to: connection) }
        }
        context.fireChannelRead(data)
    }
}

/// What the two handlers of one connection share (on the connection's event loop).
final class RequestHeadState {
    /// A request line longer than this is the reason a head is too large (414), else its headers are (431).
    static let longRequestLine = 8_192

    /// The length so far of the request line of the request being received, and whether it has ended.
    private(set) var requestLine = 0
    private(set) var requestLineEnded = false
    /// The oversized request was answered: what else arrives is read and dropped until the connection closes.
    var answered = false
    var drained = 0

    /// Whether the request line overflowed the parser's limit (or most of it), not the headers after it.
    var overflowedRequestLine: Bool { !requestLineEnded || requestLine > Self.longRequestLine }

    /// Counts the bytes of the request line while it lasts.
    func note(_ buffer: ByteBuffer) {
        guard !requestLineEnded else { return }
        buffer.withUnsafeReadableBytes { bytes in
            if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                requestLine += newline
                requestLineEnded = true
            } else {
                requestLine += bytes.count
            }
        }
    }

    /// A response ended: the next bytes start the next request (a client pipelining requests is not answered 414 or
    /// 431 anyway while a response is due).
    func responseEnded() {
        requestLine = 0
        requestLineEnded = false
    }
}

/// First in a connection's pipeline: measures the request line in the raw bytes, drops them once an oversized
/// request was answered, and puts `OversizeResponder` behind the HTTP decoder once Vapor has built the pipeline.
final class RequestHeadGuard: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Bytes read and dropped after the answer before the connection is closed anyway.
    static let drainLimit = 16 << 20
    let state = RequestHeadState()
    private var responderAdded = false

    static func add(to connection: any Channel) {
        try? connection.pipeline.syncOperations.addHandler(RequestHeadGuard(), position: .first)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { addResponder(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        addResponder(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard !state.answered else {
            state.drained += buffer.readableBytes
            if state.drained > Self.drainLimit { context.close(promise: nil) }
            return
        }
        state.note(buffer)
        context.fireChannelRead(data)
    }

    private func addResponder(_ context: ChannelHandlerContext) {
        guard !responderAdded else { return }
        responderAdded = true
        let pipeline = context.pipeline.syncOperations
        guard let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) else { return }
        try? pipeline.addHandler(OversizeResponder(state: state), position: .after(decoder))
    }
}

/// Behind the HTTP decoder: answers its "head too large" error with 414 or 431 when no other response is due, then
/// closes the connection's output and lets the client finish sending (closing at once would reset the connection
/// and lose the answer).
final class OversizeResponder: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let state: RequestHeadState
    /// Requests whose head arrived, and responses finished: an answer now would jump the queue while they differ.
    private var requests = 0
    private var responses = 0

    init(state: RequestHeadState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { requests += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            responses += 1
            state.responseEnded()
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, case .headerOverflow = parserError,
            requests == responses, !state.answered
        else {
            context.fireErrorCaught(error)
            return
        }
        state.answered = true
        let uri = state.overflowedRequestLine
        let text =
            uri
            ? "Địa chỉ (URL) quá dài. / The address (URL) is too long.\n"
            : "Phần đầu yêu cầu quá lớn. / The request's header fields are too large.\n"
        var body = context.channel.allocator.buffer(capacity: text.utf8.count)
        body.writeString(text)
        let head = HTTPResponseHead(
            version: .http1_1, status: uri ? .uriTooLong : .requestHeaderFieldsTooLarge,
            headers: [
                "Content-Type": "text/plain; charset=utf-8", "Content-Length": "\(body.readableBytes)",
                "Connection": "close",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(mode: .output, promise: nil)
        let channel = context.channel
        context.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
    }
}
