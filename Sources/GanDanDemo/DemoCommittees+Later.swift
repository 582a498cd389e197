import Foundation
import GanDanCore
import GanDanStorage

/// The grassroots committees' side of the demo after its first window (issue 19): their meetings go on month by month
/// to today, the new communes' committees of 1-7-2025 take over from the old ones with a standing body and a member
/// following each village cell (rules.md R7, R11).
extension DemoCommittees {
    /// The first month after the first window's committee meetings.
    static let laterFrom = YearMonth(CivilDate.on(2020, 5, 1))
    /// A stream apart from the first window's, so that the placed story's meetings stay as they were.
    static let laterSeed: UInt64 = 0x4461_6E67_5579_2025
    /// At most this many people in a new committee's standing body taken from the old committees'.
    static let newStandingBodySize = 9

    /// The standing-body holders of the committee above each of `cells` on `date`: cell id → member ids, read before
    /// the restructure ends those posts.
    func holders(of cells: [UUID], on date: CivilDate) async throws -> [UUID: [UUID]] {
        let assignments = CommitteeAssignments(db: db, scope: .everything)
        var result: [UUID: [UUID]] = [:]
        for cell in cells {
            result[cell] = try await assignments.candidates(for: cell, on: date).map(\.id)
        }
        return result
    }

    /// Gives each new committee above `cells` on `date` a standing body drawn from the old committees' holders of
    /// their cells (`holders`): a secretary and committee members, appointed (rules.md R5). Returns the new
    /// committees' ids, by code order of their first cell.
    func appointNewCommittees(cells: [UUID], holders: [UUID: [UUID]], on date: CivilDate) async throws -> [UUID] {
        let tree = OrganisationTree(db: db, scope: .everything)
        var order: [UUID] = []
        var pool: [UUID: [UUID]] = [:]
        for cell in cells {
            guard let parent = try await tree.organisation(cell, on: date)?.parentID else { continue }
            if pool[parent] == nil { order.append(parent) }
            for member in holders[cell] ?? [] where pool[parent]?.contains(member) != true {
                pool[parent, default: []].append(member)
            }
        }
        let posts = PostWriter(db: db, scope: .everything)
        var random = SeededRandom(seed: Self.laterSeed ^ 0x33)
        for committee in order {
            let chosen = random.sample(pool[committee] ?? [], count: Self.newStandingBodySize)
            var appointed = 0
            for member in chosen {
                let kind: PostKind = appointed == 0 ? .partySecretary : .partyCommitteeMember
                let assignment = PostAssignment(
                    kind: kind.rawValue, organisation: committee.uuidString, from: date.iso,
                    source: PostSource.appointment.rawValue, reason: "Chỉ định khi hợp nhất xã ngày \(date.vietnamese)")
                // A holder who died or moved away before the day is no longer a member: the next one is taken. Any
                // other failure stops the load.
                do {
                    try await posts.assign(member, assignment, today: date, actor: actor)
                } catch is InputError {
                    continue
                } catch let error as StorageError {
                    switch error {
                    case .notFound, .conflict, .refused: continue
                    case .unavailable, .corrupt: throw error
                    }
                }
                appointed += 1
            }
        }
        return order
    }

    /// One member of the standing body of the committee above each cell follows it from `date`, the committee's
    /// members taking the cells in turn (rules.md R11); the assignment in force before ends that day.
    func assignFollowers(cells: [UUID], from date: CivilDate) async throws -> Int {
        let assignments = CommitteeAssignments(db: db, scope: .everything)
        var turn: [[UUID]: Int] = [:]
        var made = 0
        for cell in cells {
            let candidates = try await assignments.candidates(for: cell, on: date).map(\.id)
            guard !candidates.isEmpty else { continue }
            let member = candidates[turn[candidates, default: 0] % candidates.count]
            turn[candidates, default: 0] += 1
            // A member drawn for the cell they already follow simply goes on following it.
            guard try await assignments.assigned(to: cell, on: date)?.member.id != member else { continue }
            try await assignments.assign(cellID: cell, memberID: member, from: date, actor: actor)
            made += 1
        }
        return made
    }

    /// The committees' and standing bodies' meetings from `laterFrom` through `last`, each while the committee is in
    /// force: the old communes' until the 2025 restructure, the new communes' after it (rules.md R7). Returns how many.
    func holdLaterMeetings(committees: [OrganisationSnapshot], through last: CivilDate) async throws -> Int {
        let meetings = CellMeetings(db: db, scope: .everything, policy: policy)
        var held = 0
        for committee in committees.sorted(by: { $0.code < $1.code }) {
            var random = SeededRandom(seed: SeededRandom.seed(Self.laterSeed, committee.code))
            var month = max(Self.laterFrom, YearMonth(committee.validity.from))
            while month <= YearMonth(last) {
                var days = [(MeetingBody.standingBody, CivilDate.on(month.year, month.month, random.int(3...8)))]
                if month.month == 6 || month.month == 12 {
                    days.append((.committee, CivilDate.on(month.year, month.month, random.int(15...22))))
                }
                for (body, date) in days where date <= last && committee.validity.contains(date) {
                    try await hold(body, of: committee.id, on: date, meetings: meetings, random: &random)
                    held += 1
                }
                month = month.adding(months: 1)
            }
        }
        return held
    }
}

extension DemoCommittees {
    /// After the 2020 congresses, the committees re-divide their cells among their members (rules.md R11).
    static let redividedFrom = CivilDate.on(2020, 7, 1)

    /// What the old committees hold before the restructure of `restructure` ends them: the 2020 re-division of the
    /// cells' followers when `through` reaches it, and the standing-body holders above each cell on the eve.
    func beforeRestructure(cells: [UUID], restructure: CivilDate, through last: CivilDate) async throws
        -> [UUID: [UUID]]
    {
        if Self.redividedFrom <= last { _ = try await assignFollowers(cells: cells, from: Self.redividedFrom) }
        return try await holders(of: cells, on: restructure.adding(days: -1))
    }

    /// After the restructure of `restructure`: the new committees' standing bodies and followers from that day when
    /// `through` reaches it, then every committee's meetings after the first window through `through`: the old ones
    /// under the district until they ended, the new ones after (rules.md R7, R11). Returns the meetings held.
    func afterRestructure(
        districtID: UUID, cells: [UUID], holders: [UUID: [UUID]], restructure: CivilDate, through last: CivilDate
    ) async throws -> Int {
        let tree = OrganisationTree(db: db, scope: .everything)
        let day = DemoLoader.decisionDate
        var committees = try await tree.organisations(atUnits: try await tree.subtree(of: districtID, on: day), on: day)
            .filter { $0.kind == .grassrootsCommittee }
        if restructure <= last {
            for id in try await appointNewCommittees(cells: cells, holders: holders, on: restructure) {
                if let committee = try await tree.organisation(id) { committees.append(committee) }
            }
            _ = try await assignFollowers(cells: cells, from: restructure)
        }
        return try await holdLaterMeetings(committees: committees, through: last)
    }
}
