import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The minutes form in six parts, each with its own Save (issue 20 item 5).
///
/// The whole form stays one `<form>`: Save in any part sends everything, with or without script, so nothing typed in
/// another part is lost. Minutes with no conclusion yet are kept on the server as the meeting's unfinished draft (not
/// minutes: no version, the meeting stays planned) and the form opens on it again; Save with a conclusion records the
/// minutes as before and drops the draft.
extension MinutesFormView {
    struct Section: Encodable {
        var anchor: String
        var title: String
    }

    struct DraftLine: Encodable {
        var savedAt: String
        var savedBy: String
    }

    /// The parts in the order a meeting runs: the anchor a Save comes back to, and the label of its heading.
    static let sectionKeys: [(name: String, label: String)] = [
        ("attendance", "sectionAttendance"), ("review", "sectionReview"), ("policy", "sectionPolicy"),
        ("evaluation", "sectionEvaluation"), ("tasks", "sectionTasks"), ("vote", "sectionVote"),
    ]

    static func sections(_ req: Request) -> [Section] {
        sectionKeys.map { Section(anchor: "#s-\($0.name)", title: Labels.text($0.label, req)) }
    }

    /// The form's address after a draft is kept: back at the part whose Save was pressed, saying it was saved.
    static func draftSavedAddress(_ meetingID: UUID, section: String?) -> String {
        let anchor = sectionKeys.first { $0.name == section }.map { "#s-\($0.name)" } ?? ""
        return "/meetings/\(meetingID)/minutes?saved=1\(anchor)"
    }

    /// Where the form's values come from: what was posted, the minutes in force, the unfinished draft, or nothing
    /// typed yet (`fresh`: then last month's agenda and the votes are suggested).
    struct Source {
        var form: MinutesForm
        var draft: MinutesDraft?
        var fresh: Bool
        /// Whether the attendance marks were given (posted or kept): a new form marks everyone present.
        var marked: Bool
    }

    static func source(_ req: Request, _ detail: MeetingDetail, posted: MinutesForm?) async throws -> Source {
        if let posted { return Source(form: posted, draft: nil, fresh: false, marked: true) }
        if let body = detail.body { return Source(form: MinutesForm(body), draft: nil, fresh: false, marked: true) }
        guard detail.meeting.version == 0, let draft = try await req.meetings().minutesDraft(detail.meeting.id),
            let form = try? JSONDecoder().decode(MinutesForm.self, from: Data(draft.fields.utf8))
        else { return Source(form: MinutesForm(), draft: nil, fresh: true, marked: false) }
        return Source(form: form, draft: draft, fresh: false, marked: true)
    }

    /// The form as kept in a draft: every field as typed, checked only when the minutes are recorded.
    static func draftFields(_ form: MinutesForm) throws -> String {
        var kept = form
        kept.section = nil
        return String(decoding: try JSONEncoder().encode(kept), as: UTF8.self)
    }

    /// What a form nothing was typed in yet offers: the standing agenda of the holder's last recorded minutes (marked
    /// with their date), and as many votes in favour as members marked present.
    struct Suggestions {
        var agenda: String?
        var agendaFrom: String?
        var votesFor: String?
    }

    static func suggestions(
        _ req: Request, _ meeting: MeetingSummary, fresh: Bool, votesUntouched: Bool, present: Int
    ) async throws -> Suggestions {
        var suggestions = Suggestions(votesFor: fresh || votesUntouched ? String(present) : nil)
        guard fresh else { return suggestions }
        if let last = try await lastAgenda(req, meeting) {
            let topic = (meeting.topic ?? "").isEmpty ? [] : [meeting.topic ?? ""]
            suggestions.agenda = (topic + last.lines.filter { !topic.contains($0) }).joined(separator: "\n")
            suggestions.agendaFrom = last.date.vietnamese
        }
        return suggestions
    }

    /// How many members with a vote are marked present: full members on the official roll (rules.md R4, R13);
    /// `markedAll` on a new form, where everyone starts present.
    static func presentVoters(_ roster: [RosterEntry], marks: [String: String], markedAll: Bool) -> Int {
        roster.filter {
            $0.membership == .official && $0.member.standing?.countsAsFull == true
                && (markedAll || marks[$0.member.id.uuidString] == AttendanceMark.present.rawValue)
        }.count
    }

    /// The agenda of the last minutes the same body recorded before this meeting, within a year.
    static func lastAgenda(_ req: Request, _ meeting: MeetingSummary) async throws -> (
        lines: [String], date: CivilDate
    )? {
        let meetings = try await req.meetings()
        let earlier = try await meetings.meetings(
            of: meeting.cellID, from: meeting.date.adding(months: -12), until: meeting.date)
        guard let last = earlier.first(where: { $0.version > 0 && $0.body == meeting.body && $0.id != meeting.id }),
            let agenda = try await meetings.detail(last.id)?.body?.minutes.agenda, !agenda.isEmpty
        else { return nil }
        return (agenda, last.date)
    }

    /// The criteria of the set in force on the meeting day, by number and name; the one chosen, else the
    /// environment criterion a task aims at by default (rules.md R24).
    static func criterionChoices(_ set: RuralCriteriaSet?, selected: String?, language: Language) -> [Choice] {
        guard let set else { return [] }
        let chosen = Int(selected ?? "") ?? set.environmentNumber
        return set.criteria.map {
            Choice(
                value: String($0.number), label: "\($0.number). \($0.name.text(in: language))",
                selected: $0.number == chosen)
        }
    }
}
