/// Who a citizen's feedback is forwarded to for an answer (rules.md A8).
public enum ResponsibleBody: String, Sendable, CaseIterable, Codable {
    case communePeoplesCommittee
    case fatherlandFront
    case womensUnion
    case farmersUnion
    case youthUnion
    case veteransAssociation
    case villageHead
    case other

    public var label: BilingualText {
        switch self {
        case .communePeoplesCommittee: return BilingualText(vi: "Ủy ban nhân dân xã", en: "Commune People's Committee")
        case .fatherlandFront: return BilingualText(vi: "Mặt trận Tổ quốc", en: "Fatherland Front")
        case .womensUnion: return BilingualText(vi: "Hội Liên hiệp Phụ nữ", en: "Women's Union")
        case .farmersUnion: return BilingualText(vi: "Hội Nông dân", en: "Farmers' Union")
        case .youthUnion: return BilingualText(vi: "Đoàn Thanh niên", en: "Youth Union")
        case .veteransAssociation: return BilingualText(vi: "Hội Cựu chiến binh", en: "Veterans' Association")
        case .villageHead: return BilingualText(vi: "Trưởng thôn, bản", en: "Village head")
        case .other: return BilingualText(vi: "Khác", en: "Other")
        }
    }

    /// The Fatherland Front and the mass organisations under it.
    public var isMassOrganisation: Bool {
        switch self {
        case .fatherlandFront, .womensUnion, .farmersUnion, .youthUnion, .veteransAssociation: return true
        case .communePeoplesCommittee, .villageHead, .other: return false
        }
    }
}
