import Foundation

/// Vietnamese-aware text keys: accent-insensitive search keys and collation keys that sort correctly as plain bytes.
/// All functions are pure and stateless, so they can be called from any isolation domain.
public enum VietnameseText {
    /// Accent-insensitive search key: lowercased, diacritics removed, đ/Đ → d, whitespace collapsed to single
    /// spaces, trimmed. Stored beside the text, a plain `=`/`LIKE` on it finds "Đường" from the query "duong".
    public static func searchKey(_ text: String) -> String {
        if let ascii = asciiSearchKey(text) { return ascii }
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            if Collation.isIgnorable(scalar) || Collation.isMark(scalar) { continue }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(Collation.searchFolding[scalar.value] ?? scalar)
        }
        return String(output)
    }

    /// The search key of printable ASCII text (codes, dates, "male"): lowercased, whitespace collapsed, without the
    /// Unicode normalisation the general case needs; nil for any other text.
    private static func asciiSearchKey(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20:
                pendingSpace = !bytes.isEmpty
            case 0x21...0x7E:
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            default:
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A key whose plain byte-wise (binary) ordering equals Vietnamese collation order, so it can be stored in a column
    /// and ordered by SQL on SQLite and PostgreSQL alike (use a binary collation, e.g. `COLLATE "C"` on PostgreSQL).
    public static func sortKey(_ text: String) -> String {
        sortKeyBuilder(text).key
    }

    /// The three collation levels of `text`, before they are joined into a key.
    fileprivate static func sortKeyBuilder(_ text: String) -> SortKeyBuilder {
        var builder = SortKeyBuilder()
        var scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            let value = scalar.value
            if value < 0x80 {
                let isUppercase = (0x41...0x5A).contains(value)
                let lowercase = isUppercase ? value | 0x20 : value
                // ASCII controls other than tab, newline etc. have no code: ignorable, as in ICU.
                guard var code = Collation.primaryCodes[lowercase] else { continue }
                if let modifiers = Collation.vowelModifiers[lowercase],
                    let letter = Collation.takeModifier(modifiers, after: index, in: &scalars)
                {
                    code = letter
                }
                builder.appendElement(primary: [code], uppercase: isUppercase)
                continue
            }
            if Collation.isIgnorable(scalar) { continue }
            if let letter = Collation.combiningLetters[value] {
                builder.appendElement(primary: [Collation.primaryCodes[letter]!], uppercase: false)
                continue
            }
            if Collation.isMark(scalar) {
                builder.appendMark(Collation.markWeight(value))
                continue
            }
            if let code = Collation.primaryCodes[value] {
                builder.appendElement(primary: [code], uppercase: false)
                continue
            }
            if value == 0x110 {  // Đ
                builder.appendElement(primary: [Collation.primaryCodes[0x111]!], uppercase: true)
                continue
            }
            if let expansion = Collation.specialLetters[value] {
                for item in expansion {
                    if let code = Collation.primaryCodes[item] {
                        builder.appendElement(primary: [code], uppercase: scalar.properties.isUppercase)
                    } else {
                        builder.appendMark(Collation.markWeight(item))
                    }
                }
                continue
            }
            if let replacement = Collation.compatibilityDecomposition(of: scalar) {
                scalars.replaceSubrange((index - 1)..<index, with: replacement)
                index -= 1
                continue
            }
            builder.appendElement(
                primary: Collation.fallbackPrimary(scalar),
                uppercase: scalar.properties.isUppercase
            )
        }
        return builder
    }

    /// Sort key for a person's full name in Vietnamese convention: by given name (last word) first, then the whole name
    /// (family and middle names), e.g. "Hoàng Văn Hoan" sorts under "Hoan".
    public static func personNameSortKey(_ fullName: String) -> String {
        let words = fullName.split(whereSeparator: \.isWhitespace)
        let givenName = words.last.map(String.init) ?? ""
        return sortKey(givenName) + Collation.separator + sortKey(words.joined(separator: " "))
    }
}

