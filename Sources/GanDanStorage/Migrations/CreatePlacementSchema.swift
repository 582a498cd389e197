import FluentKit
import SQLKit

/// Directives, dissolutions and placement plans (issue "Dissolution plan and explainable placement optimiser").
struct CreatePlacementSchema: AsyncMigration {
    var name: String { "2026-11-25-create-placement-schema" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DirectiveRecord.schema)
            .id()
            .field("title", .string, .required)
            .field("legal_basis", .string, .required)
            .field("deadline", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(DissolutionRecord.schema)
            .id()
            .field("directive_id", .uuid, .required, .references(DirectiveRecord.schema, .id))
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("status", .string, .required)
            .field("planned_on", .string, .required)
            .field("placed_on", .string)
            .field("dissolved_on", .string)
            .unique(on: "organisation_id")
            .create()
        try await database.schema(PlacementPlanRecord.schema)
            .id()
            .field("unit_id", .uuid, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("settings", .string, .required)
            .field("proposal", .string, .required)
            .field("total", .double, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("approved_by", .string)
            .field("decision_date", .string)
            .field("corrects_id", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [PlacementPlanRecord.schema, DissolutionRecord.schema, DirectiveRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
