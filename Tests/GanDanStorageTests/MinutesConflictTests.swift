import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

/// Minutes typed on a form opened earlier (offline, on another device) and sent late never overwrite minutes saved
/// meanwhile without asking (issue 20).
@Suite("Minutes sent late meet minutes saved meanwhile")
struct MinutesConflictTests {
    @Test(
        "minutes based on an older version are refused as changed meanwhile and nothing is written",
        arguments: TestDatabase.all)
    func staleVersionRefused(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await MeetingTests.loadCell(db)
            let meetings = CellMeetings(db: db, scope: .everything)
            let id = try await MeetingTests.plan(meetings, cell, "2019-06-05")
            // Two forms opened on the empty minutes (version 0): the planner's device saves first.
            try await meetings.recordMinutes(
                id, MeetingTests.entry(cell, conclusion: "Bản máy kia"), basedOn: 0, actor: Actor(name: "planner"))
            let audited = try await AuditEntryRecord.query(on: db).count()
            let tasks = try await MemberTaskRecord.query(on: db).count()
            // The secretary's form, typed offline on version 0, arrives later — even with a reason for a correction.
            await #expect(throws: MinutesChangedMeanwhile(meetingID: id, storedVersion: 1)) {
                try await meetings.recordMinutes(
                    id,
                    MeetingTests.entry(
                        cell, absent: ["Ma Văn Bình": .unexcused], conclusion: "Bản ngoại tuyến", reason: "Sửa"),
                    basedOn: 0, actor: Actor(name: "secretary"))
            }
            let detail = try #require(try await meetings.detail(id))
            #expect(detail.meeting.version == 1)
            #expect(detail.body?.minutes.conclusion == "Bản máy kia")
            #expect(try await MinutesVersionRecord.query(on: db).filter(\.$meetingID == id).count() == 1)
            #expect(try await AttendanceRecordRow.query(on: db).filter(\.$status == "unexcused").count() == 0)
            #expect(try await AuditEntryRecord.query(on: db).count() == audited)
            #expect(try await MemberTaskRecord.query(on: db).count() == tasks)
            // Kept after seeing the stored version: based on it, the correction is saved.
            try await meetings.recordMinutes(
                id, MeetingTests.entry(cell, conclusion: "Bản ngoại tuyến", reason: "Giữ bản ghi tại buổi họp"),
                basedOn: 1, actor: Actor(name: "secretary"))
            #expect(try await meetings.detail(id)?.body?.minutes.conclusion == "Bản ngoại tuyến")
        }
    }
}
