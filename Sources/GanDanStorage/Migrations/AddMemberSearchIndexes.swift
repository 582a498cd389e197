import FluentKit
import SQLKit

/// Indexes for finding members by name at national scale (issue 22, docs/scale.md):
/// - `members_name_search_birth` (both databases): an import looks up the stored members sharing a row's folded name
///   and birth date (the duplicate check's key), one index probe each, instead of reading the whole register;
/// - `members_name_search_trgm` (PostgreSQL only): a `pg_trgm` GIN index on the folded name, which serves the member
///   search's `LIKE '%word%'` for any part of a name ("nguyen van an", "duong", "hoa"). A prefix (B-tree) index
///   serves only the start of the whole name; people search by a given name as often as by a family name.
///   `pg_trgm` ships with PostgreSQL and is a trusted extension: a database owner may create it. SQLite keeps its
///   scan, which serves a commune or a district in milliseconds.
struct AddMemberSearchIndexes: AsyncMigration {
    var name: String { "2027-03-01-add-member-search-indexes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "members_name_search_birth").on(MemberRecord.schema)
            .column("name_search").column("birth_date").run()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
        try await sql.raw(
            "CREATE INDEX members_name_search_trgm ON \(ident: MemberRecord.schema) USING gin (name_search gin_trgm_ops)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" { try await sql.drop(index: "members_name_search_trgm").run() }
        try await sql.drop(index: "members_name_search_birth").run()
    }
}
