import Foundation

/// Accumulates the three collation levels (base letters, diacritics, case) and joins them into one ASCII key.
struct SortKeyBuilder: Sendable {
    private var primary: [UInt8] = []
    private var secondary: [UInt8] = []
    private var caseLevel: [UInt8] = []
    private var significantSecondary = 0
    private var significantCase = 0

    /// Adds one collation element: its base-letter code, a "no diacritic" weight and its case flag.
    mutating func appendElement(primary code: [UInt8], uppercase: Bool) {
        primary.append(contentsOf: code)
        secondary.append(Collation.noMark)
        caseLevel.append(uppercase ? Collation.upperCase : Collation.lowerCase)
        if uppercase { significantCase = caseLevel.count }
    }

    /// Adds the levels of the text that follows, as if its elements had been appended one by one.
    mutating func append(_ other: SortKeyBuilder) {
        if other.significantSecondary > 0 { significantSecondary = secondary.count + other.significantSecondary }
        if other.significantCase > 0 { significantCase = caseLevel.count + other.significantCase }
        primary.append(contentsOf: other.primary)
        secondary.append(contentsOf: other.secondary)
        caseLevel.append(contentsOf: other.caseLevel)
    }

    /// Adds a diacritic weight to the secondary level (tones and other accents).
    mutating func appendMark(_ weight: [UInt8]) {
        secondary.append(contentsOf: weight)
        significantSecondary = secondary.count
    }

    /// Levels separated by `!`; trailing "no diacritic"/lowercase weights are dropped, which keeps the order intact.
    var key: String {
        var bytes = primary
        bytes.append(Collation.separatorByte)
        bytes.append(contentsOf: secondary[..<significantSecondary])
        bytes.append(Collation.separatorByte)
        bytes.append(contentsOf: caseLevel[..<significantCase])
        return String(decoding: bytes, as: UTF8.self)
    }
}