extension VietnameseText {
    /// The same keys as `searchKey`, `sortKey` and `personNameSortKey`, computed word by word with each word's keys
    /// remembered: names repeat a few hundred words, so a large import computes each word once (bench/scale).
    /// Keys never depend on neighbouring words: decomposition and tone marks stop at whitespace.
    public struct KeyCache: Sendable {
        private var searchKeys: [Substring: String] = [:]
        private var sortKeys: [Substring: SortKeyBuilder] = [:]
        private var normalisedWords: [Substring: String] = [:]
        /// Each word of a name with the keys of its NFC form (`nameKeys`).
        private var nameWords: [Substring: NameWord] = [:]

        public init() {}

        /// The keys of one word of a name, from its NFC form.
        private struct NameWord: Sendable {
            var normalised: String
            var search: String
            var sort: SortKeyBuilder
        }

        /// `MemberValidation.normalisedName(name)`, with the `personNameSortKey` and `searchKey` of that normalised
        /// name, in one pass over the words and one look-up per word: a member row needs all three, and three passes
        /// were most of the time a large import spent building its rows (bench/scale).
        public mutating func nameKeys(_ name: String) -> (name: String, sort: String, search: String) {
            guard Self.splitsAtSpaces(name) else {
                let normalised = normalisedName(name)
                return (normalised, personNameSortKey(normalised), searchKey(normalised))
            }
            var normalised = ""
            var search = ""
            var whole = SortKeyBuilder()
            var given = SortKeyBuilder()
            for bytes in name.utf8.split(separator: 0x20) {
                let token = Substring(bytes)
                let word: NameWord
                if let known = nameWords[token] {
                    word = known
                } else {
                    let nfc = String(token).precomposedStringWithCanonicalMapping
                    word = NameWord(
                        normalised: nfc, search: VietnameseText.searchKey(nfc),
                        sort: VietnameseText.sortKeyBuilder(nfc))
                    nameWords[token] = word
                }
                if !normalised.isEmpty {
                    normalised.append(" ")
                    append(" ", to: &whole)
                }
                normalised.append(word.normalised)
                whole.append(word.sort)
                given = word.sort
                if !word.search.isEmpty {
                    if !search.isEmpty { search.append(" ") }
                    search.append(word.search)
                }
            }
            return (normalised, given.key + Collation.separator + whole.key, search)
        }

        /// `VietnameseText.searchKey(text)`.
        public mutating func searchKey(_ text: String) -> String {
            var output = ""
            for token in Self.words(text) {
                let key: String
                if let known = searchKeys[token] {
                    key = known
                } else {
                    key = VietnameseText.searchKey(String(token))
                    searchKeys[token] = key
                }
                guard !key.isEmpty else { continue }
                if !output.isEmpty { output.append(" ") }
                output.append(key)
            }
            return output
        }

        /// `VietnameseText.sortKey(text)`.
        public mutating func sortKey(_ text: String) -> String {
            var builder = SortKeyBuilder()
            if Self.splitsAtSpaces(text) {
                // Words and the single spaces between them, the tokens the general loop below would find.
                var first = true
                for word in text.utf8.split(separator: 0x20, omittingEmptySubsequences: false) {
                    if !first { append(" ", to: &builder) }
                    first = false
                    if !word.isEmpty { append(Substring(word), to: &builder) }
                }
                return builder.key
            }
            let scalars = text.unicodeScalars
            var start = scalars.startIndex
            while start < scalars.endIndex {
                var end = scalars.index(after: start)
                if !scalars[start].properties.isWhitespace {
                    while end < scalars.endIndex, !scalars[end].properties.isWhitespace {
                        end = scalars.index(after: end)
                    }
                }
                append(Substring(scalars[start..<end]), to: &builder)
                start = end
            }
            return builder.key
        }

        /// Adds one token's sort key, computed once per distinct token.
        private mutating func append(_ token: Substring, to builder: inout SortKeyBuilder) {
            if let known = sortKeys[token] {
                builder.append(known)
            } else {
                let part = VietnameseText.sortKeyBuilder(String(token))
                sortKeys[token] = part
                builder.append(part)
            }
        }

        /// The words of `text` between whitespace, as `split(whereSeparator: \.isWhitespace)` finds them.
        static func words(_ text: String) -> [Substring] {
            if splitsAtSpaces(text) { return text.utf8.split(separator: 0x20).map { Substring($0) } }
            return text.split(whereSeparator: \.isWhitespace)
        }

