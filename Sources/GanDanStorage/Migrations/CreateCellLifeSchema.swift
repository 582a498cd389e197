import FluentKit
import SQLKit

/// Meetings, minutes, attendance, tasks, households and criteria (issue "Village-cell life").
struct CreateCellLifeSchema: AsyncMigration {
    var name: String { "2026-11-25-create-cell-life-schema" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("date", .string, .required)
            .field("scheduled_start", .string, .required)
            .field("topic", .string)
            .field("notice_sent_on", .string)
            .field("notified_committee_member", .string)
            .field("documents", .string)
            .field("current_version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(MinutesVersionRecord.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, .id))
            .field("version", .int, .required)
            .field("body", .string, .required)
            .field("correction_reason", .string)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("duration_minutes", .int, .required)
            .field("expected", .int, .required)
            .field("present", .int, .required)
            .field("quality", .double, .required)
            .unique(on: "meeting_id", "version")
            .create()
        try await database.schema(AttendanceRecordRow.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, .id))
            .field("organisation_id", .uuid, .required)
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("date", .string, .required)
            .field("standing", .string, .required)
            .field("status", .string, .required)
            .field("reason", .string)
            .unique(on: "meeting_id", "member_id")
            .create()
        try await database.schema(HouseholdRecord.schema)
            .id()
            .field("unit_id", .uuid, .required)
            .field("head_name", .string, .required)
            .field("name_sort", .string, .required)
            .field("name_search", .string, .required)
            .field("size", .int)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(HouseholdStatusRecord.schema)
            .id()
            .field("household_id", .uuid, .required, .references(HouseholdRecord.schema, .id))
            .field("year", .int, .required)
            .field("standard_id", .string, .required)
            .field("status", .string, .required)
            .unique(on: "household_id", "year")
            .create()
        try await database.schema(MemberTaskRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, .id))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("due_month", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("reviewed_meeting_id", .uuid)
            .field("criterion_set", .string)
            .field("criterion_number", .int)
            .field("households_target", .int)
            .field("households_persuaded", .int)
            .field("area_planted", .double)
            .unique(on: "meeting_id", "position")
            .create()
        try await database.schema(TaskAssigneeRecord.schema)
            .id()
            .field("task_id", .uuid, .required, .references(MemberTaskRecord.schema, .id))
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .unique(on: "task_id", "member_id")
            .create()
        try await database.schema(TaskHouseholdRecord.schema)
            .id()
            .field("task_id", .uuid, .required, .references(MemberTaskRecord.schema, .id))
            .field("household_id", .uuid, .required, .references(HouseholdRecord.schema, .id))
            .unique(on: "task_id", "household_id")
            .create()
        try await database.schema(ThematicTopicRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("year", .int, .required)
            .field("month", .string, .required)
            .field("title", .string, .required)
            .create()
        try await database.schema(VillageCriterionRecord.schema)
            .id()
            .field("unit_id", .uuid, .required)
            .field("year", .int, .required)
            .field("set_id", .string, .required)
            .field("number", .int, .required)
            .field("met", .bool, .required)
            .field("note", .string)
            .unique(on: "unit_id", "year", "set_id", "number")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (table, columns) in [
            ("meetings", ["organisation_id", "date"]), ("meeting_attendance", ["organisation_id", "date"]),
            ("meeting_attendance", ["member_id"]), ("member_tasks", ["organisation_id", "status"]),
            ("households", ["unit_id"]), ("thematic_topics", ["organisation_id", "year"]),
        ] {
            var builder = sql.create(index: "\(table)_\(columns.joined(separator: "_"))_idx").on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            VillageCriterionRecord.schema, ThematicTopicRecord.schema, TaskHouseholdRecord.schema,
            TaskAssigneeRecord.schema, MemberTaskRecord.schema, HouseholdStatusRecord.schema, HouseholdRecord.schema,
            AttendanceRecordRow.schema, MinutesVersionRecord.schema, MeetingRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
