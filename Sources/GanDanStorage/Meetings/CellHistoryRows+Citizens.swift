import FluentKit
import Foundation
import GanDanCore

/// Feedback, supervision comments, candidates and ratings of a cell history, linked to the meetings written.
extension CellHistoryRows {
    /// Citizens' feedback, each linked to the meeting of its cell on the day it was told back (rules.md A8).
    func storeFeedback(_ history: [HistoryFeedback]) async throws {
        var ids: Set<UUID> = []
        for item in history { if let id = UUID(uuidString: item.feedback.receivedBy) { ids.insert(id) } }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(Array(ids))
        var meetingOn: [String: UUID] = [:]
        for meeting in try await MeetingRecord.query(on: db).field(\.$id).field(\.$organisationID).field(\.$date).all()
        {
            meetingOn["\(meeting.organisationID.uuidString)|\(meeting.date)"] = meeting.id
        }
        var feedback = BulkRows(
            FeedbackRecord.schema,
            [
                "id", "organisation_id", "unit_id", "body", "topic", "stage", "received_on", "due_on", "answered_on",
                "reported_meeting_id", "created_by", "created_at",
            ])
        for item in history {
            guard let cellID = UUID(uuidString: item.cellID), let unitID = unitOf[item.cellID] else { continue }
            var value = item.feedback
            if let id = UUID(uuidString: value.receivedBy) { value.receivedBy = names[id] ?? value.receivedBy }
            let meeting = value.reportedBackOn.flatMap { meetingOn["\(cellID.uuidString)|\($0.iso)"] }
            feedback.append([
                UUID(), cellID, unitID, String(decoding: try encoder.encode(value), as: UTF8.self),
                value.topic.rawValue,
                value.stage.rawValue, value.receivedOn.iso, value.dueDate()?.iso, value.answeredOn?.iso, meeting,
                actor.name, now,
            ])
        }
        try await feedback.insert(on: db)
    }

    /// The cells' yearly comments on the leaders placed in them (rules.md A8).
    func storeSupervisions(_ history: [HistorySupervision]) async throws {
        var supervisions = BulkRows(
            SupervisionRecord.schema,
            ["id", "organisation_id", "member_id", "year", "body", "created_by", "created_at"])
        for item in history {
            guard let cellID = UUID(uuidString: item.cellID), let leader = UUID(uuidString: item.leaderID) else {
                continue
            }
            supervisions.append([
                UUID(), cellID, leader, LeaderSupervisions.year(of: item.supervision),
                String(decoding: try encoder.encode(item.supervision), as: UTF8.self), actor.name, now,
            ])
        }
        try await supervisions.insert(on: db)
    }

    /// Candidates for admission with the steps taken so far (rules.md R21–R23).
    func storeCandidates(_ history: [HistoryCandidate]) async throws {
        var candidates = BulkRows(
            CandidateRecord.schema,
            [
                "id", "organisation_id", "full_name", "name_sort", "candidate", "pipeline", "mentor_id", "next_due",
                "created_by", "created_at",
            ])
        for item in history {
            guard let cellID = UUID(uuidString: item.cellID) else { continue }
            // The education exception follows the village profile (rules.md R21).
            let stored = StoredCandidate(
                fullName: item.fullName, candidate: item.candidate, hasIntroduction: true,
                area: StoredArea(villageID: nil, override: nil))
            let due = item.pipeline.status(on: item.pipeline.listedOn ?? CivilDate.today()).map(\.due).min()
            candidates.append([
                UUID(), cellID, item.fullName, VietnameseText.personNameSortKey(item.fullName),
                String(decoding: try encoder.encode(stored), as: UTF8.self),
                String(decoding: try encoder.encode(item.pipeline), as: UTF8.self),
                item.mentorID.flatMap(UUID.init(uuidString:)), due?.iso, actor.name, now,
            ])
        }
        try await candidates.insert(on: db)
    }

    /// Members' yearly scores, and the cells' own levels except for years a cell already has one (rules.md R18).
    func storeRatings(_ history: [HistoryRating], cellRatings levels: [(cellID: String, rating: CellRating)])
        async throws
    {
        var ratings = BulkRows(
            MemberRatingRecord.schema,
            ["id", "organisation_id", "member_id", "period", "score", "level", "rated_by", "rated_at"])
        for item in history {
            guard let cellID = UUID(uuidString: item.cellID), let member = UUID(uuidString: item.memberID) else {
                continue
            }
            ratings.append([
                UUID(), cellID, member, String(item.year), item.score, RatingLevel.forScore(item.score).rawValue,
                actor.name, now,
            ])
        }
        try await ratings.insert(on: db)
        var cellRatings = BulkRows(
            CellRatingRecord.schema, ["id", "organisation_id", "year", "level", "weak", "weak_reason"])
        let existing = Set(
            try await CellRatingRecord.query(on: db).all().map { "\($0.organisationID.uuidString)|\($0.year)" })
        for (cell, rating) in levels {
            guard let cellID = UUID(uuidString: cell), !existing.contains("\(cellID.uuidString)|\(rating.year)") else {
                continue
            }
            cellRatings.append([UUID(), cellID, rating.year, rating.level.rawValue, rating.weak, rating.weakReason])
        }
        try await cellRatings.insert(on: db)
    }
}
