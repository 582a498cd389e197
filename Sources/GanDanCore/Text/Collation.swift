import Foundation

/// Tables and helpers that mirror ICU's Vietnamese (CLDR `vi`) collation.
enum Collation {
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
