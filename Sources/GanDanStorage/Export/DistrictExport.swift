import FluentKit
import Foundation
import GanDanCore

/// A district (or commune) as of a day, as the files that move it to another installation (issue 18): its units
/// with the units above them, villages with their profiles, the party organisations in force, the cells' ratings
/// made by then, the members on their rolls and their posts. Nothing dated after the day is read (rules.md R26).
public struct DistrictExport: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The dataset of the unit `code` and its subtree on `date`; records the export in the audit trail as `actor`.
    public func dataset(unitCode code: String, on date: CivilDate, actor: Actor) async throws -> OrganisationDataset {
        let tree = OrganisationTree(db: db, scope: scope)
        guard let unit = try await tree.unit(code: code, on: date), scope.contains(unit: unit.id) else {
            throw StorageError.notFound("no unit has code \(code) on \(date.iso)")
        }
        let above = try await tree.path(to: unit.id, on: date).map(\.id)
        let below = try await tree.subtree(of: unit.id, on: date)
        let units = try await Self.chunked(Array(Set(above + below))) { ids in
            try await UnitRecord.query(on: db).filter(\.$unitID ~~ ids).inForce(on: date).all()
        }.map(UnitSnapshot.init)
        let codeOfUnit = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        var dataset = OrganisationDataset()
        dataset.units = units.sorted { ($0.kind.level, $0.code) < ($1.kind.level, $1.code) }.map { unit in
            UnitDraft(
                code: unit.code, kind: unit.kind, name: unit.name, parentCode: unit.parentID.flatMap { codeOfUnit[$0] },
                validity: Self.asOf(unit.validity, date), profile: unit.profile)
        }
        let organisations = try await organisations(atUnits: units.map(\.id), codeOfUnit: codeOfUnit, on: date)
        dataset.organisations = organisations.drafts
        dataset.members = try await members(
            in: organisations.codes, villages: Set(units.filter(\.kind.isVillageLevel).map(\.code)), on: date)
        try await AuditTrail(db: db, scope: scope).record(
            AuditEvent(
                actor: actor.name, action: "export", entity: "district", entityID: code,
                after:
                    "{\"date\":\"\(date.iso)\",\"units\":\(dataset.units.count),"
                    + "\"organisations\":\(dataset.organisations.count),\"members\":\(dataset.members.count)}",
                requestID: actor.requestID, units: Set(below)))
        return dataset
    }

    /// A validity as it was known on `date`: an end after it is not yet known.
    static func asOf(_ validity: Validity, _ date: CivilDate) -> Validity {
        Validity(from: validity.from, until: validity.until.flatMap { $0 <= date ? $0 : nil })
    }

    /// The organisations in force on `date` at the units, parents first, with the ratings made by then; a parent
    /// outside the export is left out. Also every exported organisation's code by id.
    private func organisations(atUnits units: [UUID], codeOfUnit: [UUID: String], on date: CivilDate) async throws
        -> (drafts: [OrganisationDraft], codes: [UUID: String])
    {
        // Each with the name, unit and parent committee it had on `date`, where a later restructure, rename or move
        // changed them (rules.md R26).
        var records = try await Self.chunked(units) { ids in
            try await OrganisationPlacements(db: db).at(units: ids, on: date)
        }
        if let allowed = scope.organisationFilter.map(Set.init) {
            records = try records.filter { allowed.contains(try $0.requireID()) }
        }
        let codes = try Dictionary(records.map { (try $0.requireID(), $0.code) }, uniquingKeysWith: { a, _ in a })
        let ratings = try await Self.chunked(Array(codes.keys)) { ids in
            try await CellRatingRecord.query(on: db).filter(\.$organisationID ~~ ids)
                .filter(\.$year <= CellRating.lastRatedYear(on: date)).sort(\.$year).all()
        }
        var ratingsOf: [UUID: [CellRating]] = [:]
        for row in ratings {
            ratingsOf[row.organisationID, default: []].append(
                CellRating(
                    year: row.year, level: try row.decode(\.$level, as: RatingLevel.self), weak: row.weak,
                    weakReason: row.weakReason))
        }
        let drafts = try records.map { record in
            OrganisationDraft(
                code: record.code, kind: try record.decode(\.$kind, as: OrganisationKind.self), name: record.name,
                unitCode: codeOfUnit[record.unitID] ?? "", parentCode: record.parentID.flatMap { codes[$0] },
                validity: Self.asOf(try record.validity, date), ratings: ratingsOf[try record.requireID()] ?? [])
        }
        let depth = Dictionary(drafts.map { ($0.code, $0.kind.isCell ? 1 : 0) }, uniquingKeysWith: { a, _ in a })
        return (drafts.sorted { (depth[$0.code] ?? 0, $0.code) < (depth[$1.code] ?? 0, $1.code) }, codes)
    }

    /// The members on the official rolls of the exported cells on `date`, with the posts they held by then in
    /// exported organisations; a residence outside the exported villages is left out.
    private func members(in organisations: [UUID: String], villages: Set<String>, on date: CivilDate) async throws
        -> [MemberDraft]
    {
        let cells = Set(organisations.values)
        let rows = try await MemberExporter(db: db, scope: scope).members(on: date).filter {
            cells.contains($0.draft.cellCode)
        }
        let posts = try await Self.chunked(rows.map(\.id)) { ids in
            try await PostRecord.query(on: db).filter(\.$memberID ~~ ids).filter(\.$validFrom <= date.iso)
                .sort(\.$validFrom).all()
        }
        var postsOf: [UUID: [PostDraft]] = [:]
        for post in posts {
            guard let code = organisations[post.organisationID] else { continue }
            postsOf[post.memberID, default: []].append(
                PostDraft(
                    kind: try post.decode(\.$kind, as: PostKind.self), organisationCode: code,
                    validity: Self.asOf(try post.validity, date), source: try post.postSource))
        }
        return rows.map { row in
            var draft = row.draft
            if let village = draft.residenceVillageCode, !villages.contains(village) {
                draft.residenceVillageCode = nil
            }
            draft.posts = postsOf[row.id] ?? []
            return draft
        }
    }

    /// `query` over `ids` in chunks of 500, well within both engines' limits on bound parameters.
    static func chunked<T: Sendable>(_ ids: [UUID], _ query: ([UUID]) async throws -> [T]) async throws -> [T] {
        var result: [T] = []
        for chunk in ids.chunked(500) {
            result += try await query(chunk)
        }
        return result
    }
}

extension PostRecord {
    /// The stored source of the post (rules.md R5); an unknown value is corrupt data, never a silent default.
    var postSource: PostSource? {
        get throws {
            guard let source else { return nil }
            guard let value = PostSource(rawValue: source) else {
                throw StorageError.corrupt(table: Self.schema, column: "source", value: source)
            }
            return value
        }
    }
}
