/// One candidate's way from the list to full membership, with the date of each step recorded (rules.md R23).
///
/// The admission date is the ceremony: the charter counts the 12 months of probation from the day of the admission
/// ceremony, and full membership dates from the 12-month mark even when the vote is late.
public struct CandidatePipeline: Hashable, Sendable, Codable {
    public var listedOn: CivilDate?
    public var awarenessCertificateOn: CivilDate?
    public var mentorAssignedOn: CivilDate?
    public var backgroundCheckedOn: CivilDate?
    public var cellResolutionOn: CivilDate?
    public var decisionOn: CivilDate?
    public var ceremonyOn: CivilDate?
    /// The day a full member was assigned to help through probation.
    public var probationMentorAssignedOn: CivilDate?
    /// Every vote on full membership, passed or failed.
    public var votes: [CandidateVote]
    /// Full membership as recorded; it should equal `probationEnd` (rules.md R23).
    public var officialOn: CivilDate?

    public init(
        listedOn: CivilDate? = nil, awarenessCertificateOn: CivilDate? = nil, mentorAssignedOn: CivilDate? = nil,
        backgroundCheckedOn: CivilDate? = nil, cellResolutionOn: CivilDate? = nil, decisionOn: CivilDate? = nil,
        ceremonyOn: CivilDate? = nil, probationMentorAssignedOn: CivilDate? = nil, votes: [CandidateVote] = [],
        officialOn: CivilDate? = nil
    ) {
        self.listedOn = listedOn
        self.awarenessCertificateOn = awarenessCertificateOn
        self.mentorAssignedOn = mentorAssignedOn
        self.backgroundCheckedOn = backgroundCheckedOn
        self.cellResolutionOn = cellResolutionOn
        self.decisionOn = decisionOn
        self.ceremonyOn = ceremonyOn
        self.probationMentorAssignedOn = probationMentorAssignedOn
        self.votes = votes
        self.officialOn = officialOn
    }

    /// The recorded date of `step`; for `.vote`, the first vote that passed.
    public func date(of step: PipelineStep, settings: AdmissionSettings = .standard) -> CivilDate? {
        switch step {
        case .listed: return listedOn
        case .awarenessCertificate: return awarenessCertificateOn
        case .mentorAssigned: return mentorAssignedOn
        case .backgroundCheck: return backgroundCheckedOn
        case .cellResolution: return cellResolutionOn
        case .decision: return decisionOn
        case .ceremony: return ceremonyOn
        case .probation: return probationMentorAssignedOn
        case .vote: return passingVote(settings: settings)?.date
        case .official: return officialOn
        }
    }

    /// The first step not yet recorded, or nil when the member is official.
    public func nextStep(settings: AdmissionSettings = .standard) -> PipelineStep? {
        PipelineStep.allCases.first { date(of: $0, settings: settings) == nil }
    }

    /// The first vote, in date order, that reached the majority (rules.md R23).
    public func passingVote(settings: AdmissionSettings = .standard) -> CandidateVote? {
        votes.sorted { $0.date < $1.date }.first { $0.passes(settings: settings) }
    }

    /// The end of probation: 12 months after the ceremony, clamped to the month's end (rules.md R23).
    public func probationEnd(settings: AdmissionSettings = .standard) -> CivilDate? {
        ceremonyOn?.adding(months: settings.probationMonths)
    }

    /// The date full membership counts from once a vote passed: the 12-month mark, however late the vote (rules.md R23).
    public func officialDate(settings: AdmissionSettings = .standard) -> CivilDate? {
        passingVote(settings: settings) == nil ? nil : probationEnd(settings: settings)
    }

    /// The last day for the ceremony: 30 working days after the decision (rules.md R23).
    public func ceremonyDue(calendar: WorkingCalendar = .vietnam, settings: AdmissionSettings = .standard)
        -> CivilDate?
    {
        decisionOn.map { calendar.adding(workingDays: settings.ceremonyWithinWorkingDays, to: $0) }
    }

    /// The last day for the vote: 30 working days after probation ends (rules.md R23).
    public func voteDue(calendar: WorkingCalendar = .vietnam, settings: AdmissionSettings = .standard) -> CivilDate? {
        probationEnd(settings: settings).map { calendar.adding(workingDays: settings.voteWithinWorkingDays, to: $0) }
    }

    /// The deadlines still open on `date`: the ceremony once decided, the vote from the ceremony until one passes.
    public func status(
        on date: CivilDate, calendar: WorkingCalendar = .vietnam, settings: AdmissionSettings = .standard
    ) -> [PipelineDeadline] {
        var deadlines: [PipelineDeadline] = []
        func add(_ kind: PipelineDeadlineKind, opensOn: CivilDate, due: CivilDate) {
            deadlines.append(
                PipelineDeadline(
                    kind: kind, opensOn: opensOn, due: due, asOf: date,
                    workingDaysLeft: calendar.workingDays(from: date, to: due)))
        }
        if ceremonyOn == nil, let decision = decisionOn,
            let due = ceremonyDue(calendar: calendar, settings: settings)
        {
            add(.ceremony, opensOn: decision, due: due)
        }
        if passingVote(settings: settings) == nil, let end = probationEnd(settings: settings),
            let due = voteDue(calendar: calendar, settings: settings)
        {
            add(.vote, opensOn: end, due: due)
        }
        return deadlines
    }
}
