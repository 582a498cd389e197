/// What a user may do, each role held on a place in the tree (issue "Accounts"; rules.md R30).
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Everything, everywhere, including accounts.
    case administrator
    /// Reads and edits a district or commune and everything below it.
    case planner
    /// Reads and edits one cell: its members, meetings and tasks.
    case secretary
    /// Reads a subtree.
    case viewer
    /// Reads a subtree and its audit trail.
    case auditor

    public var mayWrite: Bool { self == .administrator || self == .planner || self == .secretary }
    public var mayReadAudit: Bool { self == .administrator || self == .auditor }
    public var mayManageUsers: Bool { self == .administrator }
    /// Whether the role is held on a cell (secretary) rather than a unit.
    public var isCellScoped: Bool { self == .secretary }

    public var label: BilingualText {
        switch self {
        case .administrator: return BilingualText(vi: "Quản trị", en: "Administrator")
        case .planner: return BilingualText(vi: "Cán bộ tổ chức", en: "Planner")
        case .secretary: return BilingualText(vi: "Bí thư chi bộ", en: "Secretary")
        case .viewer: return BilingualText(vi: "Xem", en: "Viewer")
        case .auditor: return BilingualText(vi: "Kiểm tra", en: "Auditor")
        }
    }
}