        /// Whether splitting the bytes of `text` at ASCII spaces gives the same words as splitting it by Unicode
        /// whitespace, by characters or by scalars: true for ASCII and Vietnamese text (precomposed or decomposed)
        /// without tabs, line breaks, other spaces, or a combining mark right after a space. Any other byte sends
        /// the text the general way, which is slower: most of a large import's key time was these splits
        /// (bench/scale).
        static func splitsAtSpaces(_ text: String) -> Bool {
            var afterSpace = false
            var latinExtendedLead = false
            for byte in text.utf8 {
                if latinExtendedLead {
                    // U+1E00–U+1EFF (Vietnamese letters with two marks) start E1 B8–BB.
                    guard (0xB8...0xBB).contains(byte) else { return false }
                    latinExtendedLead = false
                    continue
                }
                switch byte {
                case 0x09...0x0D: return false
                case 0x00...0x7F: afterSpace = byte == 0x20
                case 0x80...0xBF: break
                case 0xC3...0xC6: afterSpace = false
                case 0xCC, 0xCD:
                    // Combining marks (U+0300–U+036F) join the character before them; after a space, that is the space.
                    if afterSpace { return false }
                case 0xE1:
                    latinExtendedLead = true
                    afterSpace = false
                default: return false
                }
            }
            return !latinExtendedLead
        }

        /// `MemberValidation.normalisedName(name)`: each word is brought to NFC once (NFC of words joined by spaces
        /// is the words' NFC joined by spaces: a space composes with nothing).
        public mutating func normalisedName(_ name: String) -> String {
            var output = ""
            for word in Self.words(name) {
                if !output.isEmpty { output.append(" ") }
                if let known = normalisedWords[word] {
                    output.append(known)
                } else {
                    let normalised = String(word).precomposedStringWithCanonicalMapping
                    normalisedWords[word] = normalised
                    output.append(normalised)
                }
            }
            return output
        }

        /// `VietnameseText.personNameSortKey(fullName)`.
        public mutating func personNameSortKey(_ fullName: String) -> String {
            let words = Self.words(fullName)
            let givenName = words.last.map(String.init) ?? ""
            return sortKey(givenName) + Collation.separator + sortKey(words.joined(separator: " "))
        }
    }
}

/// Accumulates the three collation levels (base letters, diacritics, case) and joins them into one ASCII key.
private struct SortKeyBuilder: Sendable {
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

/// Tables and helpers that mirror ICU's Vietnamese (CLDR `vi`) collation.
private enum Collation {
    /// Printable ASCII without quotes, backslash and backtick, so keys never need escaping in SQL, JSON or logs;
    /// the lowest byte, `!`, separates the levels.
    static let alphabet: [UInt8] = (0x21...0x7E).filter { ![0x22, 0x27, 0x5C, 0x60].contains($0) }
    static let separatorByte = alphabet[0]
    static let separator = "!"
    static let noMark = UInt8(ascii: "0")
    static let lowerCase = UInt8(ascii: "0")
    static let upperCase = UInt8(ascii: "1")

    /// Whitespace and ASCII punctuation/symbols in ICU root order (they all sort before digits and letters).
    static let punctuationOrder = "\t\n\u{0B}\u{0C}\r\u{85}\u{2028}\u{2029} _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~"
    /// The Vietnamese alphabet including f, j, w, z at their Latin positions.
    static let letterOrder = "a\u{103}\u{E2}bcd\u{111}e\u{EA}fghijklmno\u{F4}\u{1A1}pqrstu\u{1B0}vwxyz"

    /// Escape leads for characters without a one-byte code (other symbols before `$`, other currencies after it,
    /// other letters and scripts after z); each lead is followed by three bytes of the code point.
    static let otherSymbolLead = alphabet[1 + punctuationOrder.unicodeScalars.count]
    static let currencyLead = alphabet[1 + punctuationOrder.unicodeScalars.count + 2]
    static let otherLetterLead = alphabet[1 + punctuationOrder.unicodeScalars.count + 3 + 10 + letterCount]
    static let letterCount = letterOrder.unicodeScalars.count

