import Foundation
import GanDanCore

/// A member in a list: who, their standing on the day asked, and their official cell then.
public struct MemberSummary: Codable, Sendable, Hashable {
    public var id: UUID
    public var fullName: String
    public var birthDate: CivilDate
    public var sex: Sex
    public var status: PartyStatus
    /// Standing on the date asked; nil when not a member that day.
    public var standing: PartyStanding?
    public var cellID: UUID?
    public var cellName: String?
    public var isKeyLeader: Bool
}

/// A post as shown on a member's page.
public struct PostView: Codable, Sendable, Hashable {
    public var kind: PostKind
    public var organisationID: UUID
    public var organisationName: String
    public var validity: Validity
}

/// A membership as shown on a member's page and in history.
public struct MembershipView: Codable, Sendable, Hashable {
    public var kind: MembershipKind
    public var transferKind: TransferKind
    public var organisationID: UUID
    public var organisationName: String
    public var validity: Validity
}

/// Everything about one member (rules.md R28), with dated cells and posts.
public struct MemberDetail: Codable, Sendable, Hashable {
    public var summary: MemberSummary
    public var ethnicity: String
    public var citizenID: String?
    public var phone: String?
    public var education: String?
    public var cardNumber: String?
    public var residenceVillageID: UUID?
    public var residenceVillageName: String?
    public var party: PartyRecord
    public var memberships: [MembershipView]
    public var posts: [PostView]
    /// Set when the member has left the reader's scope and is shown as recorded on this day, the date asked
    /// (`MemberDirectory.asRecorded(_:on:)`); nil for the whole, current record.
    public var asRecordedOn: CivilDate? = nil
}

/// A cell's roll on one day: the member and how they belong.
public struct RosterEntry: Codable, Sendable, Hashable {
    public var member: MemberSummary
    public var membership: MembershipKind
    public var posts: [PostKind]
}

/// A cell at a glance on one day: counts (rules.md R4), officers, and what the charter allows (R1, R3, A5).
public struct CellSummary: Codable, Sendable, Hashable {
    public var cell: OrganisationSnapshot
    public var counts: CellCounts
    public var secretary: String?
    public var deputySecretary: String?
    public var meetsMinimum: Bool
    public var mayProposeCommittee: Bool
}

/// One page of a member search.
public struct MemberPage: Codable, Sendable {
    public var items: [MemberSummary]
    public var total: Int
    public var page: Int
    public var perPage: Int
}
