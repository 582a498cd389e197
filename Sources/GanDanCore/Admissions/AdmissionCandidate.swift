/// A full member who introduces a candidate, and since when they have worked with the candidate (rules.md R22).
public struct Introducer: Hashable, Sendable, Codable {
    public var memberID: String
    /// The introducer's own party dates, to check they were a full member on the introduction date.
    public var party: PartyRecord
    public var workedWithCandidateSince: CivilDate

    public init(memberID: String, party: PartyRecord, workedWithCandidateSince: CivilDate) {
        self.memberID = memberID
        self.party = party
        self.workedWithCandidateSince = workedWithCandidateSince
    }
}

/// What the cell checks before considering a candidate for admission (rules.md R21, R22).
public struct AdmissionCandidate: Hashable, Sendable, Codable {
    public var birthDate: CivilDate
    /// General education as written on the file: "9/12", "THPT", "Đại học" (see `EducationLevel(parsing:)`).
    public var education: String
    /// Lives or works in a mountain or ethnic-minority area, where primary education is accepted (rules.md R21).
    public var inDifficultArea: Bool
    /// The day the introducers signed their introduction.
    public var introducedOn: CivilDate
    public var introducers: [Introducer]
    /// The day the Youth Union's grassroots executive committee resolved to introduce the candidate, if it did.
    public var youthUnionResolutionOn: CivilDate?

    public init(
        birthDate: CivilDate, education: String, inDifficultArea: Bool = false, introducedOn: CivilDate,
        introducers: [Introducer], youthUnionResolutionOn: CivilDate? = nil
    ) {
        self.birthDate = birthDate
        self.education = education
        self.inDifficultArea = inDifficultArea
        self.introducedOn = introducedOn
        self.introducers = introducers
        self.youthUnionResolutionOn = youthUnionResolutionOn
    }
}
