/// Who holds a meeting: a cell, or a grassroots party committee as a whole or through its standing body (rules.md R7).
///
/// A cell meets monthly; a grassroots committee (đảng bộ xã) meets twice a year and its standing body (đảng ủy)
/// monthly. The three are recorded alike: plan with notice, minutes in versions (rules.md R10, R11).
public enum MeetingBody: String, Sendable, CaseIterable, Codable {
    /// A cell's meeting: the roll is the cell's (rules.md R7, R10).
    case cell
    /// The grassroots committee's meeting of its members, twice a year by default (rules.md R7).
    case committee
    /// The meeting of the committee's standing body, the members holding its posts, monthly (rules.md R7).
    case standingBody

    /// Whether an organisation of `kind` holds meetings of this body.
    public func isHeld(by kind: OrganisationKind) -> Bool {
        switch self {
        case .cell: return kind.isCell
        case .committee, .standingBody: return kind == .grassrootsCommittee
        }
    }

    public var label: BilingualText {
        switch self {
        case .cell: return BilingualText(vi: "Sinh hoạt chi bộ", en: "Cell meeting")
        case .committee: return BilingualText(vi: "Hội nghị Đảng bộ", en: "Meeting of the grassroots committee")
        case .standingBody: return BilingualText(vi: "Họp Đảng ủy", en: "Meeting of the standing body")
        }
    }
}
