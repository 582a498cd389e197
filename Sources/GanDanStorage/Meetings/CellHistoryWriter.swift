import FluentKit
import Foundation
import GanDanCore

/// What a cell history write stored.
public struct CellHistorySummary: Sendable, Hashable {
    public var meetings = 0
    public var attendance = 0
    public var households = 0
    public var tasks = 0

    public init() {}
}

/// Writes past village-cell life in one transaction, as a committee enters past meetings and registers: meetings
/// with minutes, attendance, tasks and reviews, households, criteria, thematic plans, then citizens' feedback,
/// supervision comments, candidates and ratings linked to those meetings (rules.md A6–A9). Bulk rows: a district's
/// two years are hundreds of thousands of rows.
public struct CellHistoryWriter: Sendable {
    let db: any Database
    let scope: AccessScope
    let policy: MeetingPolicy

    public init(db: any Database, scope: AccessScope, policy: MeetingPolicy) {
        self.db = db
        self.scope = scope
        self.policy = policy
    }

    /// Stores `history`; every cell it names must be a party organisation in scope.
    public func write(_ history: CellHistory, actor: Actor) async throws -> CellHistorySummary {
        let unitOf = try await units(of: history)
        try await checkCommitteeMembers(history.meetings)
        let policy = policy
        return try await db.writeTransaction { db in
            var writer = CellHistoryRows(db: db, policy: policy, actor: actor, unitOf: unitOf)
            try await writer.storeHouseholds(history.households)
            try await writer.storeMeetings(history.meetings)
            try await writer.storePlans(history.thematicPlans, criteria: history.criteria)
            try await writer.audit(history)
            try await writer.storeFeedback(history.feedback)
            try await writer.storeSupervisions(history.supervisions)
            try await writer.storeCandidates(history.candidates)
            try await writer.storeRatings(history.ratings, cellRatings: history.cellRatings)
            return writer.summary
        }
    }

    /// A committee member recorded present must be the one assigned to the cell on the meeting day (rules.md R11), as
    /// for minutes entered one by one: nothing is written otherwise.
    func checkCommitteeMembers(_ meetings: [HistoryMeeting]) async throws {
        let recorded = meetings.enumerated().filter { $0.element.committeeMemberID != nil }
        let cells = Array(Set(recorded.compactMap { UUID(uuidString: $0.element.cellID) }))
        var assignments: [UUID: [CommitteeAssignmentRecord]] = [:]
        for chunk in cells.chunked(500) {
            for record in try await CommitteeAssignmentRecord.query(on: db).filter(\.$cellID ~~ chunk).all() {
                assignments[record.cellID, default: []].append(record)
            }
        }
        for (index, meeting) in recorded {
            let day = meeting.minutes.date.iso
            let assigned = UUID(uuidString: meeting.cellID).flatMap { assignments[$0] }?.first {
                $0.validFrom <= day && ($0.validUntil.map { day < $0 } ?? true)
            }
            guard let assigned, assigned.memberID.uuidString == meeting.committeeMemberID else {
                // rules.md R11: the committee member present is the one assigned to the cell that day.
                throw InputError.invalid(
                    field: "meetings[\(index)].committeeMemberID",
                    vi:
                        "\(meeting.committeeMemberID ?? "") không phải cấp ủy viên được phân công phụ trách chi bộ ngày \(day).",
                    en: "\(meeting.committeeMemberID ?? "") is not the committee member assigned to the cell on \(day)."
                )
            }
        }
    }

    /// The unit of every cell the history names (cell id as text → unit id).
    func units(of history: CellHistory) async throws -> [String: UUID] {
        var named = Set(history.meetings.map(\.cellID))
        named.formUnion(history.households.map(\.cellID))
        named.formUnion(history.criteria.map(\.cellID))
        named.formUnion(history.thematicPlans.keys)
        named.formUnion(history.feedback.map(\.cellID))
        named.formUnion(history.supervisions.map(\.cellID))
        named.formUnion(history.candidates.map(\.cellID))
        named.formUnion(history.ratings.map(\.cellID))
        named.formUnion(history.cellRatings.map(\.cellID))
        let ids = named.compactMap(UUID.init(uuidString:))
        var unitOf: [String: UUID] = [:]
        for chunk in ids.chunked(500) {
            for record in try await OrganisationRecord.query(on: db).filter(\.$id ~~ chunk).all() {
                let id = try record.requireID()
                guard scope.contains(organisation: id) else { continue }
                unitOf[id.uuidString] = record.unitID
            }
        }
        if let unknown = named.sorted().first(where: { unitOf[$0] == nil }) {
            throw StorageError.notFound("party organisation \(unknown)")
        }
        return unitOf
    }
}
