/// The steps of admitting a member, in order (rules.md R23).
public enum PipelineStep: String, Sendable, CaseIterable, Codable {
    /// Put on the cell's list of candidates (quần chúng ưu tú).
    case listed
    /// Party-awareness class certificate received.
    case awarenessCertificate
    /// A full member assigned by resolution to help the candidate.
    case mentorAssigned
    /// Background check of the candidate and close relatives done.
    case backgroundCheck
    /// The cell's resolution proposing admission.
    case cellResolution
    /// The competent committee's admission decision.
    case decision
    /// The admission ceremony: the admission date, from which probation counts.
    case ceremony
    /// A full member assigned to help the probationary member through the 12 months.
    case probation
    /// The cell's vote on full membership that passed.
    case vote
    /// Full membership recognised; it dates from the 12-month mark.
    case official

    public var label: BilingualText {
        switch self {
        case .listed: return BilingualText(vi: "Đưa vào danh sách quần chúng ưu tú", en: "Listed as a candidate")
        case .awarenessCertificate:
            return BilingualText(
                vi: "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng", en: "Party-awareness certificate")
        case .mentorAssigned: return BilingualText(vi: "Phân công đảng viên giúp đỡ", en: "Mentor assigned")
        case .backgroundCheck: return BilingualText(vi: "Thẩm tra lý lịch", en: "Background check")
        case .cellResolution: return BilingualText(vi: "Nghị quyết chi bộ đề nghị kết nạp", en: "Cell resolution")
        case .decision: return BilingualText(vi: "Quyết định kết nạp", en: "Admission decision")
        case .ceremony: return BilingualText(vi: "Lễ kết nạp", en: "Admission ceremony")
        case .probation:
            return BilingualText(vi: "Phân công giúp đỡ đảng viên dự bị", en: "Probation mentor assigned")
        case .vote: return BilingualText(vi: "Chi bộ xét công nhận chính thức", en: "Cell vote on full membership")
        case .official: return BilingualText(vi: "Công nhận đảng viên chính thức", en: "Full membership recognised")
        }
    }
}

/// One cell vote on a probationary member's full membership (rules.md R23).
public struct CandidateVote: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var inFavour: Int
    /// The cell's full members on the vote date, present or not: the base of the ⅔ majority.
    public var fullMembers: Int

    public init(date: CivilDate, inFavour: Int, fullMembers: Int) {
        self.date = date
        self.inFavour = inFavour
        self.fullMembers = fullMembers
    }

    /// At least ⅔ of the full members in favour, in integers: `inFavour * 3 >= 2 * fullMembers` (rules.md R23).
    public func passes(settings: AdmissionSettings = .standard) -> Bool {
        fullMembers > 0 && inFavour <= fullMembers
            && inFavour * settings.majorityDenominator >= settings.majorityNumerator * fullMembers
    }
}

/// The deadlines the pipeline tracks (rules.md R23).
public enum PipelineDeadlineKind: String, Sendable, CaseIterable, Codable {
    /// The ceremony, at most 30 working days after the decision.
    case ceremony
    /// The vote on full membership, at most 30 working days after probation ends.
    case vote

    public var label: BilingualText {
        switch self {
        case .ceremony: return BilingualText(vi: "Tổ chức lễ kết nạp", en: "Hold the admission ceremony")
        case .vote: return BilingualText(vi: "Xét công nhận đảng viên chính thức", en: "Vote on full membership")
        }
    }
}

/// A pending deadline as seen on one day, counted in working days (rules.md R23).
public struct PipelineDeadline: Hashable, Sendable, Codable {
    public var kind: PipelineDeadlineKind
    /// The first day the step may happen: the decision, or the end of probation.
    public var opensOn: CivilDate
    public var due: CivilDate
    /// The day the deadline was looked at.
    public var asOf: CivilDate
    /// Working days after `asOf` up to `due`: 0 on the due day, negative once overdue.
    public var workingDaysLeft: Int

    public init(kind: PipelineDeadlineKind, opensOn: CivilDate, due: CivilDate, asOf: CivilDate, workingDaysLeft: Int) {
        self.kind = kind
        self.opensOn = opensOn
        self.due = due
        self.asOf = asOf
        self.workingDaysLeft = workingDaysLeft
    }

    /// The due day has passed without the step.
    public var isOverdue: Bool { asOf > due }

    /// Not overdue and at most `within` working days left.
    public func isDueSoon(within workingDays: Int = AdmissionSettings.standard.dueSoonWorkingDays) -> Bool {
        !isOverdue && workingDaysLeft <= workingDays
    }
}
