/// Kinds of party organisation (glossary.md).
public enum OrganisationKind: String, Sendable, CaseIterable, Codable {
    case provincialCommittee
    case districtCommittee
    case grassrootsCommittee
    case communeAgencyCell
    case villageCell
    case otherCell

    /// Whether members hold their activity here: only cells have rolls (rules.md R1).
    public var isCell: Bool {
        switch self {
        case .communeAgencyCell, .villageCell, .otherCell: return true
        default: return false
        }
    }

    public var label: BilingualText {
        switch self {
        case .provincialCommittee: return BilingualText(vi: "Đảng bộ tỉnh", en: "Provincial party committee")
        case .districtCommittee: return BilingualText(vi: "Đảng bộ huyện", en: "District party committee")
        case .grassrootsCommittee: return BilingualText(vi: "Đảng bộ xã", en: "Grassroots party committee")
        case .communeAgencyCell: return BilingualText(vi: "Chi bộ cơ quan xã", en: "Commune agency cell")
        case .villageCell: return BilingualText(vi: "Chi bộ thôn, bản", en: "Village cell")
        case .otherCell: return BilingualText(vi: "Chi bộ khác", en: "Other cell")
        }
    }
}
