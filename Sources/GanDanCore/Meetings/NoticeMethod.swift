/// How a member, or the upper-level committee member assigned to the cell, was told of a meeting (rules.md R11).
public enum NoticeMethod: String, Sendable, CaseIterable, Codable {
    case inPerson
    case phone
    /// The village loudspeaker, where many households have no phone signal (rules.md R29).
    case loudspeaker

    public var label: BilingualText {
        switch self {
        case .inPerson: return BilingualText(vi: "Báo trực tiếp", en: "In person")
        case .phone: return BilingualText(vi: "Gọi điện thoại", en: "By phone")
        case .loudspeaker: return BilingualText(vi: "Loa truyền thanh", en: "By loudspeaker")
        }
    }
}
