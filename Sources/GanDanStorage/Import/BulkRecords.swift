import FluentKit
import Foundation
import GanDanCore

/// Large imports write members, their memberships and the audit entries as bulk rows built without Fluent models:
/// a model per row cost more than the database itself (bench/scale).
extension BulkRows {
    /// The member table's columns, filled by `appendMember`.
    static func members() -> BulkRows {
        BulkRows(
            MemberRecord.schema,
            [
                "id", "full_name", "name_sort", "name_search", "birth_date", "sex", "ethnicity", "citizen_id", "phone",
                "residence_unit_id", "education", "card_number", "admitted_on", "official_on", "status",
                "status_since",
            ])
    }

    /// A new member's row from its draft: the name normalised, its sort and search keys (through `keys`, which
    /// remembers the words already seen).
    mutating func appendMember(
        _ draft: MemberDraft, id: UUID, residenceUnitID: UUID?, keys: inout VietnameseText.KeyCache
    ) {
        let name = keys.nameKeys(draft.fullName)
        append(plain: [
            .uuid(id), .text(name.name), .text(name.sort), .text(name.search),
            .text(draft.birthDate.iso), .text(draft.sex.rawValue), .text(draft.ethnicity), .of(draft.citizenID),
            .of(draft.phone), .of(residenceUnitID), .of(draft.education), .of(draft.cardNumber),
            .text(draft.party.admittedOn.iso), .of(draft.party.officialOn?.iso), .text(draft.party.status.rawValue),
            .of(draft.party.statusSince?.iso),
        ])
    }

    /// The membership table's columns.
    static func memberships() -> BulkRows {
        BulkRows(
            MembershipRecord.schema,
            ["id", "member_id", "organisation_id", "kind", "transfer_kind", "valid_from", "valid_until"])
    }

    /// A membership from `from` (an ISO date), open-ended, as an import's initial placement records it.
    mutating func appendMembership(id: UUID, member: UUID, organisation: UUID, kind: MembershipKind, from: String) {
        append(plain: [
            .uuid(id), .uuid(member), .uuid(organisation), .text(kind.rawValue), .text(TransferKind.initial.rawValue),
            .text(from), .null,
        ])
    }

    static func auditEntries(_ records: [AuditEntryRecord]) -> BulkRows {
        var rows = BulkRows(
            AuditEntryRecord.schema,
            [
                "id", "seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "request_id", "unit_id",
                "units_key", "prev_hash", "hash",
            ])
        for record in records {
            rows.append([
                record.id, record.seq, record.at, record.actor, record.action, record.entity, record.entityID,
                record.before, record.after, record.requestID, record.unitID, record.unitsKey, record.prevHash,
                record.hash,
            ])
        }
        return rows
    }
}
