import FluentKit
import Foundation
import GanDanCore

/// Keeps a meeting's task rows in step with its minutes: tasks assigned there, reviews made there (rules.md A7).
struct TaskWriter {
    let db: any Database

    /// Updates tasks by their place in the list, adds new ones, removes dropped ones that nobody reviewed yet,
    /// and applies the reviews (undoing reviews a correction dropped).
    func sync(meeting: MeetingRecord, cellID: UUID, tasks: [MemberTaskDraft], reviews: [MemberTaskReview])
        async throws
    {
        let meetingID = try meeting.requireID()
        let existing = try await MemberTaskRecord.query(on: db).filter(\.$meetingID == meetingID).all()
        let byPosition = Dictionary(existing.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, draft) in tasks.enumerated() {
            let record = byPosition[position] ?? MemberTaskRecord()
            if let id = record.id, record.status != MemberTaskStatus.open.rawValue {
                // Reviewed at a later meeting: what was assigned is history and stays as it was.
                try await checkUnchanged(record, id: id, position: position, draft: draft)
                continue
            }
            try await save(draft, in: record, position: position, meetingID: meetingID, cellID: cellID)
        }
        for record in existing where record.position >= tasks.count {
            guard record.status == MemberTaskStatus.open.rawValue else {
                throw StorageError.conflict(
                    "task \(record.position + 1) (\(record.description)) was already reviewed at a later meeting; "
                        + "keep it in the minutes")
            }
            try await TaskAssigneeRecord.query(on: db).filter(\.$taskID == record.requireID()).delete()
            try await TaskHouseholdRecord.query(on: db).filter(\.$taskID == record.requireID()).delete()
            try await record.delete(on: db)
        }
        try await applyReviews(reviews, meetingID: meetingID)
    }

    /// A task reviewed at a later meeting may not change: its description, kind, due month and assignees stay.
    func checkUnchanged(_ record: MemberTaskRecord, id: UUID, position: Int, draft: MemberTaskDraft) async throws {
        let assignees = Set(
            try await TaskAssigneeRecord.query(on: db).filter(\.$taskID == id).all().map(\.memberID))
        let unchanged =
            record.description == draft.description.trimmingCharacters(in: .whitespacesAndNewlines)
            && record.kind == draft.kind.rawValue && record.dueMonth == draft.due.iso
            && assignees == Set(draft.assigneeIDs.compactMap(UUID.init(uuidString:)))
        guard unchanged else {
            throw StorageError.conflict(
                "task \(position + 1) (\(record.description)) was already reviewed at a later meeting; "
                    + "it stays as assigned")
        }
    }

    /// Writes an open (or new) task from its draft, with its assignees and households.
    func save(_ draft: MemberTaskDraft, in record: MemberTaskRecord, position: Int, meetingID: UUID, cellID: UUID)
        async throws
    {
        if record.id == nil {
            record.id = UUID()
            record.organisationID = cellID
            record.meetingID = meetingID
            record.position = position
            record.status = MemberTaskStatus.open.rawValue
        }
        record.kind = draft.kind.rawValue
        record.description = draft.description.trimmingCharacters(in: .whitespacesAndNewlines)
        record.dueMonth = draft.due.iso
        record.criterionSet = draft.kind == .ruralCriterion ? draft.criterionSetID : nil
        record.criterionNumber = draft.kind == .ruralCriterion ? draft.criterionNumber : nil
        if draft.kind == .persuasion, let persuasion = draft.persuasion {
            record.householdsTarget = persuasion.householdsTarget
            if record.status == MemberTaskStatus.open.rawValue {
                record.householdsPersuaded = persuasion.householdsPersuaded
                record.areaPlanted = persuasion.areaPlantedHectares
            }
        }
        try await record.save(on: db)
        let taskID = try record.requireID()
        try await TaskAssigneeRecord.query(on: db).filter(\.$taskID == taskID).delete()
        try await TaskHouseholdRecord.query(on: db).filter(\.$taskID == taskID).delete()
        for assignee in Set(draft.assigneeIDs.compactMap(UUID.init(uuidString:))) {
            let row = TaskAssigneeRecord()
            row.taskID = taskID
            row.memberID = assignee
            try await row.create(on: db)
        }
        for household in Set(draft.householdIDs.compactMap(UUID.init(uuidString:))) {
            let row = TaskHouseholdRecord()
            row.taskID = taskID
            row.householdID = household
            try await row.create(on: db)
        }
    }

    /// Applies the reviews made at the meeting, reopening the tasks a correction no longer reviews.
    func applyReviews(_ reviews: [MemberTaskReview], meetingID: UUID) async throws {
        let reviewedHere = try await MemberTaskRecord.query(on: db).filter(\.$reviewedMeetingID == meetingID).all()
        let kept = Set(reviews.compactMap { UUID(uuidString: $0.taskID) })
        for record in reviewedHere where !kept.contains(try record.requireID()) {
            record.status = MemberTaskStatus.open.rawValue
            record.outcome = nil
            record.reviewedMeetingID = nil
            try await record.update(on: db)
        }
        for review in reviews {
            guard let id = UUID(uuidString: review.taskID), let record = try await MemberTaskRecord.find(id, on: db)
            else { continue }
            record.status = review.status.rawValue
            record.outcome = review.outcome.trimmingCharacters(in: .whitespacesAndNewlines)
            record.reviewedMeetingID = meetingID
            if let persuasion = review.persuasion {
                record.householdsPersuaded = persuasion.householdsPersuaded
                record.areaPlanted = persuasion.areaPlantedHectares
            }
            try await record.update(on: db)
        }
    }
}
