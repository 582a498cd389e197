/// Kinds of administrative unit, from province down to village (glossary.md).
public enum UnitKind: String, Sendable, CaseIterable, Codable {
    case province
    case district
    case commune
    case ward
    case township
    case specialZone
    case village
    case hamlet
    case residentialGroup

    /// The administrative level: 1 province, 2 district (until 30-6-2025), 3 commune, 4 village.
    public var level: Int {
        switch self {
        case .province: return 1
        case .district: return 2
        case .commune, .ward, .township, .specialZone: return 3
        case .village, .hamlet, .residentialGroup: return 4
        }
    }

    /// Whether a unit of this kind may sit directly under a unit of `parent` kind.
    ///
    /// Communes sit under districts, or directly under provinces in the 2025 two-level structure (rules.md R26).
    public func mayHaveParent(_ parent: UnitKind?) -> Bool {
        guard let parent else { return self == .province }
        switch level {
        case 2: return parent.level == 1
        case 3: return parent.level == 1 || parent.level == 2
        case 4: return parent.level == 3
        default: return false
        }
    }

    /// Whether units of this kind are villages (thôn, bản, tổ dân phố), which carry a village profile.
    public var isVillageLevel: Bool { level == 4 }

    public var label: BilingualText {
        switch self {
        case .province: return BilingualText(vi: "Tỉnh", en: "Province")
        case .district: return BilingualText(vi: "Huyện", en: "District")
        case .commune: return BilingualText(vi: "Xã", en: "Commune")
        case .ward: return BilingualText(vi: "Phường", en: "Ward")
        case .township: return BilingualText(vi: "Thị trấn", en: "Township")
        case .specialZone: return BilingualText(vi: "Đặc khu", en: "Special zone")
        case .village: return BilingualText(vi: "Thôn", en: "Village")
        case .hamlet: return BilingualText(vi: "Bản", en: "Hamlet")
        case .residentialGroup: return BilingualText(vi: "Tổ dân phố", en: "Residential group")
        }
    }
}
