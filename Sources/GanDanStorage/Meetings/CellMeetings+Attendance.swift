import FluentKit
import Foundation
import GanDanCore

extension CellMeetings {
    /// Replaces a meeting's attendance rows with the marks of its minutes; members there temporarily keep no row
    /// (they take part without a vote, rules.md R13).
    static func replaceAttendance(
        _ minutes: MeetingMinutes, meetingID: UUID, meeting: MeetingRecord, cell: OrganisationRecord,
        on db: any Database
    ) async throws {
        try await AttendanceRecordRow.query(on: db).filter(\.$meetingID == meetingID).delete()
        for line in minutes.attendance where !line.temporary {
            let attendance = AttendanceRecordRow()
            attendance.meetingID = meetingID
            attendance.organisationID = try cell.requireID()
            attendance.memberID = UUID(uuidString: line.memberID)!
            attendance.date = meeting.date
            attendance.standing = line.standing.rawValue
            switch line.status {
            case .present: attendance.status = AttendanceMark.present.rawValue
            case .absentExcused(let reason):
                attendance.status = AttendanceMark.excused.rawValue
                attendance.reason = reason
            case .absentUnexcused: attendance.status = AttendanceMark.unexcused.rawValue
            }
            try await attendance.create(on: db)
        }
    }
}
