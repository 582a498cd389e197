import Foundation

/// Where a feedback item is in its life: received → forwarded → answered → reported back (rules.md A8).
public enum FeedbackStage: String, Sendable, CaseIterable, Codable, Comparable {
    case received
    case forwarded
    case answered
    /// The answer was reported back to the village at a meeting.
    case reportedBack

    public var label: BilingualText {
        switch self {
        case .received: return BilingualText(vi: "Đã tiếp nhận", en: "Received")
        case .forwarded: return BilingualText(vi: "Đã chuyển", en: "Forwarded")
        case .answered: return BilingualText(vi: "Đã trả lời", en: "Answered")
        case .reportedBack: return BilingualText(vi: "Đã thông báo lại cho thôn", en: "Reported back to the village")
        }
    }

    public static func < (lhs: FeedbackStage, rhs: FeedbackStage) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A citizen's feedback heard by a leader, followed until the village hears the answer (rules.md A8, R30).
public struct CitizenFeedback: Hashable, Sendable, Codable {
    public var receivedOn: CivilDate
    /// The member (a placed leader) who heard it.
    public var receivedBy: String
    public var topic: FeedbackTopic
    public var summary: String
    /// The citizen's name, kept only with consent (rules.md R30); nil or empty when anonymous.
    public var citizenName: String?
    /// The citizen agreed that their name be kept.
    public var nameConsent: Bool
    public var forwardedOn: CivilDate?
    public var forwardedTo: ResponsibleBody?
    /// Who exactly, when `forwardedTo` is `.other` (or to name a department).
    public var forwardedToDetail: String?
    public var answeredOn: CivilDate?
    public var answer: String?
    /// The day of the village meeting where the answer was reported.
    public var reportedBackOn: CivilDate?

    public init(
        receivedOn: CivilDate, receivedBy: String, topic: FeedbackTopic, summary: String, citizenName: String? = nil,
        nameConsent: Bool = false, forwardedOn: CivilDate? = nil, forwardedTo: ResponsibleBody? = nil,
        forwardedToDetail: String? = nil, answeredOn: CivilDate? = nil, answer: String? = nil,
        reportedBackOn: CivilDate? = nil
    ) {
        self.receivedOn = receivedOn
        self.receivedBy = receivedBy
        self.topic = topic
        self.summary = summary
        self.citizenName = citizenName
        self.nameConsent = nameConsent
        self.forwardedOn = forwardedOn
        self.forwardedTo = forwardedTo
        self.forwardedToDetail = forwardedToDetail
        self.answeredOn = answeredOn
        self.answer = answer
        self.reportedBackOn = reportedBackOn
    }

    /// The furthest stage recorded.
    public var stage: FeedbackStage {
        if reportedBackOn != nil { return .reportedBack }
        if answeredOn != nil { return .answered }
        if forwardedOn != nil { return .forwarded }
        return .received
    }

    /// The day the current stage must move on by: forward within 5, answer within 15 working days; nil once
    /// answered (rules.md A8).
    public func dueDate(calendar: WorkingCalendar = .vietnam, settings: FeedbackSettings = .standard) -> CivilDate? {
        switch stage {
        case .received: return calendar.adding(workingDays: settings.forwardWithinWorkingDays, to: receivedOn)
        case .forwarded:
            return forwardedOn.map { calendar.adding(workingDays: settings.answerWithinWorkingDays, to: $0) }
        case .answered, .reportedBack: return nil
        }
    }

    /// Received and not forwarded in time, or forwarded and not answered in time (rules.md A8).
    public func isOverdue(
        on date: CivilDate, calendar: WorkingCalendar = .vietnam, settings: FeedbackSettings = .standard
    ) -> Bool {
        dueDate(calendar: calendar, settings: settings).map { date > $0 } ?? false
    }

    /// A step's date in words, for the messages about the order of steps.
    static func stepLabel(_ field: String) -> BilingualText {
        switch field {
        case "receivedOn": return BilingualText(vi: "ngày tiếp nhận", en: "day received")
        case "forwardedOn": return BilingualText(vi: "ngày chuyển", en: "day forwarded")
        case "answeredOn": return BilingualText(vi: "ngày trả lời", en: "day answered")
        default: return BilingualText(vi: "ngày báo lại cho người dân", en: "day reported back")
        }
    }

    /// Empty texts, a name kept without consent, stages skipped and dates out of order, each naming its field.
    public var issues: [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        if Self.isBlank(summary) { add("summary", "Chưa ghi nội dung ý kiến.", "The feedback says nothing.") }
        if Self.isBlank(receivedBy) {
            add("receivedBy", "Chưa ghi đảng viên tiếp nhận ý kiến.", "No member is named as receiving it.")
        }
        if let name = citizenName, !Self.isBlank(name), !nameConsent {
            // rules.md R30: a citizen's name is kept only with consent.
            add(
                "citizenName",
                "Chỉ được ghi tên người dân khi họ đồng ý; hãy đánh dấu đã đồng ý hoặc bỏ tên.",
                "A citizen's name may be kept only with their consent; record the consent or leave the name out.")
        }
        if (forwardedOn == nil) != (forwardedTo == nil) {
            add(
                forwardedOn == nil ? "forwardedOn" : "forwardedTo",
                "Ngày chuyển và nơi chuyển đến phải ghi cùng nhau.",
                "The day forwarded and the body forwarded to go together.")
        }
        if forwardedTo == .other && Self.isBlank(forwardedToDetail ?? "") {
            add(
                "forwardedToDetail", "Hãy ghi tên cơ quan đã chuyển ý kiến đến.",
                "Name the body the feedback was forwarded to.")
        }
        if answeredOn != nil && Self.isBlank(answer ?? "") {
            add("answer", "Chưa ghi nội dung trả lời.", "The answer is empty.")
        }
        let steps: [(String, CivilDate?)] = [
            ("receivedOn", receivedOn), ("forwardedOn", forwardedOn), ("answeredOn", answeredOn),
            ("reportedBackOn", reportedBackOn),
        ]
        var previous: (field: String, date: CivilDate)? = nil
        for (field, date) in steps {
            guard let date else { continue }
            if let previous, date < previous.date {
                let (this, before) = (Self.stepLabel(field), Self.stepLabel(previous.field))
                add(
                    field, "Ngày \(date.vietnamese) (\(this.vi)) sớm hơn \(before.vi) \(previous.date.vietnamese).",
                    "\(date.vietnamese) (the \(this.en)) is before the \(before.en) \(previous.date.vietnamese).")
            }
            previous = (field, date)
        }
        for index in steps.indices.dropFirst(2) where steps[index].1 != nil && steps[index - 1].1 == nil {
            let (missing, recorded) = (Self.stepLabel(steps[index - 1].0), Self.stepLabel(steps[index].0))
            add(
                steps[index - 1].0, "Đã ghi \(recorded.vi) nhưng chưa ghi \(missing.vi).",
                "The \(recorded.en) is recorded but the \(missing.en) is not.")
        }
        return issues
    }

    private static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
