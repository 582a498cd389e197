import FluentKit
import Foundation
import GanDanCore

/// A post assignment as typed on the form: the post, where, from when, how it was given (rules.md R5).
public struct PostAssignment: Sendable, Codable, Equatable {
    /// A `PostKind` raw value.
    public var kind: String?
    /// The organisation's id.
    public var organisation: String?
    public var from: String?
    /// A `PostSource` raw value.
    public var source: String?
    public var reason: String?

    public init(
        kind: String? = nil, organisation: String? = nil, from: String? = nil, source: String? = nil,
        reason: String? = nil
    ) {
        self.kind = kind
        self.organisation = organisation
        self.from = from
        self.source = source
        self.reason = reason
    }
}

/// A post of a member with the id to end it by.
public struct HeldPost: Sendable, Hashable, Codable {
    public var id: UUID
    public var kind: PostKind
    public var organisationName: String
    public var validity: Validity
    public var source: PostSource?
}

/// Posts given and ended on the web (issue 18): dated rows, never overwritten (rules.md R26); the key-leader flag the
/// optimiser reads comes from the posts in force on the day (rules.md A3). Members on a roll in `scope` today only.
public struct PostWriter: Sendable {
    let db: any Database
    let scope: AccessScope
    let charter: CharterSettings

    public init(db: any Database, scope: AccessScope, charter: CharterSettings = .standard) {
        self.db = db
        self.scope = scope
        self.charter = charter
    }

    /// Gives the member a post from a day, refusing a person who is not a member that day, an organisation outside
    /// the scope or not in force, the wrong kind of organisation for the post, a post one person holds at a time
    /// while another holds it (two secretaries of one cell on one day), a committee member in a cell below the
    /// threshold and a committee grown past its size (rules.md R2, R3).
    public func assign(_ memberID: UUID, _ assignment: PostAssignment, today: CivilDate, actor: Actor) async throws {
        try await db.writeTransaction { db in
            let member = try await MemberRegistryWriter(db: db, scope: scope).member(memberID, today: today, db: db)
            var form = FormFields()
            let kind = PostKind(rawValue: assignment.kind ?? "")
            if kind == nil { form.refuse("kind", vi: "Hãy chọn chức vụ.", en: "Please choose the post.") }
            let source = PostSource(rawValue: assignment.source ?? "")
            if source == nil {
                form.refuse(
                    "source", vi: "Hãy chọn bầu hay chỉ định.", en: "Please choose elected or appointed.")
            }
            let from = form.date(assignment.from, field: "from", label: MemberFieldName.since)
            if FormFields.text(assignment.from) == nil {
                form.refuse("from", vi: "Cần ghi ngày bắt đầu giữ chức vụ.", en: "Please give the day the post begins.")
            }
            let organisation = try await self.organisation(assignment.organisation, form: &form, db: db)
            guard form.issues.isEmpty, let kind, let source, let from, let organisation else {
                throw InputError.invalid(form.issues)
            }
            try await record(
                kind, in: organisation, over: Validity(from: from), source: source, member: member,
                reason: FormFields.text(assignment.reason), actor: actor, db: db)
        }
    }

    /// Checks and inserts a post with its `assign_post` audit entry: the one write of the post form and the posts
    /// import, inside the caller's transaction.
    func record(
        _ kind: PostKind, in organisation: OrganisationRecord, over validity: Validity, source: PostSource?,
        member: MemberRecord, reason: String?, actor: Actor, db: any Database
    ) async throws {
        try await check(kind, in: organisation, over: validity, member: member, db: db)
        let post = PostRecord()
        post.id = UUID()
        post.memberID = try member.requireID()
        post.organisationID = try organisation.requireID()
        post.kind = kind.rawValue
        post.validFrom = validity.from.iso
        post.validUntil = validity.until?.iso
        post.source = source?.rawValue
        try await post.create(on: db)
        try await MemberRegistryWriter.audit(
            db, action: "assign_post", id: post.memberID,
            after: AuditTrail.json(
                PostEntry(
                    kind: post.kind, organisation: post.organisationID, from: post.validFrom, until: post.validUntil,
                    source: post.source, reason: reason)),
            unit: organisation.unitID, actor: actor)
    }

    /// Ends one of the member's posts on `until` (the last day is the day before), with the reason.
    public func end(
        _ memberID: UUID, post postID: String?, until: String?, reason: String?, today: CivilDate, actor: Actor
    ) async throws {
        try await db.writeTransaction { db in
            _ = try await MemberRegistryWriter(db: db, scope: scope).member(memberID, today: today, db: db)
            var form = FormFields()
            let day = form.date(until, field: "until", label: MemberFieldName.until)
            if FormFields.text(until) == nil {
                form.refuse("until", vi: "Cần ghi ngày thôi giữ chức vụ.", en: "Please give the day the post ends.")
            }
            let reason = form.reason(reason)
            let post = try await UUID(uuidString: postID ?? "").asyncMap {
                try await PostRecord.query(on: db).filter(\.$id == $0).filter(\.$memberID == memberID).first()
            }
            guard let post = post ?? nil else {
                throw InputError.invalid(
                    field: "post", vi: "Không tìm thấy chức vụ này của đảng viên.",
                    en: "The member holds no such post.")
            }
            guard form.issues.isEmpty, let day else { throw InputError.invalid(form.issues) }
            if day.iso <= post.validFrom || post.validUntil.map({ $0 < day.iso }) == true {
                throw InputError.invalid(
                    field: "until",
                    vi: "Ngày thôi giữ chức vụ phải sau ngày bắt đầu và không sau ngày đã thôi.",
                    en: "The day the post ends must be after it began and not after it had already ended.")
            }
            post.validUntil = day.iso
            try await post.update(on: db)
            let unit = try await OrganisationRecord.find(post.organisationID, on: db)?.unitID
            try await MemberRegistryWriter.audit(
                db, action: "end_post", id: memberID,
                after: AuditTrail.json(
                    PostEntry(
                        kind: post.kind, organisation: post.organisationID, from: post.validFrom, until: day.iso,
                        reason: reason)),
                unit: unit, actor: actor)
        }
    }

    /// The member's posts, oldest first, for the member's registry page.
    public func posts(of memberID: UUID, today: CivilDate) async throws -> [HeldPost] {
        _ = try await MemberRegistryWriter(db: db, scope: scope).member(memberID, today: today, db: db)
        let posts = try await PostRecord.query(on: db).filter(\.$memberID == memberID).sort(\.$validFrom).all()
        let organisations = try await OrganisationRecord.query(on: db).filter(\.$id ~~ posts.map(\.organisationID))
            .all()
        let names = try Dictionary(organisations.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        return try posts.map {
            HeldPost(
                id: try $0.requireID(), kind: try $0.decode(\.$kind, as: PostKind.self),
                organisationName: names[$0.organisationID] ?? "", validity: try $0.validity,
                source: try $0.source.map {
                    guard let source = PostSource(rawValue: $0) else {
                        throw StorageError.corrupt(table: "posts", column: "source", value: $0)
                    }
                    return source
                })
        }
    }
}

/// A post's audit entry.
struct PostEntry: Codable {
    var kind: String
    var organisation: UUID
    var from: String
    var until: String?
    var source: String?
    var reason: String?
}
