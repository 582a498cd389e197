import GanDanCore

/// What a route does with the object its path names; each action opens one scope of the user (rules.md R30).
enum Action: String, Sendable, CaseIterable {
    /// See it: every role, inside the subtree it holds.
    case read
    /// Change it: administrators, planners and secretaries (`Role.mayWrite`).
    case write
    /// Read the audit trail: administrators and auditors (`Role.mayReadAudit`).
    case audit
    /// Planner-only work such as imports and placement proposals: administrators and planners, not a secretary's write scope.
    case plan
    /// Approve a placement plan: today the same roles that may change it.
    case approve

    /// The roles whose grants open this action's scope.
    var roles: Set<Role> {
        switch self {
        case .read: return Set(Role.allCases)
        case .write, .approve: return Set(Role.allCases.filter(\.mayWrite))
        case .audit: return Set(Role.allCases.filter(\.mayReadAudit))
        case .plan: return [.planner, .administrator]
        }
    }

    /// Why a route that names no object answers 403 to a role without the action.
    var forbidden: String {
        switch self {
        case .read: return "please sign in"
        case .write, .approve: return "your role does not allow changing records"
        case .audit: return "only auditors and administrators read the audit trail"
        case .plan: return "only a planner may import members or households or propose placements"
        }
    }
}
