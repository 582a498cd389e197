import GanDanCore
import GanDanStorage
import Vapor

/// The plan-a-meeting form of a cell's and a committee's meetings page, read in one place: a value the form cannot
/// use is a sentence in the page's language naming its field by its label (rules.md R7, R9).
struct MeetingPlanForm: Content {
    var body: String?
    var kind: String
    var date: String
    var time: String
    var topic: String?
    var noticeSentOn: String?
    var documents: String?

    /// The meeting to plan, or every problem at once; `bodies` are who may meet on this page (none on a cell's).
    func draft(_ req: Request, bodies: [MeetingBody]) throws(InputError) -> MeetingPlanDraft {
        var problems: [InputIssue] = []
        func refuse(_ key: String, _ value: String, _ problem: BilingualText) {
            let quoted = value.isEmpty ? "" : "“\(QueryValueError.shown(value))” "
            problems.append(InputIssue(field: key, vi: quoted + problem.vi, en: quoted + problem.en))
        }
        var body: MeetingBody?
        if !bodies.isEmpty {
            body = self.body.flatMap(MeetingBody.init(rawValue:)).flatMap { bodies.contains($0) ? $0 : nil }
            if body == nil { refuse("body", "", Self.notListed) }
        }
        let kind = MeetingKind(rawValue: kind)
        if kind == nil { refuse("kind", "", Self.notListed) }
        let date = CivilDate(self.date)
        if date == nil { refuse("date", self.date, Self.notDate) }
        let time = TimeOfDay(self.time)
        if time == nil { refuse("time", self.time, Self.notTime) }
        var notice: CivilDate?
        if let text = noticeSentOn, !text.isEmpty {
            notice = CivilDate(text)
            if notice == nil { refuse("noticeSentOn", text, Self.notDate) }
        }
        guard problems.isEmpty, let kind, let date, let time else { throw .invalid(problems) }
        return MeetingPlanDraft(
            body: body, kind: kind, date: date, scheduledStart: time, topic: topic, noticeSentOn: notice,
            documents: documents)
    }

    static let notListed = BilingualText(
        vi: "hãy chọn một mục trong danh sách", en: "choose one of the listed options")
    static let notDate = BilingualText(
        vi: "không phải là ngày từ 01/01/1900 đến 31/12/2100", en: "is not a date from 01/01/1900 to 31/12/2100")
    static let notTime = BilingualText(
        vi: "không phải là giờ trong ngày, ví dụ 07:30", en: "is not a time of day, e.g. 07:30")
}
