/// The interface languages: Vietnamese first, English second.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en
}

/// A text in both interface languages.
public struct BilingualText: Hashable, Sendable, Codable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(in language: Language) -> String {
        language == .vi ? vi : en
    }
}
