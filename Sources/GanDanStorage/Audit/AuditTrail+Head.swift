import FluentKit
import Foundation

/// A point of the audit chain: the sequence number of an entry and its hash. Kept outside the database (in a backup's
/// manifest, on a printed report), it proves later that nothing up to that entry was rewritten: every entry's hash
/// covers the hash of the one before it, so changing any earlier entry, even with the whole chain recomputed, changes
/// the hash of this one.
public struct AuditChainHead: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The entry's sequence number; 0 for the empty trail.
    public var seq: Int
    /// The entry's SHA-256 hash, 64 lower-case hex digits; the genesis hash (64 zeros) for the empty trail.
    public var hash: String

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// `SEQ:HASH`, the form `gandan audit verify --head` takes. The sequence may carry the thousands separators a
    /// printed report shows (1.234 or 1,234) and the hash may be in capitals; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let digits = parts[0].filter { $0 != "." && $0 != "," && $0 != " " && $0 != "\u{00A0}" }
        let hash = parts[1].trimmingCharacters(in: .whitespaces).lowercased()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let seq = Int(digits), seq >= 0,
            hash.utf8.count == 64, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        self.init(seq: seq, hash: hash)
    }

    /// `SEQ:HASH`.
    public var description: String { "\(seq):\(hash)" }

    /// The head of a trail that holds no entry yet.
    public static let empty = AuditChainHead(seq: 0, hash: AuditTrail.genesis)
}

extension AuditTrail {
    /// What checking the trail against a recorded head found.
    public enum HeadCheck: Sendable, Equatable {
        /// The chain verifies from the first entry to the last, and the recorded entry still has its hash.
        case holds(entries: Int)
        /// The chain verifies, but the recorded entry now has another hash: the trail up to it was rewritten and
        /// recomputed (or the head is of another database).
        case rewritten(seq: Int, recorded: String, found: String)
        /// The chain verifies but ends before the recorded entry: entries were deleted from its end.
        case truncated(entries: Int, recorded: Int)
        /// The chain itself does not verify (what `verify()` reports).
        case broken(seq: Int, reason: String)
    }

    /// The chain's last entry as it stands, or `AuditChainHead.empty` for an empty trail.
    ///
    /// The chain is one for the whole database, and so is its head, whatever the scope: it reveals a count of entries
    /// and a hash, never an entry's content or the units it names (rules.md R30). Every reader may see it, so that a
    /// commune's printed report carries it too (see `MonthlyReportPages`).
    public func head() async throws -> AuditChainHead {
        guard let last = try await AuditEntryRecord.query(on: db).sort(\.$seq, .descending).first() else {
            return .empty
        }
        return AuditChainHead(seq: last.seq, hash: last.hash)
    }

    /// Checks the trail against a head recorded earlier: the whole chain verifies (no entry edited, deleted or
    /// reordered since it was written), it still reaches the recorded entry, and that entry still has the recorded
    /// hash, which proves no entry up to it was rewritten even by someone who recomputed every hash after.
    public func verify(against recorded: AuditChainHead) async throws -> HeadCheck {
        let entries: Int
        switch try await verify() {
        case .broken(let seq, let reason): return .broken(seq: seq, reason: reason)
        case .intact(let count): entries = count
        }
        guard entries >= recorded.seq else { return .truncated(entries: entries, recorded: recorded.seq) }
        let found: String
        if recorded.seq == 0 {
            found = Self.genesis
        } else {
            guard let row = try await AuditEntryRecord.query(on: db).filter(\.$seq == recorded.seq).first() else {
                // verify() just found entries 1…count without a gap: the entry was deleted since.
                return .truncated(entries: entries, recorded: recorded.seq)
            }
            found = row.hash
        }
        guard found == recorded.hash else {
            return .rewritten(seq: recorded.seq, recorded: recorded.hash, found: found)
        }
        return .holds(entries: entries)
    }
}
