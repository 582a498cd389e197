import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// A meeting held in the dashboard's month that broke a rule it was recorded under: too short or late notice
/// (rules.md R8, R11). The meeting stands; the dashboard lists it, each a link.
public struct FlaggedMeeting: Codable, Sendable, Hashable {
    public var meetingID: UUID
    public var cellID: UUID
    public var cellName: String
    public var date: CivilDate
    public var breaches: [MeetingBreach]
}

extension CommuneDashboard {
    /// The cells' meetings held in the day's month up to the day whose minutes in force record a short meeting or
    /// late notice (rules.md R8, R11), by date then cell: one query, the minutes judged by the Core rule.
    func flaggedMeetings(_ cells: [OrganisationRecord], on date: CivilDate) async throws -> [FlaggedMeeting] {
        guard !cells.isEmpty, let first = CivilDate(year: date.year, month: date.month, day: 1) else { return [] }
        let names = try Dictionary(cells.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        let sql = try db.sqlDatabase()
        var result: [FlaggedMeeting] = []
        for chunk in Array(names.keys).chunked(10_000) {
            let ids: [any Encodable & Sendable] = chunk
            let query: SQLQueryString = """
                SELECT m.id AS id, m.organisation_id AS cell, m.date AS date, m.notice_sent_on AS notice, \
                v.body AS body FROM meetings m \
                JOIN meeting_minutes v ON v.meeting_id = m.id AND v.version = m.current_version \
                WHERE m.organisation_id IN (\(binds: ids)) AND m.status = \(bind: MeetingStatus.held.rawValue) \
                AND m.date >= \(bind: first.iso) AND m.date <= \(bind: date.iso)
                """
            for row in try await sql.raw(query).all() {
                let cell = try row.decode(column: "cell", as: UUID.self)
                let text = try row.decode(column: "body", as: String.self)
                guard let body = try? JSONDecoder().decode(MinutesTiming.self, from: Data(text.utf8)) else {
                    throw StorageError.corrupt(table: MinutesVersionRecord.schema, column: "body", value: "")
                }
                let minutes = body.minutes
                let breaches = MeetingBreach.of(
                    MeetingBreach.Timing(
                        date: minutes.date, kind: minutes.kind, startTime: minutes.startTime, endTime: minutes.endTime,
                        noticeSentOn: try row.decode(column: "notice", as: String?.self).flatMap(CivilDate.init),
                        cellFullMembers: minutes.roll.full + minutes.roll.exempt), settings: meetingSettings
                ).filter(\.isReported)
                guard !breaches.isEmpty else { continue }
                result.append(
                    FlaggedMeeting(
                        meetingID: try row.decode(column: "id", as: UUID.self), cellID: cell,
                        cellName: names[cell] ?? "", date: minutes.date, breaches: breaches))
            }
        }
        return result.sorted {
            ($0.date, $0.cellName, $0.meetingID.uuidString) < ($1.date, $1.cellName, $1.meetingID.uuidString)
        }
    }
}

/// The part of stored minutes their breaches are judged by: decoding whole minutes (attendance, tasks, votes) for
/// every meeting of the month was a twelfth of the commune dashboard's time (bench/README.md).
private struct MinutesTiming: Decodable {
    struct Minutes: Decodable {
        var date: CivilDate
        var kind: MeetingKind
        var startTime: TimeOfDay
        var endTime: TimeOfDay
        var roll: MeetingRoll
    }

    var minutes: Minutes
}
