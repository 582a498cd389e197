import FluentKit
import Foundation
import GanDanCore

extension PostWriter {
    /// The organisation chosen on the form: in the writer's scope, else a problem on the field.
    func organisation(_ text: String?, form: inout FormFields, db: any Database) async throws -> OrganisationRecord? {
        guard let id = UUID(uuidString: text ?? ""), scope.contains(organisation: id),
            let organisation = try await OrganisationRecord.find(id, on: db)
        else {
            form.refuse("organisation", vi: "Hãy chọn tổ chức đảng.", en: "Please choose the party organisation.")
            return nil
        }
        return organisation
    }

    /// Whether the post may be held over `validity` (rules.md R2, R3, R5, R26): a post that ends before a stored one
    /// begins, or begins after it ended, does not overlap it.
    func check(
        _ kind: PostKind, in organisation: OrganisationRecord, over validity: Validity, member: MemberRecord,
        db: any Database
    )
        async throws
    {
        let post = kind.label
        let from = validity.from
        if try member.partyRecord.standing(on: from) == nil {
            throw InputError.invalid(
                field: "from",
                vi:
                    "Ngày \(from.vietnamese) \(member.fullName) không phải là đảng viên nên không giữ chức vụ này được.",
                en: "On \(from.vietnamese) \(member.fullName) is not a party member, so cannot hold this post.")
        }
        guard try organisation.validity.contains(from) else {
            throw InputError.invalid(
                field: "from",
                vi: "Ngày \(from.vietnamese) \(organisation.name) chưa thành lập hoặc đã giải thể.",
                en: "On \(from.vietnamese) \(organisation.name) had not been founded or had been dissolved.")
        }
        let organisationKind = try organisation.decode(\.$kind, as: OrganisationKind.self)
        if kind.isCellPost != organisationKind.isCell
            || (!kind.isCellPost && organisationKind != .grassrootsCommittee)
        {
            throw InputError.invalid(
                field: "organisation", vi: "Chức vụ “\(post.vi)” không thuộc \(organisation.name).",
                en: "The post “\(post.en)” is not a post of \(organisation.name).")
        }
        let overlapping = try await PostRecord.query(on: db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$kind == kind.rawValue).all()
            .filter { try $0.validity.overlaps(validity) }
        if overlapping.contains(where: { $0.memberID == member.id }) {
            throw InputError.invalid(
                field: "kind", vi: "\(member.fullName) đã giữ chức vụ “\(post.vi)” ở \(organisation.name).",
                en: "\(member.fullName) already holds the post “\(post.en)” in \(organisation.name).")
        }
        if kind.hasOneHolder, let other = overlapping.first {
            let holder = try await MemberRecord.find(other.memberID, on: db)?.fullName ?? ""
            let since = CivilDate(other.validFrom)?.vietnamese ?? other.validFrom
            throw InputError.invalid(
                field: "kind",
                vi: "\(organisation.name) chỉ có một “\(post.vi)”: \(holder) giữ chức vụ này từ \(since). "
                    + "Hãy ghi ngày thôi giữ chức vụ của người đó trước.",
                en: "\(organisation.name) has one “\(post.en)”: \(holder) holds it since \(since). "
                    + "Record the day that post ends first.")
        }
        try await checkCommittee(kind, in: organisation, over: validity, member: member, db: db)
    }

    /// A cell post keeps the cell's committee within the charter over its `validity`: no committee member below the
    /// threshold of full members on its first day, no more people holding cell posts during it than allowed
    /// (rules.md R2, R3, R4).
    func checkCommittee(
        _ kind: PostKind, in organisation: OrganisationRecord, over validity: Validity, member: MemberRecord,
        db: any Database
    ) async throws {
        guard kind.isCellPost else { return }
        let from = validity.from
        let cellID = try organisation.requireID()
        let full = try await CommuneDashboard(db: db, scope: .storageInternal).fullMembers(of: cellID, asOf: from)
        let holders = Set(
            try await PostRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$kind ~~ PostKind.allCases.filter(\.isCellPost).map(\.rawValue)).all()
                .filter { try $0.validity.overlaps(validity) }.map(\.memberID))
        let refusal = CellCommitteeRules.refusal(
            adding: kind, fullMembers: full.count, holders: holders.count,
            holdsAlready: holders.contains(try member.requireID()), settings: charter)
        if let refusal {
            let text = refusal.message(cell: organisation.name, on: from)
            throw InputError.invalid(field: "kind", vi: text.vi, en: text.en)
        }
    }

    /// Where the member may be given a post today: their official cell and the committees above it, in the scope.
    public func organisations(for memberID: UUID, today: CivilDate) async throws -> [(id: UUID, name: String)] {
        let cell = try await MembershipRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: today).first()
        var next = cell?.organisationID
        var result: [(id: UUID, name: String)] = []
        while let id = next, result.count < 6, let organisation = try await OrganisationRecord.find(id, on: db) {
            let kind = try organisation.decode(\.$kind, as: OrganisationKind.self)
            if scope.contains(organisation: id), kind.isCell || kind == .grassrootsCommittee,
                try organisation.validity.contains(today)
            {
                result.append((id, organisation.name))
            }
            next = organisation.parentID
        }
        return result
    }
}
