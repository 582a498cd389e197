import Vapor

/// The address of the client a request comes from, as the sign-in throttle counts it.
enum ClientAddress {
    /// The direct peer, unless it is a trusted proxy: then the nearest address in `X-Forwarded-For` (else
    /// `Forwarded: for=`) that is not itself a trusted proxy. Headers from any other peer are ignored, since a
    /// client can write them.
    static func resolve(peer: String?, headers: HTTPHeaders, trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        var chain = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map(clean)
        if chain.isEmpty {
            chain = headers[.forwarded].flatMap { $0.split(separator: ",") }.compactMap { element in
                element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix("for=") }.map { clean($0.dropFirst(4)) }
            }
        }
        chain.removeAll(where: \.isEmpty)
        return chain.last { !trustedProxies.contains($0) } ?? chain.first ?? peer
    }

    /// An address without quotes, IPv6 brackets or a port.
    static func clean(_ text: Substring) -> String {
        var value = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if value.hasPrefix("["), let end = value.firstIndex(of: "]") {
            value = String(value[value.index(after: value.startIndex)..<end])
        } else if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
            value = String(value[..<colon])
        }
        return value
    }
}

extension Request {
    /// The client's address for the sign-in throttle (see `ClientAddress.resolve`).
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, headers: headers, trustedProxies: application.settings.trustedProxies)
    }
}
