/// The admission thresholds, configurable with the defaults of rules.md R21–R23.
public struct AdmissionSettings: Hashable, Sendable, Codable {
    /// Youngest age, in whole months on the cell's consideration date: 18 years (rules.md R21).
    public var minimumAgeMonths: Int
    /// Oldest age, inclusive: "đủ 60 tuổi (tính theo tháng)" still qualifies in the month of the 60th birthday;
    /// older needs a party committee directly under the Central Committee (rules.md R21).
    public var maximumAgeMonths: Int
    /// The general education required (rules.md R21).
    public var requiredEducation: EducationLevel
    /// The general education accepted in mountain or ethnic-minority areas (rules.md R21).
    public var difficultAreaEducation: EducationLevel
    /// Qualified introducers needed (rules.md R22).
    public var requiredIntroducers: Int
    /// Qualified introducers needed together with a Youth Union resolution (rules.md R22).
    public var introducersWithYouthUnionResolution: Int
    /// An introducer has worked with the candidate at least this many whole months (rules.md R22).
    public var introducerMonthsWorkedTogether: Int
    /// The ceremony is held at most this many working days after the decision (rules.md R23).
    public var ceremonyWithinWorkingDays: Int
    /// Probation lasts this many months from the ceremony (rules.md R23).
    public var probationMonths: Int
    /// The cell votes on full membership at most this many working days after probation ends (rules.md R23).
    public var voteWithinWorkingDays: Int
    /// A vote passes when in favour × denominator ≥ numerator × full members: ⅔ by default (rules.md R23).
    public var majorityNumerator: Int
    /// The denominator of the majority fraction (rules.md R23).
    public var majorityDenominator: Int
    /// A pending deadline this many working days away or fewer is due soon.
    public var dueSoonWorkingDays: Int

    public init(
        minimumAgeMonths: Int = 216, maximumAgeMonths: Int = 720, requiredEducation: EducationLevel = .lowerSecondary,
        difficultAreaEducation: EducationLevel = .primary, requiredIntroducers: Int = 2,
        introducersWithYouthUnionResolution: Int = 1, introducerMonthsWorkedTogether: Int = 12,
        ceremonyWithinWorkingDays: Int = 30, probationMonths: Int = 12, voteWithinWorkingDays: Int = 30,
        majorityNumerator: Int = 2, majorityDenominator: Int = 3, dueSoonWorkingDays: Int = 10
    ) {
        self.minimumAgeMonths = minimumAgeMonths
        self.maximumAgeMonths = maximumAgeMonths
        self.requiredEducation = requiredEducation
        self.difficultAreaEducation = difficultAreaEducation
        self.requiredIntroducers = requiredIntroducers
        self.introducersWithYouthUnionResolution = introducersWithYouthUnionResolution
        self.introducerMonthsWorkedTogether = introducerMonthsWorkedTogether
        self.ceremonyWithinWorkingDays = ceremonyWithinWorkingDays
        self.probationMonths = probationMonths
        self.voteWithinWorkingDays = voteWithinWorkingDays
        self.majorityNumerator = majorityNumerator
        self.majorityDenominator = majorityDenominator
        self.dueSoonWorkingDays = dueSoonWorkingDays
    }

    public static let standard = AdmissionSettings()
}
