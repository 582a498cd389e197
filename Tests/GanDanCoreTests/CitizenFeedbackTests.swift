import Testing

@testable import GanDanCore

@Suite("Citizen feedback heard by leaders, forwarded and answered (rules.md A8)")
struct CitizenFeedbackTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static func feedback(
        received: String = "2024-01-31", forwarded: String? = nil, to body: ResponsibleBody? = nil,
        answered: String? = nil, reported: String? = nil, name: String? = nil, consent: Bool = false
    ) -> CitizenFeedback {
        CitizenFeedback(
            receivedOn: d(received), receivedBy: "hoan", topic: .infrastructure,
            summary: "Đường vào Nà Coóc sạt lở sau mưa", citizenName: name, nameConsent: consent,
            forwardedOn: forwarded.map(d), forwardedTo: forwarded == nil ? body : (body ?? .communePeoplesCommittee),
            answeredOn: answered.map(d), answer: answered == nil ? nil : "Xã bố trí sửa trong tháng 3",
            reportedBackOn: reported.map(d))
    }

    @Test("received and not forwarded within 5 working days is overdue; Tết days do not count")
    func forwardOverdue() {
        let item = Self.feedback(received: "2024-02-06")
        #expect(item.stage == .received)
        #expect(item.dueDate() == Self.d("2024-02-20"))
        #expect(!item.isOverdue(on: Self.d("2024-02-20")))
        #expect(item.isOverdue(on: Self.d("2024-02-21")))
    }

    @Test("forwarded and not answered within 15 working days is overdue; answered never is")
    func answerOverdue() {
        let forwarded = Self.feedback(forwarded: "2024-01-31")
        #expect(forwarded.stage == .forwarded)
        #expect(forwarded.dueDate() == Self.d("2024-02-28"))
        #expect(!forwarded.isOverdue(on: Self.d("2024-02-28")))
        #expect(forwarded.isOverdue(on: Self.d("2024-02-29")))
        let answered = Self.feedback(forwarded: "2024-01-31", answered: "2024-03-15")
        #expect(answered.stage == .answered)
        #expect(!answered.isOverdue(on: Self.d("2024-06-01")))
        let reported = Self.feedback(forwarded: "2024-01-31", answered: "2024-03-15", reported: "2024-03-20")
        #expect(reported.stage == .reportedBack)
        #expect(reported.issues.isEmpty)
    }

    @Test("the limits are local settings")
    func settings() {
        let quick = FeedbackSettings(forwardWithinWorkingDays: 1, answerWithinWorkingDays: 5)
        #expect(Self.feedback(forwarded: "2024-01-31").isOverdue(on: Self.d("2024-02-08"), settings: quick))
        #expect(FeedbackSettings.standard.answerWithinWorkingDays == 15)
    }

    @Test(
        "a citizen's name is kept only with consent",
        arguments: [
            (String?.none, false, false), ("Hoàng Thị Mây", false, true), ("Hoàng Thị Mây", true, false),
            ("  ", false, false),
        ])
    func consent(name: String?, consent: Bool, flagged: Bool) {
        let issues = Self.feedback(name: name, consent: consent).issues
        #expect(issues.contains { $0.field == "citizenName" } == flagged)
    }

    @Test("stages follow in order: no answer without forwarding, no date before the one it follows")
    func lifecycle() {
        #expect(Self.feedback(answered: "2024-02-15").issues.map(\.field) == ["forwardedOn"])
        #expect(Self.feedback(forwarded: "2024-01-20").issues.map(\.field) == ["forwardedOn"])
        #expect(Self.feedback(forwarded: "2024-02-01", reported: "2024-03-01").issues.map(\.field) == ["answeredOn"])
        let other = Self.feedback(forwarded: "2024-02-01", to: .other)
        #expect(other.issues.map(\.field) == ["forwardedToDetail"])
        #expect(ResponsibleBody.womensUnion.isMassOrganisation)
        #expect(!ResponsibleBody.villageHead.isMassOrganisation)
        #expect(FeedbackTopic.allCases.count == 8)
    }
}
