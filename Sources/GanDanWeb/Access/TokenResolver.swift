import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:token`: one of the user's own API tokens; another user's token is a 404.
enum TokenResolver: PathResolver {
    static let notFound = "no token is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> UserDirectory.TokenInfo? {
        try await UserDirectory(db: req.store).tokens(of: try await req.account().id).first { $0.id == id }
    }

    /// A token belongs to its user, whatever their grants cover.
    static func covers(_ token: UserDirectory.TokenInfo, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        true
    }

    static func forbidden(_ action: Action) -> String {
        "only the token's owner may change it"
    }
}

extension Resolved {
    /// The user's token the path names.
    var token: UserDirectory.TokenInfo { get throws { try object(TokenResolver.self) } }
}
