import Foundation

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
