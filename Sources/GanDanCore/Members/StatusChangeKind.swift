/// A change in a member's standing recorded on the web with its date (rules.md R28): the four stored statuses that
/// take a date, and moving out of the district, which is not a status but the end of the member's rolls here.
public enum StatusChangeKind: String, Sendable, CaseIterable, Codable {
    case exempt
    case suspended
    case left
    case deceased
    case movedOut

    /// The stored status the change sets; nil for moving out, which ends the memberships instead.
    public var status: PartyStatus? {
        switch self {
        case .exempt: return .exempt
        case .suspended: return .suspended
        case .left: return .left
        case .deceased: return .deceased
        case .movedOut: return nil
        }
    }

    public var label: BilingualText {
        switch self {
        case .exempt: return BilingualText(vi: "Miễn sinh hoạt", en: "Exempt from activities")
        case .suspended: return BilingualText(vi: "Đình chỉ sinh hoạt", en: "Suspended")
        case .left: return BilingualText(vi: "Ra khỏi Đảng", en: "Left the party")
        case .deceased: return BilingualText(vi: "Từ trần", en: "Deceased")
        case .movedOut: return BilingualText(vi: "Chuyển đi khỏi huyện", en: "Moved out of the district")
        }
    }
}
