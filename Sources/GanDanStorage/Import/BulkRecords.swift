import FluentKit
import Foundation

/// Large imports write members, their memberships and the audit entries straight through SQLKit: Fluent reads a
/// model's fields by reflection on every insert, which cost more than the database itself (bench/scale).
extension BulkRows {
    static func members(_ records: [MemberRecord]) -> BulkRows {
        var rows = BulkRows(
            MemberRecord.schema,
            [
                "id", "full_name", "name_sort", "name_search", "birth_date", "sex", "ethnicity", "citizen_id", "phone",
                "residence_unit_id", "education", "card_number", "admitted_on", "official_on", "status",
                "status_since",
            ])
        for record in records {
            rows.append([
                record.id, record.fullName, record.nameSort, record.nameSearch, record.birthDate, record.sex,
                record.ethnicity, record.citizenID, record.phone, record.residenceUnitID, record.education,
                record.cardNumber, record.admittedOn, record.officialOn, record.status, record.statusSince,
            ])
        }
        return rows
    }

    static func memberships(_ records: [MembershipRecord]) -> BulkRows {
        var rows = BulkRows(
            MembershipRecord.schema,
            ["id", "member_id", "organisation_id", "kind", "transfer_kind", "valid_from", "valid_until"])
        for record in records {
            rows.append([
                record.id, record.memberID, record.organisationID, record.kind, record.transferKind, record.validFrom,
                record.validUntil,
            ])
        }
        return rows
    }

    static func auditEntries(_ records: [AuditEntryRecord]) -> BulkRows {
        var rows = BulkRows(
            AuditEntryRecord.schema,
            [
                "id", "seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "request_id", "unit_id",
                "prev_hash", "hash",
            ])
        for record in records {
            rows.append([
                record.id, record.seq, record.at, record.actor, record.action, record.entity, record.entityID,
                record.before, record.after, record.requestID, record.unitID, record.prevHash, record.hash,
            ])
        }
        return rows
    }
}
