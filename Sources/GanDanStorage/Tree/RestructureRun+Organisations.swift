import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// The party committee a new commune gets, and what it takes from the old communes.
struct NewCommittee {
    let id = UUID()
    let succession: UnitSuccession
    let unitID: UUID
    let parentID: UUID?
    /// The old communes' committees it succeeds, and their agency cells with what becomes of them.
    let predecessors: [OrganisationRecord]
    let agencyCells: [OrganisationRecord]
    let fate: AgencyCellFate
}

extension RestructureRun {
    /// Decides what becomes of each organisation of the old communes, their villages and the ending districts.
    mutating func planOrganisations(districts: [UnitRecord]) async throws -> [NewCommittee] {
        let placements = OrganisationPlacements(db: db)
        let provinceIDs = Array(Set(districts.compactMap(\.parentUnitID)))
        let provincial = try await placements.at(units: provinceIDs, on: eve).first { $0.kind == "provincialCommittee" }
        var committees: [NewCommittee] = []
        var committeeOfUnit: [UUID: UUID] = [:]
        for succession in conversion {
            let old = succession.predecessors.compactMap(\.unitID)
            guard let newUnit = succession.unitID, !old.isEmpty else { continue }
            let organisations = try await placements.at(units: old, on: eve)
            // A new commune gets a committee only when its old communes had party organisations in the database.
            guard !organisations.isEmpty else { continue }
            let plan = NewCommittee(
                succession: succession, unitID: newUnit, parentID: provincial?.id,
                predecessors: organisations.filter { $0.kind == OrganisationKind.grassrootsCommittee.rawValue },
                agencyCells: organisations.filter { $0.kind == OrganisationKind.communeAgencyCell.rawValue },
                fate: list.agencyCells[succession.code] ?? .merge)
            if provincial == nil {
                conflict(
                    vi: "Không có Đảng bộ tỉnh để làm cấp trên của Đảng bộ \(succession.name).",
                    en: "There is no provincial party committee above the new committee of \(succession.name).",
                    code: succession.code)
            }
            committeeOfUnit[newUnit] = plan.id
            for record in organisations {
                let id = try record.requireID()
                if record.kind == OrganisationKind.grassrootsCommittee.rawValue
                    || record.kind == OrganisationKind.communeAgencyCell.rawValue
                {
                    ending.insert(id)
                } else {
                    moves[id] = (newUnit, plan.id)
                }
            }
            try await checkDissolved(plan)
            committees.append(plan)
        }
        for record in try await placements.at(units: Array(villageMoves.keys), on: eve) {
            guard let commune = villageMoves[record.unitID], let committee = committeeOfUnit[commune] else { continue }
            moves[try record.requireID()] = (record.unitID, committee)
        }
        try await planDistrictBodies(districts: districts, provincial: provincial)
        return committees
    }

    /// Agency cells the file dissolves must hold no members the day before: they would be left without a cell.
    mutating func checkDissolved(_ plan: NewCommittee) async throws {
        guard plan.fate == .dissolve else { return }
        for cell in plan.agencyCells {
            let members = try await MembershipRecord.query(on: db).filter(\.$organisationID == cell.requireID())
                .inForce(on: eve).count()
            guard members > 0 else { continue }
            conflict(
                vi: "\(cell.name) bị giải thể nhưng còn \(members) đảng viên chưa chuyển sang chi bộ khác.",
                en: "\(cell.name) is dissolved but \(members) member(s) are still on it, with no other cell.",
                field: "agency_cells", code: plan.succession.code)
        }
    }

    /// The district committees end; the district's own bodies go to the province, under the provincial committee.
    mutating func planDistrictBodies(districts: [UnitRecord], provincial: OrganisationRecord?) async throws {
        for district in districts {
            guard let province = district.parentUnitID else { continue }
            let bodies = try await OrganisationPlacements(db: db).at(units: [district.unitID], on: eve)
            let committees = Set(
                try bodies.filter { $0.kind == OrganisationKind.districtCommittee.rawValue }.map { try $0.requireID() })
            for body in bodies {
                let id = try body.requireID()
                if committees.contains(id) {
                    ending.insert(id)
                } else if let parent = body.parentID, committees.contains(parent) {
                    if let provincial { moves[id] = (province, try provincial.requireID()) }
                } else {
                    moves[id] = (province, body.parentID)
                }
            }
        }
    }

    /// Organisations under an ending one the day before that neither end nor move: each would be left without a
    /// parent.
    func orphans() async throws -> [OrganisationRecord] {
        try await OrganisationPlacements(db: db).children(of: Array(ending), on: eve).filter { record in
            guard let id = record.id else { return false }
            return !ending.contains(id) && moves[id] == nil
        }
    }

    mutating func checkOrphans(_ orphans: [OrganisationRecord]) {
        for record in orphans.sorted(by: { $0.nameSort < $1.nameSort }) {
            conflict(
                vi: "\(record.name) sẽ không còn tổ chức đảng cấp trên.",
                en: "\(record.name) would be left without a parent organisation.")
        }
    }

    /// An organisation that moves but already changes on the date or later (a rename or move on the web dated
    /// after it): history is not rewritten (rules.md R26).
    mutating func checkLaterChanges() async throws {
        let ids = Array(moves.keys)
        var later: Set<UUID> = []
        for chunk in ids.chunked(500) {
            later.formUnion(
                try await OrganisationPlacementRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                    .filter(\.$validFrom >= date.iso).all().map(\.organisationID))
        }
        guard !later.isEmpty else { return }
        for record in try await OrganisationRecord.query(on: db).filter(\.$id ~~ Array(later)).sort(\.$nameSort).all() {
            conflict(
                vi: "\(record.name) đã có thay đổi từ ngày \(date.vietnamese) trở về sau: không ghi đè lịch sử.",
                en: "\(record.name) already changes on or after \(date.vietnamese): history is not rewritten.")
        }
    }
}
