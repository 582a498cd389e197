import Foundation
import GanDanCore

extension SpreadsheetImport {
    /// What the audit trail keeps of an identity check: how much was compared and how many lines matched a member
    /// outside the importer's scope; no citizen ID, card number or name.
    struct IdentityCheck: Encodable {
        var rows: Int
        var compared: Int
        var matchedElsewhere: Int
        var dryRun: Bool
    }

    /// Records that `who.actor` compared the parsed `members` (with their lines) against the register in `who.unit`.
    func auditCheck(
        _ members: [(line: Int, draft: MemberDraft)], rows: Int, stored: StoredCodes, dryRun: Bool,
        by who: (actor: Actor, unit: UUID?)
    ) async throws {
        var elsewhere: Set<String> = []
        for person in stored.people where person.elsewhere { elsewhere.insert(person.key) }
        var keys = VietnameseText.KeyCache()
        var matched: Set<Int> = []
        for (line, draft) in members {
            if draft.citizenID.map(stored.citizenIDsElsewhere.contains) == true
                || draft.cardNumber.map(stored.cardNumbersElsewhere.contains) == true
                || (!elsewhere.isEmpty
                    && elsewhere.contains(
                        DuplicateCheck.personKey(name: draft.fullName, birthDate: draft.birthDate, keys: &keys)))
            {
                matched.insert(line)
            }
        }
        try await AuditTrail(db: db, scope: scope).record(
            AuditEvent(
                actor: who.actor.name, action: "check", entity: "member_identities",
                after: AuditTrail.json(
                    IdentityCheck(
                        rows: rows, compared: members.count, matchedElsewhere: matched.count,
                        dryRun: dryRun)),
                requestID: who.actor.requestID, unitID: who.unit))
    }
}
