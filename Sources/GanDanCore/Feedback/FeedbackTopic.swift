/// What a citizen raised with a leader (rules.md A8).
public enum FeedbackTopic: String, Sendable, CaseIterable, Codable {
    case land
    case infrastructure
    case socialPolicy
    case environment
    case production
    case security
    case healthEducation
    case other

    public var label: BilingualText {
        switch self {
        case .land: return BilingualText(vi: "Đất đai", en: "Land")
        case .infrastructure: return BilingualText(vi: "Hạ tầng, đường giao thông", en: "Infrastructure and roads")
        case .socialPolicy:
            return BilingualText(vi: "Chính sách xã hội, hỗ trợ giảm nghèo", en: "Social policy and poverty support")
        case .environment: return BilingualText(vi: "Môi trường", en: "Environment")
        case .production: return BilingualText(vi: "Sản xuất, nông nghiệp", en: "Production and agriculture")
        case .security: return BilingualText(vi: "An ninh, trật tự", en: "Security and order")
        case .healthEducation: return BilingualText(vi: "Y tế, giáo dục", en: "Health and education")
        case .other: return BilingualText(vi: "Khác", en: "Other")
        }
    }
}
