/// What an import brings in: party members into cells, households into village registers, or the tree itself —
/// villages under communes, party organisations, and posts held by members (issue 18).
public enum ImportKind: String, Sendable, Codable, CaseIterable {
    case members
    case households
    case villages
    case organisations
    case posts

    public var label: BilingualText {
        switch self {
        case .members: return BilingualText(vi: "Đảng viên", en: "Members")
        case .households: return BilingualText(vi: "Hộ gia đình", en: "Households")
        case .villages: return BilingualText(vi: "Thôn, tổ dân phố", en: "Villages and residential groups")
        case .organisations: return BilingualText(vi: "Tổ chức đảng", en: "Party organisations")
        case .posts: return BilingualText(vi: "Chức vụ", en: "Posts")
        }
    }
}
