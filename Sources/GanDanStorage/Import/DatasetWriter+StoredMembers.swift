import FluentKit
import FluentSQL
import Foundation
import GanDanCore

extension DatasetWriter {
    /// The organisations (every version) and open units that `members` name: their cells, the organisations of their
    /// posts and their villages. What a members-only write is checked against, read by code, so that a province's
    /// file does not read a country's tree (bench/national).
    func storedTree(for members: [MemberDraft]) async throws -> StoredCodes {
        let organisationCodes = Set(members.map(\.cellCode) + members.flatMap { $0.posts.map(\.organisationCode) })
        let unitCodes = Set(members.compactMap(\.residenceVillageCode))
        var organisations: [OrganisationRecord] = []
        for part in Array(organisationCodes).chunked(Self.lookupChunk) {
            organisations += try await OrganisationRecord.query(on: db).filter(\.$code ~~ part).all()
        }
        var units: [UnitRecord] = []
        for part in Array(unitCodes).chunked(Self.lookupChunk) {
            units += try await UnitRecord.query(on: db).filter(\.$validUntil == nil).filter(\.$code ~~ part).all()
        }
        return StoredCodes(openUnits: units, organisations: organisations)
    }

    /// Values bound per query when looking up a file's keys: within SQLite's 32,766 and PostgreSQL's 65,535.
    static let lookupChunk = 5_000

    /// Adds to `stored` the members a write of `members` must be checked against: those sharing a citizen ID, a card
    /// number, or a folded name and birth date (the duplicate check's key) with a row. Each is looked up by index,
    /// so an import reads what its own rows touch, not the whole register: a province's file against a national
    /// register of 5.5 million read all of it before (bench/national). Those outside the scope on `date` are marked
    /// as elsewhere.
    func storedMembers(matching members: [MemberDraft], on date: CivilDate, into stored: inout StoredCodes)
        async throws
    {
        guard !members.isEmpty else { return }
        var keys = VietnameseText.KeyCache()
        let people = Array(Set(members.map { Person(name: keys.searchKey($0.fullName), birth: $0.birthDate.iso) }))
        var rows: [UUID: MemberRecord] = [:]
        func collect(_ found: [MemberRecord]) throws {
            for row in found { rows[try row.requireID()] = row }
        }
        let ids = Array(Set(members.compactMap(\.citizenID)))
        try collect(try await lookUp(ids, per: Self.lookupChunk) { $0.filter(\.$citizenID ~~ $1) })
        let cards = Array(Set(members.compactMap(\.cardNumber)))
        try collect(try await lookUp(cards, per: Self.lookupChunk) { $0.filter(\.$cardNumber ~~ $1) })
        // By name and birth date together: names alone repeat across a country (the index serves the pair), and each
        // pair binds two values.
        try collect(try await lookUp(people, per: Self.lookupChunk / 2) { $0.filter(Self.namedAndBorn($1)) })
        let inside = try await membersInScope(Array(rows.keys), on: date)
        stored.people.reserveCapacity(rows.count)
        for (id, row) in rows {
            let elsewhere = inside.map { !$0.contains(id) } ?? false
            if let citizenID = row.citizenID {
                stored.citizenIDs.insert(citizenID)
                if elsewhere { stored.citizenIDsElsewhere.insert(citizenID) }
            }
            if let card = row.cardNumber {
                stored.cardNumbers.insert(card)
                if elsewhere { stored.cardNumbersElsewhere.insert(card) }
            }
            stored.people.append(
                DuplicateCheck.StoredPerson(
                    key: row.nameSearch + "|" + row.birthDate, citizenID: row.citizenID, elsewhere: elsewhere))
        }
    }

    /// A folded name with a birth date: the duplicate check's key, as stored in `members`.
    struct Person: Hashable {
        var name: String
        var birth: String
    }

    /// `(name_search, birth_date) IN (VALUES (…), …)`: a row-value list both databases serve from
    /// `members_name_search_birth`.
    static func namedAndBorn(_ people: [Person]) -> DatabaseQuery.Filter {
        var pairs: SQLQueryString = "(\(ident: "name_search"), \(ident: "birth_date")) IN (VALUES "
        for (index, person) in people.enumerated() {
            pairs +=
                index == 0
                ? "(\(bind: person.name), \(bind: person.birth))" : ", (\(bind: person.name), \(bind: person.birth))"
        }
        return .sql(embed: pairs + ")")
    }

    /// The members (identity columns only) matched by `filter` for `values`, `size` values a query.
    func lookUp<Value>(
        _ values: [Value], per size: Int,
        _ filter: @escaping (QueryBuilder<MemberRecord>, [Value]) -> QueryBuilder<MemberRecord>
    ) async throws -> [MemberRecord] {
        var found: [MemberRecord] = []
        for part in values.chunked(size) {
            let query = MemberRecord.query(on: db).field(\.$id).field(\.$citizenID).field(\.$cardNumber)
                .field(\.$nameSearch).field(\.$birthDate)
            found += try await filter(query, part).all()
        }
        return found
    }

    /// Which of `memberIDs` are on a roll (official or temporary) of an organisation in the scope on `date`; nil
    /// without a limit.
    func membersInScope(_ memberIDs: [UUID], on date: CivilDate) async throws -> Set<UUID>? {
        guard let organisations = scope.organisationFilter else { return nil }
        guard !memberIDs.isEmpty else { return [] }
        let scope = Set(organisations)
        var inside: Set<UUID> = []
        for chunk in memberIDs.chunked(Self.lookupChunk) {
            inside.formUnion(
                try await MembershipRecord.query(on: db).filter(\.$memberID ~~ chunk)
                    .filter(\.$kind ~~ [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue])
                    .inForce(on: date).field(\.$memberID).field(\.$organisationID).all()
                    .filter { scope.contains($0.organisationID) }.map(\.memberID))
        }
        return inside
    }
}
