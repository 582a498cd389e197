/// Sex as recorded in the member handbook (rules.md R28).
public enum Sex: String, Sendable, CaseIterable, Codable {
    case male
    case female

    public var label: BilingualText {
        self == .male ? BilingualText(vi: "Nam", en: "Male") : BilingualText(vi: "Nữ", en: "Female")
    }
}
