/// How a member belongs to a cell (rules.md R13, R15).
public enum MembershipKind: String, Sendable, CaseIterable, Codable {
    /// The official roll: the only one that counts for thresholds and votes (rules.md R4).
    case official
    /// A temporary transfer (3–12 months) without voting or election rights (rules.md R13).
    case temporary
    /// Keeping contact with the residence cell: not membership (rules.md R15).
    case residenceContact

    public var label: BilingualText {
        switch self {
        case .official: return BilingualText(vi: "Sinh hoạt chính thức", en: "Official")
        case .temporary: return BilingualText(vi: "Sinh hoạt tạm thời", en: "Temporary")
        case .residenceContact: return BilingualText(vi: "Giữ mối liên hệ nơi cư trú", en: "Residence contact")
        }
    }
}

/// Why a membership began (rules.md R13, R14).
public enum TransferKind: String, Sendable, CaseIterable, Codable {
    /// The membership recorded when the member's data was first entered.
    case initial
    case official
    case temporary
    /// Within one grassroots organisation, e.g. agency cell → village cell of the same commune.
    case `internal`
}
