import FluentKit
import SQLKit

/// Users, their roles, API tokens and the audit trail (issue "Accounts").
struct CreateAccessSchema: AsyncMigration {
    var name: String { "2026-11-25-create-access-schema" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("disabled", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "username")
            .create()
        try await database.schema(RoleRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id))
            .field("role", .string, .required)
            .field("unit_id", .uuid)
            .field("organisation_id", .uuid, .references(OrganisationRecord.schema, .id))
            .create()
        try await database.schema(APITokenRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(AuditEntryRecord.schema)
            .id()
            .field("seq", .int, .required)
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("before", .string)
            .field("after", .string)
            .field("request_id", .string)
            .field("unit_id", .uuid)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "roles_user").on(RoleRecord.schema).column("user_id").run()
            try await sql.create(index: "audit_unit").on(AuditEntryRecord.schema).column("unit_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [AuditEntryRecord.schema, APITokenRecord.schema, RoleRecord.schema, UserRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
