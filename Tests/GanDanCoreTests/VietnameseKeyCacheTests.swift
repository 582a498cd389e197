import Testing

@testable import GanDanCore

@Suite("VietnameseText.KeyCache: the same keys word by word as for the whole text")
struct VietnameseKeyCacheTests {
    static let texts = [
        "Hoàng Văn Hoan", "HOÀNG VĂN HOAN", "  Nguyễn   Thị\tÁnh  ", "Đặng Đức Đạt", "Ma Thị Nhung",
        "Hoa\u{300}ng Va\u{306}n", "Lò Văn Ơn", "Ngô  Ưng", "A\u{00A0}B", "x¨y", "Ông Ñame O'Neil", "", " ",
        "Chi bộ thôn Nà Coóc", "\n\u{301}a  Ho\u{300}a\u{300}", "Hòa Hoa\u{300}", " \u{301}x", "a \u{301}",
        "a\u{3000}b", "a\r\nb", "Ngô\u{2003}Ưng",
        " Nguyễn  Thị  ", "Nguyễn Thị Ánh ", "Trịnh Thị Kiều Oanh", "ẞ Ḁ ỿ", "\u{600} x", "x\u{200B} y", "日本 語",
        "CQ-00001", "1980-02-03", "Nam", "Nữ",
        "nặng ngã hỏi",
    ]

    @Test(
        "search, sort and person-name sort keys, and normalised names, equal the uncached ones, whatever was cached before"
    )
    func sameKeys() {
        var cache = VietnameseText.KeyCache()
        for pass in 0..<2 {
            for text in Self.texts {
                #expect(cache.searchKey(text) == VietnameseText.searchKey(text), "pass \(pass): \(text)")
                #expect(cache.sortKey(text) == VietnameseText.sortKey(text), "pass \(pass): \(text)")
                #expect(
                    cache.personNameSortKey(text) == VietnameseText.personNameSortKey(text), "pass \(pass): \(text)")
                let normalised = cache.normalisedName(text)
                #expect(normalised == MemberValidation.normalisedName(text), "pass \(pass): \(text)")
                #expect(
                    Array(normalised.unicodeScalars) == Array(MemberValidation.normalisedName(text).unicodeScalars),
                    "pass \(pass): NFC scalars of \(text)")
            }
        }
    }

    @Test("a name's keys in one pass equal its normalised name and that name's uncached sort and search keys")
    func nameKeys() {
        var cache = VietnameseText.KeyCache()
        for pass in 0..<2 {
            for text in Self.texts {
                let keys = cache.nameKeys(text)
                let normalised = MemberValidation.normalisedName(text)
                #expect(Array(keys.name.unicodeScalars) == Array(normalised.unicodeScalars), "pass \(pass): \(text)")
                #expect(keys.sort == VietnameseText.personNameSortKey(normalised), "pass \(pass): \(text)")
                #expect(keys.search == VietnameseText.searchKey(normalised), "pass \(pass): \(text)")
            }
        }
    }

    @Test("words split at ASCII spaces only where Unicode splitting finds the same words")
    func spaceSplitting() {
        #expect(VietnameseText.KeyCache.splitsAtSpaces("Nguyễn Thị Ánh") && VietnameseText.KeyCache.splitsAtSpaces(""))
        #expect(VietnameseText.KeyCache.splitsAtSpaces("Hoa\u{300}ng Va\u{306}n  Hoan"))
        for text in ["a\tb", "a\u{A0}b", "a \u{301}b", "a\u{3000}b", "a\u{2003}b", "日本", "a\u{600} b", "a\r\nb"] {
            #expect(!VietnameseText.KeyCache.splitsAtSpaces(text), "\(text.debugDescription)")
        }
        for text in Self.texts {
            #expect(
                VietnameseText.KeyCache.words(text) == text.split(whereSeparator: \.isWhitespace),
                "\(text.debugDescription)")
        }
    }

    @Test("printable ASCII takes the short path and still lowercases and collapses whitespace")
    func asciiSearchKey() {
        #expect(VietnameseText.searchKey("  MALE \t Full ") == "male full")
        #expect(VietnameseText.searchKey("CQ-00001") == "cq-00001")
        #expect(VietnameseText.searchKey("Nữ") == "nu")
    }
}