    /// One-byte primary codes for whitespace, ASCII punctuation, `$`, digits and the Vietnamese letters (lowercase).
    static let primaryCodes: [UInt32: UInt8] = {
        var scalars = Array(punctuationOrder.unicodeScalars)
        scalars.append(contentsOf: ["\u{0}", "$", "\u{0}"])  // Placeholders for the two escape leads.
        scalars.append(contentsOf: "0123456789".unicodeScalars)
        scalars.append(contentsOf: letterOrder.unicodeScalars)
        var codes: [UInt32: UInt8] = [:]
        for (offset, scalar) in scalars.enumerated() where scalar != "\u{0}" {
            codes[scalar.value] = alphabet[1 + offset]
        }
        return codes
    }()

    /// Vowels that form a separate Vietnamese letter with a following breve, circumflex or horn (ă â ê ô ơ ư).
    static let vowelModifiers: [UInt32: [UInt32: UInt32]] = [
        0x61: [0x306: 0x103, 0x302: 0xE2],
        0x65: [0x302: 0xEA],
        0x6F: [0x302: 0xF4, 0x31B: 0x1A1],
        0x75: [0x31B: 0x1B0],
    ]

    /// Secondary weights: none < huyền < hỏi < ngã < sắc < nặng, then other accents in ICU order (ties share a weight).
    /// ICU puts U+0332, U+0313 and U+0314 before the grave accent; here they follow the tones so tone weights stay 1–5.
    static let markWeights: [UInt32: [UInt8]] = {
        let tones: [UInt32] = [0x300, 0x309, 0x303, 0x301, 0x323]
        let others: [[UInt32]] = [
            [0x332], [0x313], [0x314], [0x306], [0x302], [0x30C], [0x30A], [0x342], [0x308], [0x30B], [0x307],
            [0x338], [0x327], [0x328], [0x304],
            [
                0x30D, 0x30E, 0x312, 0x315, 0x31A, 0x33D, 0x33E, 0x33F, 0x346, 0x34A, 0x34B, 0x34C, 0x350, 0x351,
                0x352, 0x357, 0x35B, 0x35D, 0x35E,
            ],
            [
                0x316, 0x317, 0x318, 0x319, 0x31C, 0x31D, 0x31E, 0x31F, 0x320, 0x329, 0x32A, 0x32B, 0x32C, 0x32F,
                0x333, 0x33A, 0x33B, 0x33C, 0x347, 0x348, 0x349, 0x34D, 0x34E, 0x353, 0x354, 0x355, 0x356, 0x359,
                0x35A, 0x35C, 0x35F, 0x362,
            ],
            [0x336, 0x337], [0x335], [0x305], [0x30F], [0x310], [0x311], [0x31B], [0x321], [0x322], [0x324],
            [0x325], [0x326], [0x32D], [0x32E], [0x330], [0x331], [0x334], [0x339], [0x345], [0x358], [0x360],
            [0x361], [letterVariantMark],
        ]
        var weights: [UInt32: [UInt8]] = [:]
        for (offset, tone) in tones.enumerated() {
            weights[tone] = [UInt8(ascii: "1") + UInt8(offset)]
        }
        let firstOther = alphabet.firstIndex(of: UInt8(ascii: "6"))!
        for (offset, group) in others.enumerated() {
            for mark in group {
                weights[mark] = [alphabet[firstOther + offset]]
            }
        }
        return weights
    }()

    /// Lead for accents missing from `markWeights`; it is the highest byte, so they sort after all known accents.
    static let otherMarkLead = UInt8(ascii: "~")

    /// Pseudo-accent ICU gives letter variants such as ß, æ, œ and ð on top of their base letters.
    static let letterVariantMark: UInt32 = 0x11_0000

    /// Letters without a canonical decomposition that ICU sorts as base letters plus accents (expansions in DUCET).
    static let specialLetters: [UInt32: [UInt32]] = [
        0xF8: [0x6F, 0x338], 0xD8: [0x6F, 0x338],  // ø Ø
        0x142: [0x6C, 0x335], 0x141: [0x6C, 0x335],  // ł Ł
        0x127: [0x68, 0x335], 0x126: [0x68, 0x335],  // ħ Ħ
        0xDF: [0x73, letterVariantMark, 0x73], 0x1E9E: [0x73, letterVariantMark, 0x73],  // ß ẞ
        0xE6: [0x61, letterVariantMark, 0x65], 0xC6: [0x61, letterVariantMark, 0x65],  // æ Æ
        0x153: [0x6F, letterVariantMark, 0x65], 0x152: [0x6F, letterVariantMark, 0x65],  // œ Œ
        0xF0: [0x64, letterVariantMark], 0xD0: [0x64, letterVariantMark],  // ð Ð
    ]

