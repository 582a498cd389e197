import Foundation
import Vapor

/// Counts failed sign-ins per account and per address, and refuses more once a limit is reached in the window.
actor LoginThrottle {
    struct Limits: Sendable {
        var perAccount = 5
        var perAddress = 20
        var window: TimeInterval = 15 * 60
    }

    let limits: Limits
    private var failures: [String: [Date]] = [:]

    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Seconds to wait before the next attempt for this account or address, or nil when it may go ahead.
    func wait(account: String, address: String, now: Date = Date()) -> TimeInterval? {
        prune(now)
        let checks = [("user:" + account, limits.perAccount), ("ip:" + address, limits.perAddress)]
        let waits = checks.compactMap { key, limit -> TimeInterval? in
            guard let times = failures[key], times.count >= limit, let oldest = times.first else { return nil }
            return oldest.addingTimeInterval(limits.window).timeIntervalSince(now)
        }
        return waits.max()
    }

    func recordFailure(account: String, address: String, now: Date = Date()) {
        failures["user:" + account, default: []].append(now)
        failures["ip:" + address, default: []].append(now)
    }

    func recordSuccess(account: String) {
        failures["user:" + account] = nil
    }

    private func prune(_ now: Date) {
        let cutoff = now.addingTimeInterval(-limits.window)
        for (key, times) in failures {
            let kept = times.filter { $0 > cutoff }
            failures[key] = kept.isEmpty ? nil : kept
        }
    }
}

struct LoginThrottleKey: StorageKey {
    typealias Value = LoginThrottle
}
