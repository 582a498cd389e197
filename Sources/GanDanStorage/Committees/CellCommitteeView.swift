import Foundation
import GanDanCore

/// One person on a cell's committee on a day, with the posts they hold there (rules.md R2, R3, R5).
public struct CellCommitteeSeat: Sendable, Hashable, Codable {
    public var member: NamedID
    public var posts: [PostKind]
    /// How the first of these posts was given; nil when not recorded.
    public var source: PostSource?
    public var since: CivilDate
}

/// A congress a cell held (rules.md R6).
public struct CellCongress: Sendable, Hashable, Codable {
    public var id: UUID
    public var heldOn: CivilDate
    public var note: String?
    public var recordedBy: String
}

/// A cell's committee and term on a day: its full members, the people holding its posts, its congresses and the
/// next one due (rules.md R2, R3, R4, R6).
public struct CellCommitteeView: Sendable, Hashable, Codable {
    public var cellID: UUID
    /// The full members of the cell's official roll that day, by name: who may take a seat (rules.md R3, R4).
    public var eligible: [NamedID]
    public var fullMembers: Int { eligible.count }
    public var seats: [CellCommitteeSeat]
    /// Newest first, up to the day.
    public var congresses: [CellCongress]
    public var next: CongressTerm.Next?
    public var standing: CongressTerm.Standing
    /// Whether anyone holds a committee-member post that day: the cell has a committee, not only a secretary.
    public var hasCommittee: Bool {
        seats.contains { $0.posts.contains(.cellCommitteeMember) }
    }
}