    /// Combining small letters (U+0363–U+036F) that ICU treats as variants of ordinary letters.
    static let combiningLetters: [UInt32: UInt32] = Dictionary(
        uniqueKeysWithValues: zip(0x363...0x36F, "aeioucdhmrtvx".unicodeScalars.map(\.value))
    )

    /// Folding beyond mark removal for search keys: letters whose "diacritic" is a stroke (đ, and lookalikes).
    static let searchFolding: [UInt32: Unicode.Scalar] = [
        0x111: "d", 0xF0: "d", 0xF8: "o", 0x142: "l", 0x127: "h",
    ]

    /// Nonspacing and enclosing marks (accents); they only add secondary weights.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Control, format and default-ignorable characters, which ICU skips entirely (whitespace controls excepted).
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint { return true }
        switch properties.generalCategory {
        case .control: return !properties.isWhitespace
        case .format: return true
        default: return false
        }
    }

    /// Removes the first unblocked breve/circumflex/horn after a vowel and returns the code of the combined letter,
    /// mirroring ICU's (discontiguous) contractions, so "ặ" (a + dot below + breve) is "ă" with a dot below.
    static func takeModifier(
        _ modifiers: [UInt32: UInt32], after start: Int, in scalars: inout [Unicode.Scalar]
    ) -> UInt8? {
        var highestBlockingClass: UInt8 = 0
        var position = start
        while position < scalars.count {
            let combiningClass = scalars[position].properties.canonicalCombiningClass.rawValue
            if combiningClass == 0 { return nil }
            if combiningClass > highestBlockingClass, let letter = modifiers[scalars[position].value] {
                scalars.remove(at: position)
                return primaryCodes[letter]
            }
            highestBlockingClass = max(highestBlockingClass, combiningClass)
            position += 1
        }
        return nil
    }

    /// Secondary weight of an accent: one byte for known accents, otherwise `~` plus three bytes of the code point.
    static func markWeight(_ value: UInt32) -> [UInt8] {
        markWeights[value] ?? [otherMarkLead] + encode(value)
    }

    /// NFKD of a compatibility character (ｆ, ², ﬁ, no-break space…), which ICU sorts like its decomposition;
    /// spacing accents such as "¨" (space + mark) keep their own weight, as in ICU.
    static func compatibilityDecomposition(of scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        guard scalar.properties.changesWhenNFKCCaseFolded else { return nil }
        let decomposed = Array(String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars)
        if decomposed.isEmpty || decomposed.contains(scalar) { return nil }
        if decomposed.count > 1 && decomposed[0] == " " { return nil }
        return decomposed
    }

    /// Primary code for everything else, grouped the way ICU groups scripts and symbols, ordered by code point inside.
    static func fallbackPrimary(_ scalar: Unicode.Scalar) -> [UInt8] {
        let properties = scalar.properties
        if properties.isWhitespace { return [primaryCodes[0x20]!] }
        if properties.numericType == .decimal, let digit = properties.numericValue {
            return [primaryCodes[UInt32(0x30 + Int(digit))]!]
        }
        switch properties.generalCategory {
        case .currencySymbol:
            return [currencyLead] + encode(scalar.value)
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .modifierSymbol, .otherSymbol:
            return [otherSymbolLead] + encode(scalar.value)
        default:
            // Letters of other scripts: caseless primary (α before Ω, as in ICU); case goes to the case level.
            let lowercase = properties.lowercaseMapping.unicodeScalars
            let value = lowercase.count == 1 ? lowercase.first!.value : scalar.value
            return [otherLetterLead] + encode(value)
        }
    }

    /// Three order-preserving base-90 bytes; code points above 728 999 (unassigned and private-use planes) share one.
    static func encode(_ value: UInt32) -> [UInt8] {
        let base = UInt32(alphabet.count)
        let clamped = min(value, base * base * base - 1)
        return [
            alphabet[Int(clamped / (base * base))],
            alphabet[Int(clamped / base % base)],
            alphabet[Int(clamped % base)],
        ]
    }
}
