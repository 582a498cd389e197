/// Where a meeting stands: planned with notice, held with minutes, or called off.
public enum MeetingStatus: String, Sendable, CaseIterable, Codable {
    case planned
    case held
    case cancelled

    public var label: BilingualText {
        switch self {
        case .planned: return BilingualText(vi: "Đã lên lịch", en: "Planned")
        case .held: return BilingualText(vi: "Đã họp", en: "Held")
        case .cancelled: return BilingualText(vi: "Hủy", en: "Cancelled")
        }
    }
}
