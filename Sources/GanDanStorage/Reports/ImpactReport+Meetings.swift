import FluentKit
import Foundation
import GanDanCore
import SQLKit

extension ImpactReports {
    /// Meetings held in the period, from their current minutes, and the tasks assigned at them (done when reviewed as
    /// done at a meeting inside the period; a later review is not this period's): two queries per 500
    /// cells that read only the columns the figures need. (Loading whole meeting and minutes records and decoding
    /// whole minutes made a district's report take longer than the GET fuzzer's 10 s in a debug build, issue 21.)
    func addMeetingFigures(
        of cellIDs: [UUID], from: CivilDate, until: CivilDate, to result: inout [UUID: PeriodFigures]
    ) async throws {
        let sql = try db.sqlDatabase()
        let decoder = JSONDecoder()
        for chunk in cellIDs.chunked(500) {
            let ids: [any Encodable & Sendable] = chunk
            let held: SQLQueryString = """
                m.organisation_id IN (\(binds: ids)) AND m.date >= \(bind: from.iso) AND m.date < \(bind: until.iso) \
                AND m.status = \(bind: MeetingStatus.held.rawValue)
                """
            let minutes: SQLQueryString = """
                SELECT m.organisation_id AS cell, m.scheduled_start AS scheduled, v.duration_minutes AS duration, \
                v.expected AS expected, v.present AS present, v.quality AS quality, v.body AS body \
                FROM meetings m JOIN meeting_minutes v ON v.meeting_id = m.id AND v.version = m.current_version \
                WHERE \(held) ORDER BY m.date, m.scheduled_start
                """
            // In date order, so a cell's quality adds up to the same total on every engine and load (rules.md R26).
            for row in try await sql.raw(minutes).all() {
                let cell = try row.decode(column: "cell", as: UUID.self)
                var figures = result[cell] ?? PeriodFigures(from: from, until: until)
                figures.meetings += 1
                figures.durationMinutes += try row.decode(column: "duration", as: Int.self)
                figures.expected += try row.decode(column: "expected", as: Int.self)
                figures.present += try row.decode(column: "present", as: Int.self)
                figures.qualityTotal += PeriodFigures.exact(try row.decode(column: "quality", as: Double.self))
                let body = try row.decode(column: "body", as: String.self)
                if let read = try? decoder.decode(MinutesFigures.self, from: Data(body.utf8)).minutes {
                    let scheduled = TimeOfDay(try row.decode(column: "scheduled", as: String.self))
                    if let scheduled, read.startTime <= scheduled { figures.onTime += 1 }
                    if MeetingMinutes.noticeWarning(date: read.date, noticeSentOn: read.noticeSentOn) == nil {
                        figures.noticeInTime += 1
                    }
                    figures.agendaItems += read.agenda.count
                }
                result[cell] = figures
            }
            let tasks: SQLQueryString = """
                SELECT t.organisation_id AS cell, COUNT(*) AS assigned, \
                SUM(CASE WHEN t.status = \(bind: MemberTaskStatus.done.rawValue) AND r.date < \(bind: until.iso) \
                THEN 1 ELSE 0 END) AS done \
                FROM member_tasks t JOIN meetings m ON m.id = t.meeting_id \
                LEFT JOIN meetings r ON r.id = t.reviewed_meeting_id WHERE \(held) GROUP BY t.organisation_id
                """
            for row in try await sql.raw(tasks).all() {
                let cell = try row.decode(column: "cell", as: UUID.self)
                result[cell]?.tasksAssigned += try row.decode(column: "assigned", as: Int.self)
                result[cell]?.tasksDone += try row.decode(column: "done", as: Int?.self) ?? 0
            }
        }
    }
}

/// The parts of stored minutes (`MinutesBody`) the impact figures read.
private struct MinutesFigures: Decodable {
    struct Minutes: Decodable {
        var date: CivilDate
        var startTime: TimeOfDay
        var noticeSentOn: CivilDate?
        var agenda: [Skipped]
    }

    /// An element whose content does not matter, only that it is there.
    struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    var minutes: Minutes
}
