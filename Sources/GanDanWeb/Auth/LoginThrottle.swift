import Foundation
import GanDanStorage
import Vapor

/// Counts failed sign-ins per account *and* client address, and per address, kept in the database so a restart
/// forgets nothing (issue 21). Failures from one address never lock the account for another address, so nobody
/// can lock an administrator out by guessing from elsewhere.
struct LoginThrottle: Sendable {
    struct Limits: Sendable {
        /// Failures for one account from one address.
        var perAccountAndAddress = 5
        /// Failures from one address, whatever the account.
        var perAddress = 20
        var window: TimeInterval = 15 * 60
    }

    let limits: Limits
    let failures: LoginFailures

    init(db: DatabaseHandle, limits: Limits = Limits()) {
        self.limits = limits
        self.failures = LoginFailures(db: db)
    }

    /// Seconds to wait before the next attempt for this account from this address, or nil when it may go ahead.
    func wait(account: String, address: String, now: Date = Date()) async throws -> TimeInterval? {
        let since = now.addingTimeInterval(-limits.window)
        let checks = [
            (try await failures.times(account: account, address: address, since: since), limits.perAccountAndAddress),
            (try await failures.times(address: address, since: since), limits.perAddress),
        ]
        let waits = checks.compactMap { times, limit -> TimeInterval? in
            guard times.count >= limit else { return nil }
            return times[times.count - limit].addingTimeInterval(limits.window).timeIntervalSince(now)
        }
        return waits.max()
    }

    func recordFailure(account: String, address: String, now: Date = Date()) async throws {
        try await failures.prune(before: now.addingTimeInterval(-limits.window))
        try await failures.record(account: account, address: address, at: now)
    }

    func recordSuccess(account: String, address: String) async throws {
        try await failures.clear(account: account, address: address)
    }
}
