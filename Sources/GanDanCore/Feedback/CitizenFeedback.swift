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

    /// Empty texts, a name kept without consent, stages skipped and dates out of order, each naming its field.
    public var issues: [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ message: String) { issues.append(InputIssue(field: field, message: message)) }
        if Self.isBlank(summary) { add("summary", "is empty") }
        if Self.isBlank(receivedBy) { add("receivedBy", "names no member") }
        if let name = citizenName, !Self.isBlank(name), !nameConsent {
            add(
                "citizenName",
                "a citizen's name may be kept only with their consent; record the consent or leave "
                    + "the name out (rules.md R30)")
        }
        if (forwardedOn == nil) != (forwardedTo == nil) {
            add(forwardedOn == nil ? "forwardedOn" : "forwardedTo", "the date and the body forwarded to go together")
        }
        if forwardedTo == .other && Self.isBlank(forwardedToDetail ?? "") {
            add("forwardedToDetail", "name the body the feedback was forwarded to")
        }
        if answeredOn != nil && Self.isBlank(answer ?? "") { add("answer", "the answer is empty") }
        let steps: [(String, CivilDate?)] = [
            ("receivedOn", receivedOn), ("forwardedOn", forwardedOn), ("answeredOn", answeredOn),
            ("reportedBackOn", reportedBackOn),
        ]
        var previous: (field: String, date: CivilDate)? = nil
        for (field, date) in steps {
            guard let date else { continue }
            if let previous, date < previous.date {
                add(field, "\(date.iso) is before \(previous.field) (\(previous.date.iso))")
            }
            previous = (field, date)
        }
        for index in steps.indices.dropFirst(2) where steps[index].1 != nil && steps[index - 1].1 == nil {
            add(steps[index - 1].0, "is missing: \(steps[index].0) is recorded")
        }
        return issues
    }

    private static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
