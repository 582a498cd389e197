extension RatingLevel {
    /// The level of a 100-point score: ≥ 90 excellent, 70–< 90 good, 50–< 70 completed, < 50 not completed
    /// (rules.md R18). The extra conditions of each level are the cell's judgement, not computed here.
    public static func forScore(_ score: Double, bands: RatingBands = .standard) -> RatingLevel {
        if score >= bands.excellentFrom { return .excellent }
        if score >= bands.goodFrom { return .good }
        if score >= bands.completedFrom { return .completed }
        return .notCompleted
    }
}

/// Why a member is left out of a rating (rules.md R19).
public enum NotRatedReason: String, Sendable, CaseIterable, Codable {
    case exempt
    case suspended
    case recentlyAdmitted
    /// Not a member on the rating date (not yet admitted, left, deceased).
    case notMember

    /// The reason in both languages, with the admission threshold in months.
    public func text(minimumMonths: Int = RatingSettings.standard.minimumMonthsSinceAdmission) -> BilingualText {
        switch self {
        case .exempt:
            return BilingualText(vi: "Miễn công tác và sinh hoạt đảng", en: "Exempt from party work and activities")
        case .suspended: return BilingualText(vi: "Đang bị đình chỉ sinh hoạt đảng", en: "Suspended")
        case .recentlyAdmitted:
            return BilingualText(
                vi: "Kết nạp chưa đủ \(minimumMonths) tháng", en: "Admitted less than \(minimumMonths) months ago")
        case .notMember: return BilingualText(vi: "Không phải đảng viên vào ngày đánh giá", en: "Not a member that day")
        }
    }
}

/// Whether a member is rated, and if not, why (rules.md R19).
public struct RatingEligibility: Hashable, Sendable, Codable {
    public var reason: NotRatedReason?
    /// The reason in both languages; nil when rated.
    public var reasonText: BilingualText?

    public init(reason: NotRatedReason?, settings: RatingSettings = .standard) {
        self.reason = reason
        self.reasonText = reason?.text(minimumMonths: settings.minimumMonthsSinceAdmission)
    }

    public var isRated: Bool { reason == nil }
}

/// The member and group rules of a rating round (rules.md R18, R19).
public enum RatingRules {
    /// Not rated: exempt, suspended, or admitted fewer than 6 whole months before `date` (rules.md R19).
    ///
    /// Months are whole months from the admission (ceremony) date: admitted 1 July, rated 31 December is 5 months.
    public static func eligibility(
        standing: PartyStanding?, admittedOn: CivilDate, on date: CivilDate, settings: RatingSettings = .standard
    ) -> RatingEligibility {
        let reason: NotRatedReason?
        switch standing {
        case .none: reason = .notMember
        case .exempt?: reason = .exempt
        case .suspended?: reason = .suspended
        case .full?, .probationary?:
            reason =
                admittedOn.wholeMonths(until: date) < settings.minimumMonthsSinceAdmission ? .recentlyAdmitted : nil
        }
        return RatingEligibility(reason: reason, settings: settings)
    }

    /// The same, reading the standing on `date` from the member's party record (rules.md R19).
    public static func eligibility(record: PartyRecord, on date: CivilDate, settings: RatingSettings = .standard)
        -> RatingEligibility
    {
        eligibility(standing: record.standing(on: date), admittedOn: record.admittedOn, on: date, settings: settings)
    }

    /// Whether the member is rated on `date` (rules.md R19).
    public static func isRated(
        standing: PartyStanding?, admittedOn: CivilDate, on date: CivilDate, settings: RatingSettings = .standard
    ) -> Bool {
        eligibility(standing: standing, admittedOn: admittedOn, on: date, settings: settings).isRated
    }

    /// The most "excellent" ratings a group with `good` "good" ratings may have: 20 % of them, rounded down.
    public static func maximumExcellent(good: Int, settings: RatingSettings = .standard) -> Int {
        max(0, good) * settings.excellentPercentOfGood / 100
    }

    /// A warning when "excellent" exceeds 20 % of "good" in one group (rules.md R18 as written).
    ///
    /// Read literally: the count rated excellent may not exceed 20 % of the count rated good in the same group, in
    /// integers `excellent * 100 <= good * 20` (that is `excellent * 5 <= good`). A warning, not an error: the superior
    /// committee decides. The caller chooses the group (a cell, a committee's members).
    public static func quotaWarning(
        excellent: Int, good: Int, field: String = "ratings", settings: RatingSettings = .standard
    ) -> InputIssue? {
        guard excellent * 100 > good * settings.excellentPercentOfGood else { return nil }
        // rules.md R18: "excellent" at most the set share of "good".
        let most = maximumExcellent(good: good, settings: settings)
        return InputIssue.warning(
            field: field,
            vi: "\(excellent) người xếp loại hoàn thành xuất sắc, nhiều hơn \(settings.excellentPercentOfGood)% của "
                + "\(good) người hoàn thành tốt (tối đa \(most)).",
            en: "\(excellent) rated excellent is more than \(settings.excellentPercentOfGood)% of the \(good) rated "
                + "good (at most \(most)).")
    }

    /// The quota warning for a group's levels (rules.md R18).
    public static func quotaWarning(
        levels: [RatingLevel], field: String = "ratings", settings: RatingSettings = .standard
    ) -> InputIssue? {
        quotaWarning(
            excellent: levels.filter { $0 == .excellent }.count, good: levels.filter { $0 == .good }.count,
            field: field, settings: settings)
    }
}
