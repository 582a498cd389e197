import FluentKit
import Foundation
import GanDanCore

extension MemberDirectory {
    /// Whether the scope is limited and the member is on none of its rolls today: a former member of the scope
    /// (or one yet to join it), whom the reader may see only as of a day they were there.
    func hasLeft(_ id: UUID) async throws -> Bool {
        guard let organisations = scope.organisationFilter else { return false }
        return try await MemberRecord.query(on: db).filter(\.$id == id)
            .filter(Self.onRollOf(organisations, on: CivilDate.today())).first() == nil
    }

    /// A former member's record as the scope knew it on `date` (issue 21): what was recorded by then, nothing
    /// recorded since they left.
    ///
    /// - Memberships and posts in the scope's organisations are shown whole: the reader's cells recorded them,
    ///   including the day the member left. Those elsewhere are shown only when they began by `date`, and still
    ///   open if they ended after it, so no later cell or post is named.
    /// - Phone, education and ethnicity are the values held at the end of `date` (the `before` of the first
    ///   later change in the audit trail; the stored values when nothing changed since).
    /// - The official date and the party card (issued to full members) only when the member was full by `date`;
    ///   a status (suspended, left, deceased …) only when it held by `date`.
    /// Name, birth date, sex, citizen ID, residence village (set by imports only) and the standing, cell and
    /// key-leader flag on `date` are as for any member.
    func asRecorded(_ detail: MemberDetail, on date: CivilDate) async throws -> MemberDetail {
        var result = detail
        result.asRecordedOn = date
        let known = { (organisation: UUID, validity: Validity) -> Validity? in
            if scope.contains(organisation: organisation) { return validity }
            guard validity.from <= date else { return nil }
            return validity.until.map { $0 > date } == true ? Validity(from: validity.from) : validity
        }
        result.memberships = detail.memberships.compactMap { row in
            known(row.organisationID, row.validity).map { validity in
                var row = row
                row.validity = validity
                return row
            }
        }
        result.posts = detail.posts.compactMap { row in
            known(row.organisationID, row.validity).map { validity in
                var row = row
                row.validity = validity
                return row
            }
        }
        if let contact = try await contact(of: detail.summary.id, atEndOf: date) {
            result.phone = contact.phone
            result.education = contact.education
            result.ethnicity = contact.ethnicity ?? detail.ethnicity
        }
        var party = detail.party
        if let official = party.officialOn, official > date {
            party.officialOn = nil
        }
        if party.officialOn == nil { result.cardNumber = nil }
        if party.statusSince.map({ $0 > date }) ?? false || [.full, .probationary].contains(party.status) {
            party.status = party.officialOn == nil ? .probationary : .full
            party.statusSince = nil
        }
        result.party = party
        result.summary.status = party.status
        return result
    }

    /// The contact fields as they stood at the end of `date` in Vietnam, from the first change recorded after it;
    /// nil when none was (the stored values still hold).
    func contact(of id: UUID, atEndOf date: CivilDate) async throws -> MemberContactChange? {
        // Midnight after `date` in Vietnam (UTC+7), written as the trail writes its times.
        let end = date.iso + "T17:00:00.000Z"
        guard
            let change = try await AuditEntryRecord.query(on: db).filter(\.$entity == "member")
                .filter(\.$entityID == id.uuidString).filter(\.$action == "update").filter(\.$at >= end)
                .sort(\.$seq).first(),
            let before = change.before
        else { return nil }
        do {
            return try JSONDecoder().decode(MemberContactChange.self, from: Data(before.utf8))
        } catch {
            throw StorageError.corrupt(table: AuditEntryRecord.schema, column: "before", value: before)
        }
    }
}
