import GanDanCore
import GanDanStorage
import Vapor

/// The audit chain's head as the foot of a printed report shows it: the last entry's number, grouped as the page's
/// language writes numbers, and its whole hash, so that a reader can later type both into
/// `gandan audit verify --head SEQ:HASH` and learn whether the trail up to it was rewritten.
struct AuditHeadLine: Encodable {
    /// The entry number as the page writes it (1.234 in Vietnamese, 1,234 in English).
    var seq: String
    /// The entry's full hash, 64 hex digits.
    var hash: String

    /// The head as it stands when the page is made.
    ///
    /// Every reader of a report sees it, a commune's or a cell's as much as an administrator's: the head is one for
    /// the whole database and tells only how many audited events there have been and a hash, never who did what or
    /// which units an entry names (rules.md R30). Keeping it from some readers would keep the evidence off the very
    /// papers most often printed and filed.
    static func current(_ req: Request) async throws -> AuditHeadLine {
        let head = try await AuditTrail(db: req.store, scope: try await req.scope(.read)).head()
        return AuditHeadLine(seq: grouped(head.seq, req.language), hash: head.hash)
    }

    /// `count` with its thousands grouped as the language writes them.
    static func grouped(_ count: Int, _ language: Language) -> String {
        let digits = Array(String(count.magnitude))
        var text = count < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(language == .vi ? "." : ",") }
            text.append(digit)
        }
        return text
    }
}
