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
    static func sortKeyBuilder(_ text: String) -> SortKeyBuilder {
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
