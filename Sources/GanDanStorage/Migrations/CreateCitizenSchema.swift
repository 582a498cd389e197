import FluentKit
import SQLKit

/// Citizen feedback, supervision of placed leaders, candidates and member ratings (issue "Citizens…").
struct CreateCitizenSchema: AsyncMigration {
    var name: String { "2026-11-25-create-citizen-schema" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("unit_id", .uuid, .required)
            .field("body", .string, .required)
            .field("topic", .string, .required)
            .field("stage", .string, .required)
            .field("received_on", .string, .required)
            .field("due_on", .string)
            .field("reported_meeting_id", .uuid)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(SupervisionRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("year", .int, .required)
            .field("body", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CandidateRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("full_name", .string, .required)
            .field("name_sort", .string, .required)
            .field("candidate", .string, .required)
            .field("pipeline", .string, .required)
            .field("mentor_id", .uuid)
            .field("next_due", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(MemberRatingRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("period", .string, .required)
            .field("score", .double)
            .field("level", .string)
            .field("not_rated_reason", .string)
            .field("rated_by", .string, .required)
            .field("rated_at", .datetime, .required)
            .unique(on: "organisation_id", "member_id", "period")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (table, column) in [
            (FeedbackRecord.schema, "organisation_id"), (FeedbackRecord.schema, "unit_id"),
            (SupervisionRecord.schema, "organisation_id"), (CandidateRecord.schema, "organisation_id"),
        ] {
            try await sql.create(index: "\(table)_\(column)_idx").on(table).column(column).run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            MemberRatingRecord.schema, CandidateRecord.schema, SupervisionRecord.schema, FeedbackRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
