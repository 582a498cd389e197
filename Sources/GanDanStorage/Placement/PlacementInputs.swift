import FluentKit
import Foundation
import GanDanCore

/// One commune's placement problem: its agency cells' members and its village cells (rules.md A2, R13).
struct CommuneProblem: Sendable {
    var communeID: UUID
    var communeName: String
    var agencyCellIDs: [UUID]
    var agencyCellNames: [UUID: String]
    var input: PlacementInput
}

/// Reads placement problems from the database: members stay within their commune (an internal transfer, R13).
struct PlacementInputs: Sendable {
    let db: any Database
    /// The charter's thresholds: "few full members" in a village's difficulty is counted against the committee
    /// threshold in force (rules.md A3, R3), not a fixed number.
    let charter: CharterSettings

    init(db: any Database, charter: CharterSettings) {
        self.db = db
        self.charter = charter
    }

    /// The problems of a commune, or of every commune of a district, on `date`.
    func problems(for unitID: UUID, on date: CivilDate, settings: PlacementSettings) async throws
        -> [CommuneProblem]
    {
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        guard let unit = try await tree.unit(unitID, on: date) else {
            throw StorageError.notFound("no unit \(unitID) on \(date.iso)")
        }
        let communes =
            unit.kind.level == 3 ? [unit] : try await tree.children(of: unitID, on: date).filter { $0.kind.level == 3 }
        var problems: [CommuneProblem] = []
        for commune in communes {
            if let problem = try await problem(commune: commune, on: date, settings: settings) {
                problems.append(problem)
            }
        }
        return problems
    }

