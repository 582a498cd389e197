/// An administrative unit to be written, referring to its parent by code (rules.md R26, R27).
public struct UnitDraft: Hashable, Sendable, Codable {
    /// Official code (province "08", district "072", commune "02284"); villages: commune code, a dot, a local code.
    public var code: String
    public var kind: UnitKind
    public var name: String
    public var parentCode: String?
    public var validity: Validity
    public var profile: VillageProfile?

    public init(
        code: String, kind: UnitKind, name: String, parentCode: String?, validity: Validity,
        profile: VillageProfile? = nil
    ) {
        self.code = code
        self.kind = kind
        self.name = name
        self.parentCode = parentCode
        self.validity = validity
        self.profile = profile
    }

    /// The code of a village: its commune's code and a local code, never the name alone (rules.md R27).
    public static func villageCode(communeCode: String, localCode: String) -> String {
        "\(communeCode).\(localCode)"
    }
}

/// A party organisation to be written, attached to a unit by code.
public struct OrganisationDraft: Hashable, Sendable, Codable {
    /// Stable code, e.g. "CQ-02284" for Thanh Tương's agency cell, "CB-02284.01" for a village cell.
    public var code: String
    public var kind: OrganisationKind
    public var name: String
    public var unitCode: String
    public var parentCode: String?
    public var validity: Validity
    public var ratings: [CellRating]

    public init(
        code: String, kind: OrganisationKind, name: String, unitCode: String, parentCode: String?,
        validity: Validity, ratings: [CellRating] = []
    ) {
        self.code = code
        self.kind = kind
        self.name = name
        self.unitCode = unitCode
        self.parentCode = parentCode
        self.validity = validity
        self.ratings = ratings
    }

    /// Conventional codes so imports and the demo agree.
    public static func agencyCellCode(communeCode: String) -> String { "CQ-\(communeCode)" }
    public static func villageCellCode(villageCode: String) -> String { "CB-\(villageCode)" }
    public static func committeeCode(unitCode: String) -> String { "DB-\(unitCode)" }
}

/// A post held by a member in an organisation, with dates.
public struct PostDraft: Hashable, Sendable, Codable {
    public var kind: PostKind
    public var organisationCode: String
    public var validity: Validity
    /// Elected, or appointed by the superior committee (rules.md R5); nil when the source does not say.
    public var source: PostSource?

    public init(kind: PostKind, organisationCode: String, validity: Validity, source: PostSource? = nil) {
        self.kind = kind
        self.organisationCode = organisationCode
        self.validity = validity
        self.source = source
    }
}

/// A member to be written, with the fields of the national member database (rules.md R28).
public struct MemberDraft: Hashable, Sendable, Codable {
    public var fullName: String
    public var birthDate: CivilDate
    public var sex: Sex
    public var ethnicity: String
    public var citizenID: String?
    public var phone: String?
    public var residenceVillageCode: String?
    public var education: String?
    public var cardNumber: String?
    public var party: PartyRecord
    /// The official cell and the day the member joined its roll.
    public var cellCode: String
    public var joinedCellOn: CivilDate
    /// Whether the file left the joining day empty, so `joinedCellOn` is the admission day until `JoiningDay.settle`
    /// holds it to the cell's founding.
    public var joiningDayAssumed = false
    /// A temporary cell (rules.md R13), kept apart from the official one.
    public var temporaryCellCode: String?
    /// The residence cell the member keeps contact with (rules.md R15): not membership.
    public var residenceContactCellCode: String?
    public var posts: [PostDraft]

    public init(
        fullName: String, birthDate: CivilDate, sex: Sex, ethnicity: String, citizenID: String? = nil,
        phone: String? = nil, residenceVillageCode: String? = nil, education: String? = nil,
        cardNumber: String? = nil, party: PartyRecord, cellCode: String, joinedCellOn: CivilDate,
        temporaryCellCode: String? = nil, residenceContactCellCode: String? = nil, posts: [PostDraft] = []
    ) {
        self.fullName = fullName
        self.birthDate = birthDate
        self.sex = sex
        self.ethnicity = ethnicity
        self.citizenID = citizenID
        self.phone = phone
        self.residenceVillageCode = residenceVillageCode
        self.education = education
        self.cardNumber = cardNumber
        self.party = party
        self.cellCode = cellCode
        self.joinedCellOn = joinedCellOn
        self.temporaryCellCode = temporaryCellCode
        self.residenceContactCellCode = residenceContactCellCode
        self.posts = posts
    }
}

/// A consistent set of units, organisations and members, as the demo or an import produces it.
public struct OrganisationDataset: Sendable, Codable {
    public var units: [UnitDraft]
    public var organisations: [OrganisationDraft]
    public var members: [MemberDraft]

    public init(units: [UnitDraft] = [], organisations: [OrganisationDraft] = [], members: [MemberDraft] = []) {
        self.units = units
        self.organisations = organisations
        self.members = members
    }
}
