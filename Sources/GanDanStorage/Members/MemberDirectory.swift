import FluentKit
import Foundation
import GanDanCore

/// Member lists, search and detail, as of a date; Vietnamese order and accent-insensitive search on both databases.
///
/// Scope by time (rules.md R30, issue 21): with a limited scope, a member is found only while on a roll (official
/// or temporary) of an organisation in `scope` *on the date asked* (a page's `?date=`, today by default). A member
/// who has left the scope is therefore not found today, exactly like one who was never in it (a 404, a list without
/// them), and is found as of any day they were there. Such a *former member*, seen as of a day in the past, shows
/// only what was on record that day (`asRecorded(_:on:)`): no later cell, post, phone, status or card. Without a
/// limit (administrators, the CLI), and for a member still in the scope today, the whole record is shown as before.
public struct MemberDirectory: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// True when no member is stored in the scope (e.g. before a first import or the demo).
    public func isEmpty() async throws -> Bool {
        guard let organisations = scope.organisationFilter else {
            return try await MemberRecord.query(on: db).count() == 0
        }
        return try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ organisations).count() == 0
    }

    /// A search: words matched without accents against names ("duong" finds "Đường"), digits against
    /// citizen ID, card number and phone; optionally only the official roll of one cell on `date`.
    public struct Query: Sendable {
        public var text: String
        public var cellID: UUID?
        public var date: CivilDate
        public var page: Int
        public var perPage: Int
        /// Only these members (the list behind a dashboard figure); nil for no such limit.
        public var memberIDs: [UUID]?

        public init(
            text: String = "", cellID: UUID? = nil, date: CivilDate, page: Int = 1, perPage: Int = 50,
            memberIDs: [UUID]? = nil
        ) {
            self.text = text
            self.cellID = cellID
            self.memberIDs = memberIDs
            self.date = date
            self.page = max(1, page)
            self.perPage = min(max(1, perPage), 500)
        }
    }

    public func search(_ query: Query) async throws -> MemberPage {
        var builder = MemberRecord.query(on: db)
        let words = VietnameseText.searchKey(query.text)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        if words.count == 1, let word = words.first, word.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let organisations = scope.organisationFilter
            builder = builder.group(.or) { group in
                group.filter(\.$citizenID == word).filter(\.$cardNumber ~~ word)
                // A phone is today's: with a limited scope it finds only members in the scope today, so that a
                // search dated in the past cannot confirm the number a former member has given since.
                if let organisations {
                    group.group(.and) {
                        $0.filter(\.$phone ~~ word).filter(Self.onRollOf(organisations, on: CivilDate.today()))
                    }
                } else {
                    group.filter(\.$phone ~~ word)
                }
            }
        } else {
            for word in words { builder = builder.filter(\.$nameSearch ~~ word) }
        }
        if let organisations = scope.organisationFilter {
            builder = builder.filter(Self.onRollOf(organisations, on: query.date))
        }
        if let cellID = query.cellID {
            let memberIDs = try await MembershipRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: query.date).all().map(\.memberID)
            builder = builder.filter(\.$id ~~ memberIDs)
        }
        if let ids = query.memberIDs {
            builder = ids.isEmpty ? builder.filter(.sql(unsafeRaw: "1 = 0")) : builder.filter(\.$id ~~ ids)
        }
        let first = (query.page - 1) * query.perPage
        // With words, sorted by an expression no index holds: otherwise PostgreSQL may walk the whole register in name
        // order testing each name, a second per page nationally (bench/national), where the matches are few enough
        // to sort.
        let ordered =
            words.isEmpty
            ? builder.copy().sort(\.$nameSort)
            : builder.copy().sort(.sql(unsafeRaw: "\"\(MemberRecord.schema)\".\"name_sort\" || '' ASC"))
        let records = try await ordered.sort(\.$id).range(first..<(first + query.perPage)).all()
        // A page that is not full, and not past the end, says the total itself: the count reads the scope again.
        let total =
            !records.isEmpty && records.count < query.perPage ? first + records.count : try await builder.count()
        // A list can hold members of several communes: each cell is named with its commune (rules.md R27).
        var items = try await summaries(records, on: query.date)
        let names = try await OrganisationTree(db: db, scope: .storageInternal).namesWithCommune(
            cellIDs: Set(items.compactMap(\.cellID)), on: query.date)
        for index in items.indices {
            if let cellID = items[index].cellID, let name = names[cellID] { items[index].cellName = name }
        }
        return MemberPage(items: items, total: total, page: query.page, perPage: query.perPage)
    }

    /// `members.id IN (members on the official or temporary roll of these organisations on date)`, as SQL.
    static func onRollOf(_ organisations: [UUID], on date: CivilDate) -> DatabaseQuery.Filter {
        guard !organisations.isEmpty else { return .sql(unsafeRaw: "1 = 0") }
        let kinds: [any Encodable & Sendable] = [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue]
        let ids: [any Encodable & Sendable] = organisations
        return .sql(
            embed: """
                \(ident: MemberRecord.schema).\(ident: "id") IN (SELECT \(ident: "member_id") FROM \(ident: MembershipRecord.schema) \
                WHERE \(ident: "organisation_id") IN (\(binds: ids)) AND \(ident: "kind") IN (\(binds: kinds)) \
                AND \(ident: "valid_from") <= \(bind: date.iso) \
                AND (\(ident: "valid_until") IS NULL OR \(ident: "valid_until") > \(bind: date.iso)))
                """)
    }

    /// Summaries with each member's official cell and key-leader flag on `date`.
    func summaries(_ records: [MemberRecord], on date: CivilDate) async throws -> [MemberSummary] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let memberships = try await MembershipRecord.query(on: db).filter(\.$memberID ~~ ids)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).all()
        let cellIDs = Array(Set(memberships.map(\.organisationID)))
        let cells = try await cellIDs.isEmpty ? [] : OrganisationRecord.query(on: db).filter(\.$id ~~ cellIDs).all()
        let cellNames = try Dictionary(
            cells.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { first, _ in first })
        let cellOf = Dictionary(memberships.map { ($0.memberID, $0.organisationID) }, uniquingKeysWith: { a, _ in a })
        let posts = try await PostRecord.query(on: db).filter(\.$memberID ~~ ids).inForce(on: date).all()
        let leaders = Set(try posts.filter { try $0.decode(\.$kind, as: PostKind.self).isKeyLeader }.map(\.memberID))
        return try records.map { record in
            let cellID = cellOf[try record.requireID()]
            return MemberSummary(
                id: try record.requireID(), fullName: record.fullName,
                birthDate: try record.date(\.$birthDate),
                sex: try record.decode(\.$sex, as: Sex.self),
                status: try record.decode(\.$status, as: PartyStatus.self),
                standing: try record.partyRecord.standing(on: date), cellID: cellID,
                cellName: cellID.flatMap { cellNames[$0] }, isKeyLeader: leaders.contains(try record.requireID()))
        }
    }

    /// One member with all dated memberships and posts, when on a roll in the scope on `date`; nil otherwise, so that
    /// a member outside the scope that day, or never in it, does not leak. A former member (in the scope on `date`,
    /// no longer today) is shown as recorded on `date` (`asRecorded(_:on:)`).
    public func detail(_ id: UUID, on date: CivilDate) async throws -> MemberDetail? {
        var visible = MemberRecord.query(on: db).filter(\.$id == id)
        if let organisations = scope.organisationFilter {
            visible = visible.filter(Self.onRollOf(organisations, on: date))
        }
        guard let record = try await visible.first(),
            let summary = try await summaries([record], on: date).first
        else { return nil }
        let memberships = try await MembershipRecord.query(on: db).filter(\.$memberID == id).sort(\.$validFrom).all()
        let posts = try await PostRecord.query(on: db).filter(\.$memberID == id).sort(\.$validFrom).all()
        let organisationIDs = Array(Set(memberships.map(\.organisationID) + posts.map(\.organisationID)))
        let organisations = try await OrganisationRecord.query(on: db).filter(\.$id ~~ organisationIDs).all()
        let names = try Dictionary(
            organisations.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { first, _ in first })
        var villageName: String?
        if let village = record.residenceUnitID {
            villageName = try await OrganisationTree(db: db, scope: .storageInternal).unit(village, on: date)?.name
        }
        let detail = MemberDetail(
            summary: summary, ethnicity: record.ethnicity, citizenID: record.citizenID, phone: record.phone,
            education: record.education, cardNumber: record.cardNumber, residenceVillageID: record.residenceUnitID,
            residenceVillageName: villageName, party: try record.partyRecord,
            memberships: try memberships.map {
                MembershipView(
                    kind: try $0.decode(\.$kind, as: MembershipKind.self),
                    transferKind: try $0.decode(\.$transferKind, as: TransferKind.self),
                    organisationID: $0.organisationID, organisationName: names[$0.organisationID] ?? "",
                    validity: try $0.validity)
            },
            posts: try posts.map { post in
                PostView(
                    kind: try post.decode(\.$kind, as: PostKind.self), organisationID: post.organisationID,
                    organisationName: names[post.organisationID] ?? "",
                    validity: try post.validity)
            })
        return try await hasLeft(id) ? try await asRecorded(detail, on: date) : detail
    }
}