    /// Nil when the commune has no agency cell in force on `date` (already dissolved, or none).
    func problem(commune: UnitSnapshot, on date: CivilDate, settings: PlacementSettings) async throws -> CommuneProblem?
    {
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        let villages = try await tree.children(of: commune.id, on: date).filter(\.kind.isVillageLevel)
        let organisations = try await tree.organisations(atUnits: [commune.id] + villages.map(\.id), on: date)
        let agencyCells = organisations.filter { $0.kind == .communeAgencyCell && $0.unitID == commune.id }
        guard !agencyCells.isEmpty else { return nil }
        let villageCells = organisations.filter { $0.kind == .villageCell }
        let cells = CellDirectory(db: db, scope: .storageInternal)
        var candidates: [PlacementCandidate] = []
        let villageByID = Dictionary(villages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for agency in agencyCells {
            let roster = try await cells.roster(of: agency.id, on: date).filter { $0.membership == .official }
            let ids = roster.map(\.member.id)
            let records = try await ids.isEmpty ? [] : MemberRecord.query(on: db).filter(\.$id ~~ ids).all()
            let residence = try Dictionary(
                records.map { (try $0.requireID(), $0.residenceUnitID) }, uniquingKeysWith: { a, _ in a })
            let keys = try Dictionary(
                records.map { (try $0.requireID(), Self.stableKey($0)) }, uniquingKeysWith: { a, _ in a })
            for entry in roster {
                let village = (residence[entry.member.id] ?? nil).flatMap { villageByID[$0] }
                candidates.append(
                    PlacementCandidate(
                        id: entry.member.id, name: entry.member.fullName, fromCellID: agency.id,
                        posts: entry.posts.filter(\.isKeyLeader), residenceVillageID: village?.id,
                        residenceDistanceKm: village?.profile?.distanceKm, stableKey: keys[entry.member.id],
                        isFullMember: entry.member.standing?.countsAsFull ?? false))
            }
        }
        let summaries = try await cells.summaries(of: villageCells, on: date)
        let fullOf = Dictionary(summaries.map { ($0.cell.id, $0.counts.full) }, uniquingKeysWith: { a, _ in a })
        let targets = villageCells.compactMap { cell -> PlacementTarget? in
            guard let village = villageByID[cell.unitID] else { return nil }
            // The plan is a district's paper too: a cell is named with its commune (rules.md R27).
            return PlacementTarget(
                cellID: cell.id,
                cellName: CellNaming.withCommune(cell.name, communeKind: commune.kind, communeName: commune.name),
                villageID: village.id, villageName: village.name,
                distanceKm: village.profile?.distanceKm ?? 0, povertyRate: village.profile?.povertyRate ?? 0,
                weak: cell.latestRating?.weak ?? false, fullMembers: fullOf[cell.id] ?? 0,
                ethnicMinority: village.profile?.ethnicMinority ?? false, mountain: village.profile?.mountain ?? false,
                stableKey: cell.code)
        }
        let input = PlacementInput(
            candidates: candidates, targets: targets, weights: settings.weights, capacities: settings.capacities,
            pins: settings.pins, forbidden: Set(settings.forbidden), exemptPosts: Set(settings.exemptPosts),
            charter: charter)
        return CommuneProblem(
            communeID: commune.id, communeName: commune.title(in: .vi), agencyCellIDs: agencyCells.map(\.id),
            agencyCellNames: Dictionary(agencyCells.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            input: input)
    }
}

extension PlacementInputs {
    /// Name order, then birth date, card number and citizen ID: the same in every database.
    static func stableKey(_ member: MemberRecord) -> String {
        [member.nameSort, member.birthDate, member.cardNumber ?? "", member.citizenID ?? ""].joined(separator: "|")
    }

    /// The problem of re-placing already placed members among their commune's village cells (a correcting plan).
    func villageProblem(communeID: UUID, memberIDs: Set<UUID>, on date: CivilDate, settings: PlacementSettings)
        async throws -> PlacementInput
    {
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        guard let commune = try await tree.unit(communeID, on: date) else {
            throw StorageError.notFound("no commune \(communeID) on \(date.iso)")
        }
        let villages = try await tree.children(of: communeID, on: date).filter(\.kind.isVillageLevel)
        let villageByID = Dictionary(villages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let villageCells = try await tree.organisations(atUnits: villages.map(\.id), on: date)
            .filter { $0.kind == .villageCell }
        let members = try await MemberRecord.query(on: db).filter(\.$id ~~ Array(memberIDs)).all()
        let memberships = try await MembershipRecord.query(on: db).filter(\.$memberID ~~ Array(memberIDs))
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).all()
        let cellOf = Dictionary(memberships.map { ($0.memberID, $0.organisationID) }, uniquingKeysWith: { a, _ in a })
        let posts = try await PostRecord.query(on: db).filter(\.$memberID ~~ Array(memberIDs)).inForce(on: date).all()
        var postsOf: [UUID: [PostKind]] = [:]
        for post in posts {
            let kind = try post.decode(\.$kind, as: PostKind.self)
            if kind.isKeyLeader {
                postsOf[post.memberID, default: []].append(kind)
            }
        }
        let candidates = try members.compactMap { member -> PlacementCandidate? in
            guard let id = member.id, let cell = cellOf[id] else { return nil }
            let village = member.residenceUnitID.flatMap { villageByID[$0] }
            return PlacementCandidate(
                id: id, name: member.fullName, fromCellID: cell, posts: postsOf[id] ?? [],
                residenceVillageID: village?.id, residenceDistanceKm: village?.profile?.distanceKm,
                stableKey: Self.stableKey(member),
                isFullMember: try member.partyRecord.standing(on: date)?.countsAsFull ?? false)
        }
        let summaries = try await CellDirectory(db: db, scope: .storageInternal).summaries(of: villageCells, on: date)
        let fullOf = Dictionary(summaries.map { ($0.cell.id, $0.counts.full) }, uniquingKeysWith: { a, _ in a })
        let targets = villageCells.compactMap { cell -> PlacementTarget? in
            guard let village = villageByID[cell.unitID] else { return nil }
            // Counted without the members being re-placed, so the cells look as they would before placement.
            let newcomers = candidates.filter { $0.fromCellID == cell.id }.count
            // The plan is a district's paper too: a cell is named with its commune (rules.md R27).
            return PlacementTarget(
                cellID: cell.id,
                cellName: CellNaming.withCommune(cell.name, communeKind: commune.kind, communeName: commune.name),
                villageID: village.id, villageName: village.name,
                distanceKm: village.profile?.distanceKm ?? 0, povertyRate: village.profile?.povertyRate ?? 0,
                weak: cell.latestRating?.weak ?? false, fullMembers: max(0, (fullOf[cell.id] ?? 0) - newcomers),
                ethnicMinority: village.profile?.ethnicMinority ?? false, mountain: village.profile?.mountain ?? false,
                stableKey: cell.code)
        }
        return PlacementInput(
            candidates: candidates, targets: targets, weights: settings.weights, capacities: settings.capacities,
            pins: settings.pins, forbidden: Set(settings.forbidden), exemptPosts: Set(settings.exemptPosts),
            charter: charter)
    }
}
