/// How a post was given: by the cell's or committee's own election, or by appointment of the superior committee
/// (rules.md R5).
public enum PostSource: String, Sendable, CaseIterable, Codable {
    case election
    case appointment

    public var label: BilingualText {
        switch self {
        case .election: return BilingualText(vi: "Bầu", en: "Elected")
        case .appointment: return BilingualText(vi: "Chỉ định", en: "Appointed")
        }
    }
}

extension PostKind {
    /// Posts one person holds at a time in an organisation: two holders on one day are a mistake (rules.md R2, R3:
    /// one secretary, at most one deputy in a cell; one head of each commune body).
    public var hasOneHolder: Bool {
        switch self {
        case .partySecretary, .cellSecretary, .cellDeputySecretary, .peoplesCouncilChairman,
            .peoplesCommitteeChairman, .fatherlandFrontChairman, .youthUnionSecretary, .womensUnionChairwoman,
            .farmersUnionChairman, .veteransAssociationChairman:
            return true
        default:
            return false
        }
    }
}
