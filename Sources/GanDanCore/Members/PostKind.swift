/// Party and government posts a member may hold; "key leader" derives from them (glossary.md).
public enum PostKind: String, Sendable, CaseIterable, Codable {
    case partySecretary
    case partyDeputySecretary
    case partyStandingMember
    case partyCommitteeMember
    case peoplesCouncilChairman
    case peoplesCommitteeChairman
    case peoplesCommitteeViceChairman
    case fatherlandFrontChairman
    case youthUnionSecretary
    case womensUnionChairwoman
    case farmersUnionChairman
    case veteransAssociationChairman
    case cellSecretary
    case cellDeputySecretary
    case cellCommitteeMember
    case civilServant

    /// Commune-level posts whose holders are key leaders (cán bộ chủ chốt), placed first (rules.md A3).
    public var isKeyLeader: Bool {
        switch self {
        case .partySecretary, .partyDeputySecretary, .partyStandingMember, .peoplesCouncilChairman,
            .peoplesCommitteeChairman, .peoplesCommitteeViceChairman, .fatherlandFrontChairman,
            .youthUnionSecretary, .womensUnionChairwoman, .farmersUnionChairman, .veteransAssociationChairman:
            return true
        default:
            return false
        }
    }

    /// The posts exempt from placement unless a plan says otherwise: the commune party secretary follows all cells
    /// (rules.md R16).
    public static let standardPlacementExempt: Set<PostKind> = [.partySecretary]

    /// The one definition of a key leader that placement sends to the hardest villages, used by the plan and the
    /// dashboards alike: holds a key leader's post and no post exempt from placement (rules.md A3, R16).
    public static func isPlacedAsKeyLeader(_ posts: some Sequence<PostKind>, exempt: Set<PostKind>) -> Bool {
        var key = false
        for post in posts {
            if exempt.contains(post) { return false }
            key = key || post.isKeyLeader
        }
        return key
    }

    /// Posts held in a cell (its secretary, deputy, committee), as opposed to posts of a commune or district.
    public var isCellPost: Bool {
        self == .cellSecretary || self == .cellDeputySecretary || self == .cellCommitteeMember
    }

    public var label: BilingualText {
        switch self {
        case .partySecretary: return BilingualText(vi: "Bí thư Đảng ủy", en: "Party secretary")
        case .partyDeputySecretary: return BilingualText(vi: "Phó Bí thư Đảng ủy", en: "Deputy party secretary")
        case .partyStandingMember: return BilingualText(vi: "Ủy viên Ban Thường vụ", en: "Standing committee member")
        case .partyCommitteeMember: return BilingualText(vi: "Đảng ủy viên", en: "Party committee member")
        case .peoplesCouncilChairman: return BilingualText(vi: "Chủ tịch HĐND", en: "People's Council chairman")
        case .peoplesCommitteeChairman: return BilingualText(vi: "Chủ tịch UBND", en: "People's Committee chairman")
        case .peoplesCommitteeViceChairman:
            return BilingualText(vi: "Phó Chủ tịch UBND", en: "People's Committee vice-chairman")
        case .fatherlandFrontChairman: return BilingualText(vi: "Chủ tịch MTTQ", en: "Fatherland Front chairman")
        case .youthUnionSecretary: return BilingualText(vi: "Bí thư Đoàn Thanh niên", en: "Youth Union secretary")
        case .womensUnionChairwoman: return BilingualText(vi: "Chủ tịch Hội Phụ nữ", en: "Women's Union chair")
        case .farmersUnionChairman: return BilingualText(vi: "Chủ tịch Hội Nông dân", en: "Farmers' Union chair")
        case .veteransAssociationChairman:
            return BilingualText(vi: "Chủ tịch Hội Cựu chiến binh", en: "Veterans' Association chair")
        case .cellSecretary: return BilingualText(vi: "Bí thư chi bộ", en: "Cell secretary")
        case .cellDeputySecretary: return BilingualText(vi: "Phó Bí thư chi bộ", en: "Cell deputy secretary")
        case .cellCommitteeMember: return BilingualText(vi: "Chi ủy viên", en: "Cell committee member")
        case .civilServant: return BilingualText(vi: "Công chức xã", en: "Commune civil servant")
        }
    }
}
