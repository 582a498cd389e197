import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// What the conflict page shows when minutes sent late (typed offline, another device) meet minutes saved meanwhile
/// (issue 20): who saved the stored version and when, and its main parts beside what she typed, which stays in the
/// form below it to keep (as a correction) or to leave for the stored one.
struct MinutesConflictView: Encodable {
    struct Row: Encodable {
        var label: String
        var stored: String
        var typed: String
    }

    var savedAt: String
    var savedBy: String
    var rows: [Row]

    init?(_ detail: MeetingDetail, typed form: MinutesForm, _ req: Request) {
        guard let stored = detail.body?.minutes, let version = detail.versions.max(by: { $0.version < $1.version })
        else { return nil }
        savedAt = VietnamTime.text(version.recordedAt)
        savedBy = version.recordedBy
        let word = { (key: String) in Labels.text(key, req) }
        let typedTime = "\(form.start ?? "") – \(form.end ?? "")"
        rows = [
            Row(label: word("time"), stored: "\(stored.startTime) – \(stored.endTime)", typed: typedTime),
            Row(label: word("monthEvaluation"), stored: stored.monthEvaluation, typed: form.evaluation ?? ""),
            Row(label: word("nextMonthDirection"), stored: stored.nextMonthDirection, typed: form.direction ?? ""),
            Row(label: word("discussion"), stored: stored.discussion, typed: form.discussion ?? ""),
            Row(label: word("conclusion"), stored: stored.conclusion, typed: form.conclusion ?? ""),
        ].filter { !$0.stored.isEmpty || !$0.typed.isEmpty }
    }
}
