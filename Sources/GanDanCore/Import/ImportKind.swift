/// What an import brings in: party members into cells, or households into village registers.
public enum ImportKind: String, Sendable, Codable, CaseIterable {
    case members
    case households

    public var label: BilingualText {
        switch self {
        case .members: return BilingualText(vi: "Đảng viên", en: "Members")
        case .households: return BilingualText(vi: "Hộ gia đình", en: "Households")
        }
    }
}
