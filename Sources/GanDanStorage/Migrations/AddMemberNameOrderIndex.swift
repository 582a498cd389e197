import FluentKit
import SQLKit

/// `members_name_order` on (name_sort, birth_date, id), both databases: the member export reads the roll a page at
/// a time in this order, each page starting where the last ended (issue 22). Without it every page sorted the whole
/// register: a national export would sort 5.5 million rows 2,750 times.
struct AddMemberNameOrderIndex: AsyncMigration {
    var name: String { "2027-03-02-add-member-name-order-index" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "members_name_order").on(MemberRecord.schema)
            .column("name_sort").column("birth_date").column("id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "members_name_order").run()
    }
}
