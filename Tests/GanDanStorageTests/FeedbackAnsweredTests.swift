import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import SQLKit
import Testing

@testable import GanDanStorage

/// The day each item was answered is kept beside its body, so lists as of a day find the items still open on it in SQL
/// (rules.md A8, R26).
@Suite("An item answered after a day was still open, and perhaps overdue, on that day (rules.md A8, R26)")
struct FeedbackAnsweredTests {
    /// Received on 6 January 2020, forwarded the next day, answered on 1 April: overdue for its answer by March.
    static func answeredInApril(_ db: any Database) async throws -> (cell: UUID, item: UUID) {
        let (cell, _) = try await CitizenTests.load(db)
        let book = FeedbackBook(db: db, scope: .everything)
        let item = try await book.record(
            cellID: cell,
            CitizenFeedback(
                receivedOn: Fixtures.date("2020-01-06"), receivedBy: "Hoàng Văn Hoan", topic: .infrastructure,
                summary: "Đường vào bản sạt lở"), actor: .system)
        _ = try await book.apply(
            .forward(on: Fixtures.date("2020-01-07"), to: .communePeoplesCommittee, detail: nil), to: item.id,
            actor: .system)
        _ = try await book.apply(
            .answer(on: Fixtures.date("2020-04-01"), text: "Xã đã bố trí kinh phí sửa đường"), to: item.id,
            actor: .system)
        return (cell, item.id)
    }

    @Test("an answer given later leaves the item open and overdue on the days before it", arguments: TestDatabase.all)
    func answeredLater(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, item) = try await Self.answeredInApril(db)
            let book = FeedbackBook(db: db, scope: .everything)
            let march = Fixtures.date("2020-03-20")
            #expect(try await book.list(cells: [cell], on: march, openOnly: true).map(\.id) == [item])
            #expect(try await book.list(cells: [cell], on: march, overdueOnly: true).map(\.id) == [item])
            let todo = try await ToDoLists(db: db, scope: .everything).cells([cell], on: march)
            #expect(todo.cells.first?.feedbackOverdue == 1)
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001.01", on: march))
            let counted = try await book.counts(villages: [village.id], on: march)
            #expect(counted.map { [$0.total, $0.open, $0.overdue] } == [[1, 1, 1]])

            let april = Fixtures.date("2020-04-01")
            #expect(try await book.list(cells: [cell], on: april, openOnly: true).isEmpty)
            #expect(try await book.list(cells: [cell], on: april, overdueOnly: true).isEmpty)
            #expect(try await book.list(cells: [cell], on: april).map(\.stage) == [.answered])
            let answered = try await book.counts(villages: [village.id], on: april)
            #expect(answered.map { [$0.total, $0.open, $0.overdue] } == [[1, 0, 0]])
            #expect(
                try await ToDoLists(db: db, scope: .everything).cells([cell], on: april).cells.first?.feedbackOverdue
                    == 0)
        }
    }

    @Test("upgrading copies the day each stored item was answered out of the item", arguments: TestDatabase.all)
    func backfill(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, answered) = try await Self.answeredInApril(db)
            let waiting = try await FeedbackBook(db: db, scope: .everything).record(
                cellID: cell,
                CitizenFeedback(
                    receivedOn: Fixtures.date("2020-02-03"), receivedBy: "Hoàng Văn Hoan", topic: .production,
                    summary: "Thiếu giống lúa"), actor: .system)
            func column() async throws -> [UUID: String?] {
                let rows = try await FeedbackRecord.query(on: db).all()
                return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID(), $0.answeredOn) })
            }
            let written = try await column()
            #expect(written == [answered: "2020-04-01", waiting.id: nil])
            let sql = try #require(db as? any SQLDatabase)
            // A database from before the column: every item without its day.
            try await sql.raw("UPDATE citizen_feedback SET answered_on = NULL").run()
            #expect(try await column().values.allSatisfy { $0 == nil })
            try await AddFeedbackAnsweredOn.backfill(sql)
            #expect(try await column() == written)
        }
    }
}
