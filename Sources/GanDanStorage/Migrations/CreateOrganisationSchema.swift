import FluentKit
import SQLKit

/// The organisation tree, members, memberships and posts (issue "Foundation"); dates are ISO text columns.
struct CreateOrganisationSchema: AsyncMigration {
    var name: String { "2026-11-25-create-organisation-schema" }

    func prepare(on database: any Database) async throws {
        // Sort keys are ASCII made to be compared byte by byte (VietnameseText.sortKey): PostgreSQL must not
        // apply a language collation to them; SQLite compares bytes already.
        let isPostgres = (database as? any SQLDatabase)?.dialect.name == "postgresql"
        let sortKey: DatabaseSchema.DataType = isPostgres ? .custom(SQLRaw("TEXT COLLATE \"C\"")) : .string
        try await database.schema(UnitRecord.schema)
            .id()
            .field("unit_id", .uuid, .required)
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("name_sort", sortKey, .required)
            .field("name_search", .string, .required)
            .field("parent_unit_id", .uuid)
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .field("distance_km", .double)
            .field("households", .int)
            .field("poor_households", .int)
            .field("poverty_standard", .string)
            .field("poverty_year", .int)
            .field("ethnic_minority", .bool, .required)
            .field("mountain", .bool, .required)
            .unique(on: "unit_id", "valid_from")
            .create()
        try await database.schema(OrganisationRecord.schema)
            .id()
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("name_sort", sortKey, .required)
            .field("name_search", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("parent_id", .uuid, .references(OrganisationRecord.schema, .id))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .unique(on: "code")
            .create()
        try await database.schema(CellRatingRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("year", .int, .required)
            .field("level", .string, .required)
            .field("weak", .bool, .required)
            .field("weak_reason", .string)
            .unique(on: "organisation_id", "year")
            .create()
        try await database.schema(MemberRecord.schema)
            .id()
            .field("full_name", .string, .required)
            .field("name_sort", sortKey, .required)
            .field("name_search", .string, .required)
            .field("birth_date", .string, .required)
            .field("sex", .string, .required)
            .field("ethnicity", .string, .required)
            .field("citizen_id", .string)
            .field("phone", .string)
            .field("residence_unit_id", .uuid)
            .field("education", .string)
            .field("card_number", .string)
            .field("admitted_on", .string, .required)
            .field("official_on", .string)
            .field("status", .string, .required)
            .field("status_since", .string)
            .unique(on: "citizen_id")
            .unique(on: "card_number")
            .create()
        try await database.schema(MembershipRecord.schema)
            .id()
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("kind", .string, .required)
            .field("transfer_kind", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .create()
        try await database.schema(PostRecord.schema)
            .id()
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("kind", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .create()

        guard let sql = database as? any SQLDatabase else { return }
        let indexes: [(String, String, [String])] = [
            ("units_unit_id", UnitRecord.schema, ["unit_id"]),
            ("units_parent", UnitRecord.schema, ["parent_unit_id", "valid_from"]),
            ("units_code", UnitRecord.schema, ["code"]),
            ("organisations_unit", OrganisationRecord.schema, ["unit_id"]),
            ("members_name_sort", MemberRecord.schema, ["name_sort"]),
            ("members_residence", MemberRecord.schema, ["residence_unit_id"]),
            ("memberships_member", MembershipRecord.schema, ["member_id"]),
            ("memberships_organisation", MembershipRecord.schema, ["organisation_id", "valid_from"]),
            ("posts_member", PostRecord.schema, ["member_id"]),
            ("posts_organisation", PostRecord.schema, ["organisation_id"]),
        ]
        for (name, table, columns) in indexes {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            PostRecord.schema, MembershipRecord.schema, MemberRecord.schema, CellRatingRecord.schema,
            OrganisationRecord.schema, UnitRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
