/// The kinds of cell meeting: the monthly regular one, a thematic one, or both held together (rules.md R7, R9).
public enum MeetingKind: String, Sendable, CaseIterable, Codable {
    /// The monthly meeting of the cell (rules.md R7).
    case regular
    /// A thematic meeting, planned yearly and held at least quarterly (rules.md R9).
    case thematic
    /// A thematic meeting combined with the regular one; it needs the longer duration (rules.md R8).
    case combined

    public var label: BilingualText {
        switch self {
        case .regular: return BilingualText(vi: "Sinh hoạt thường kỳ", en: "Regular meeting")
        case .thematic: return BilingualText(vi: "Sinh hoạt chuyên đề", en: "Thematic meeting")
        case .combined:
            return BilingualText(vi: "Sinh hoạt thường kỳ kết hợp chuyên đề", en: "Regular and thematic meeting")
        }
    }

    /// Whether this meeting counts as the cell's monthly meeting; a thematic one never replaces it (rules.md R9).
    public var countsAsMonthly: Bool { self != .thematic }
}
