import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:user`: an account whose every role lies in the user's read scope (an administrator's account only for an
/// administrator); managing it needs the plan scope to cover every role too (issue 18, rules.md R30).
enum UserResolver: PathResolver {
    static let notFound = "no account is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> UserAccount? {
        guard let account = try await UserDirectory(db: req.store).account(id),
            AccountAdministration(db: req.store, scope: read).manages(account)
        else { return nil }
        return account
    }

    static func covers(_ account: UserAccount, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        AccountAdministration(db: req.store, scope: scope).manages(account)
    }

    static func forbidden(_ action: Action) -> String {
        "only an administrator, or a planner of every place the account's roles are held on, may manage it"
    }
}

extension Resolved {
    /// The account the path names.
    var user: UserAccount { get throws { try object(UserResolver.self) } }
}
