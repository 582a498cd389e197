import Foundation
import GanDanCore
import GanDanStorage

/// A unit as a row of a list or a breadcrumb.
struct UnitRow: Encodable {
    var id: UUID
    var code: String
    var title: String
    var kind: String
    var distanceKm: String?
    var households: Int?
    var poorHouseholds: Int?

    init(_ unit: UnitSnapshot, _ language: Language) {
        id = unit.id
        code = unit.code
        title = unit.title(in: language)
        kind = unit.kind.label.text(in: language)
        distanceKm = unit.profile?.distanceKm.map { Self.kilometres($0) }
        households = unit.profile?.households
        poorHouseholds = unit.profile?.poorHouseholds
    }

    static func kilometres(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) km" : String(format: "%.1f km", value)
    }
}

/// A cell with its counts and charter flags (rules.md R1, R3, R4, A5).
struct CellRow: Encodable {
    var id: UUID
    var name: String
    var kind: String
    var full: Int
    var exempt: Int
    var probationary: Int
    var temporary: Int
    var secretary: String?
    var deputy: String?
    var rating: String?
    var ratingYear: Int?
    var weak: Bool
    var weakReason: String?
    var mayProposeCommittee: Bool
    var belowMinimum: Bool

    init(_ summary: CellSummary, _ language: Language) {
        id = summary.cell.id
        name = summary.cell.name
        kind = summary.cell.kind.label.text(in: language)
        full = summary.counts.full
        exempt = summary.counts.exempt
        probationary = summary.counts.probationary
        temporary = summary.counts.temporary
        secretary = summary.secretary
        deputy = summary.deputySecretary
        rating = summary.cell.latestRating?.level.label.text(in: language)
        ratingYear = summary.cell.latestRating?.year
        weak = summary.cell.latestRating?.weak ?? false
        weakReason = summary.cell.latestRating?.weakReason
        mayProposeCommittee = summary.mayProposeCommittee
        belowMinimum = !summary.meetsMinimum
    }
}

/// A committee (not a cell) shown on a unit's page.
struct CommitteeRow: Encodable {
    var id: UUID
    var name: String
    var kind: String
    /// A grassroots committee, whose meetings and its standing body's have a page (rules.md R7).
    var holdsMeetings: Bool
}

/// A member as a row of a list.
struct MemberRow: Encodable {
    var id: UUID
    var name: String
    var born: Int
    var sex: String
    var standing: String
    var cellID: UUID?
    var cellName: String?
    var keyLeader: Bool
    var membership: String?
    var posts: String

    init(_ member: MemberSummary, _ language: Language, membership: MembershipKind? = nil, posts: [PostKind] = []) {
        id = member.id
        name = member.fullName
        born = member.birthDate.year
        sex = member.sex.label.text(in: language)
        standing = member.standing.map { $0.label.text(in: language) } ?? member.status.label.text(in: language)
        cellID = member.cellID
        cellName = member.cellName
        keyLeader = member.isKeyLeader
        self.membership = membership == .temporary ? membership?.label.text(in: language) : nil
        self.posts = posts.map { $0.label.text(in: language) }.joined(separator: ", ")
    }
}

/// A dated line of a history table.
struct DatedRow: Encodable {
    var label: String
    var detail: String?
    var link: String?
    var from: String
    var until: String?

    init(label: String, detail: String? = nil, link: String? = nil, validity: Validity) {
        self.label = label
        self.detail = detail
        self.link = link
        from = validity.from.vietnamese
        until = validity.until?.vietnamese
    }
}

/// One option of a select list or radio group on a page.
struct Choice: Encodable {
    var value: String
    var label: String
    var selected: Bool = false
}
