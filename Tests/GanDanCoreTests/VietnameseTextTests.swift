import Foundation
import Testing

@testable import GanDanCore

@Suite("VietnameseText")
struct VietnameseTextTests {
    // MARK: - Helpers

    private static let vietnamese = Locale(identifier: "vi")

    /// ICU's Vietnamese collation as exposed by Foundation. Both sides are NFD-normalised first: on Linux, the
    /// CoreFoundation fast path for precomposed text is not antisymmetric for some pairs (e.g. "aà" vs "â" compares
    /// `.orderedDescending` both ways), whereas decomposed input goes straight to ICU and is consistent.
    private static func icuCompare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        lhs.decomposedStringWithCanonicalMapping.compare(
            rhs.decomposedStringWithCanonicalMapping,
            locale: vietnamese
        )
    }

    private static func icuSorted(_ strings: [String]) -> [String] {
        strings.sorted { icuCompare($0, $1) == .orderedAscending }
    }

    private static func keySorted(_ strings: [String]) -> [String] {
        strings.map { (key: VietnameseText.sortKey($0), text: $0) }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map(\.text)
    }

    /// Asserts that both the sort key and ICU put `expected` in exactly this order.
    private static func expectOrder(_ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let shuffled = Array(expected.reversed())
        #expect(keySorted(shuffled) == expected, "sortKey order", sourceLocation: sourceLocation)
        #expect(icuSorted(shuffled) == expected, "ICU order", sourceLocation: sourceLocation)
    }

    // MARK: - searchKey

    @Test("\"duong\" finds \"Đường\"")
    func duongFindsDuong() {
        #expect(VietnameseText.searchKey("Đường") == "duong")
        #expect(VietnameseText.searchKey("duong") == VietnameseText.searchKey("ĐƯỜNG"))
        #expect(VietnameseText.searchKey("La Văn Đường").contains(VietnameseText.searchKey("duong")))
    }

    @Test("\"hoan\" matches \"Hoàn\" and \"Hoan\"")
    func hoanMatchesHoanWithAndWithoutTone() {
        let query = VietnameseText.searchKey("hoan")
        #expect(VietnameseText.searchKey("Hoàn") == query)
        #expect(VietnameseText.searchKey("Hoan") == query)
        #expect(VietnameseText.searchKey("HOÀN") == query)
    }

    @Test("searchKey strips every Vietnamese diacritic, precomposed or decomposed")
    func searchKeyStripsDiacritics() {
        let text = "Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ Ế Ề Ể Ễ Ệ ố ồ ổ ỗ ộ Ớ Ờ Ở Ỡ Ợ ứ ừ ử ữ ự Ý Ỳ Ỷ Ỹ Ỵ đ Đ"
        let expected = "a a a a a a a a a a e e e e e o o o o o o o o o o u u u u u y y y y y d d"
        #expect(VietnameseText.searchKey(text) == expected)
        #expect(VietnameseText.searchKey(text.decomposedStringWithCanonicalMapping) == expected)
    }

    @Test("searchKey collapses whitespace and trims")
    func searchKeyCollapsesWhitespace() {
        #expect(VietnameseText.searchKey("  Nguyễn \t Thị\n\nMinh\u{00A0}Khai  ") == "nguyen thi minh khai")
        #expect(VietnameseText.searchKey(" \t\n ").isEmpty)
        #expect(VietnameseText.searchKey("").isEmpty)
    }

    // MARK: - sortKey: Vietnamese alphabet

    @Test("đ sorts after every d-word")
    func dStrokeSortsAfterD() {
        // ICU (vi) has "Dương" < "Đào": đ is a separate letter after d, whatever follows it.
        #expect(Self.icuCompare("Dương", "Đào") == .orderedAscending)
        #expect(VietnameseText.sortKey("Dương") < VietnameseText.sortKey("Đào"))
        Self.expectOrder(["Da", "Dũng", "Duy", "Dương", "Dy", "Dzung", "đa", "Đa", "Đào", "Đinh", "E"])
    }

    @Test("ă and â sort after a")
    func aBreveAndCircumflexSortAfterA() {
        Self.expectOrder(["a", "Anh", "Ay", "ă", "Ăn", "ăy", "â", "Ân", "ây", "b"])
    }

    @Test("ô and ơ sort after o")
    func oCircumflexAndHornSortAfterO() {
        Self.expectOrder(["o", "Oanh", "oz", "ô", "Ông", "ôz", "ơ", "Ơn", "ơz", "p"])
    }

    @Test("ư sorts after u")
    func uHornSortsAfterU() {
        Self.expectOrder(["u", "Uyên", "uz", "ư", "Ước", "ưz", "v"])
    }

    @Test("ê sorts after e, and f j w z keep their Latin places")
    func eCircumflexAndForeignLetters() {
        Self.expectOrder(["e", "ez", "ê", "f", "g", "i", "j", "k", "v", "w", "x", "y", "z"])
    }

    // MARK: - sortKey: tones, case, other characters

    @Test("tones order: none, huyền, hỏi, ngã, sắc, nặng")
    func toneOrdering() {
        Self.expectOrder(["ma", "mà", "mả", "mã", "má", "mạ"])
        Self.expectOrder(["ưa", "ừa", "ửa", "ữa", "ứa", "ựa"])
    }

    @Test("base letters of the whole string are compared before tones")
    func tonesAreSecondary() {
        // "bạn" < "bang" although nặng is the heaviest tone: the base letters "ban" < "bang" decide first.
        Self.expectOrder(["bạn", "bang", "bàng", "báo"])
        // Between equal base letters, an earlier tone outweighs a later one.
        Self.expectOrder(["ab", "ab\u{0300}", "\u{00E0}b"])
    }

    @Test("lowercase sorts before uppercase, after tones")
    func caseIsTertiary() {
        Self.expectOrder(["an", "An", "AN", "àn", "Àn"])
        Self.expectOrder(["đ", "Đ", "đa"])
    }

    @Test("precomposed and decomposed input give the same key")
    func normalisationInsensitive() {
        for text in ["Nguyễn Thị Ánh", "Đặng Hữu Ước", "ặ", "Ợ"] {
            #expect(VietnameseText.sortKey(text) == VietnameseText.sortKey(text.decomposedStringWithCanonicalMapping))
        }
        // Non-canonical mark order still forms the same letter (ICU's discontiguous contraction).
        #expect(VietnameseText.sortKey("a\u{0306}\u{0323}") == VietnameseText.sortKey("ặ"))
    }

    @Test("spaces sort before punctuation, digits and letters")
    func spacesDigitsAndPunctuation() {
        Self.expectOrder(["", " ", "-", "1", "10", "2", "a", "a b", "a-b", "a1", "ab"])
        Self.expectOrder(["Le Van", "Le-Van", "Lea", "Lê"])
    }

    @Test("keys are printable ASCII without quotes or backslashes, for any input")
    func keysArePlainASCII() {
        let inputs = [
            "", " ", "\t\n", "Nguyễn Văn A", "中文名字", "😀👨‍👩‍👧", "\u{0301}\u{0323}", "a\u{200B}b\u{00AD}",
            "\u{0}\u{7F}\u{85}", "Ωμέγα Жук", "ß æ ø ł ð", "ﬁ ² ½ ａ", "\"quoted\" 'single' \\back\\", "\u{10FFFD}",
        ]
        for input in inputs {
            _ = VietnameseText.searchKey(input)
            let keys = VietnameseText.sortKey(input) + VietnameseText.personNameSortKey(input)
            let unexpected = keys.utf8.filter { !(0x21...0x7E).contains($0) || [0x22, 0x27, 0x5C, 0x60].contains($0) }
            #expect(unexpected.isEmpty, "\(input.debugDescription)")
        }
    }

    @Test("sortKey agrees with ICU on a few thousand generated Vietnamese names")
    func generatedNamesMatchICU() {
        // Letters and spaces only: ICU and the key also agree on ASCII punctuation and digits, but non-ASCII
        // punctuation is only approximated by the key, and names do not need it.
        // Every base name also gets two re-toned variants, so many names share their base letters and the
        // tone (secondary) and case (tertiary) levels are exercised, not just the letters.
        var generator = SplitMix64(seed: 0x6761_6E64_616E)
        var seen = Set<String>()
        var names: [String] = []
        while names.count < 3000 {
            var words = [NameLists.family[generator.next(below: NameLists.family.count)]]
            for _ in 0..<generator.next(below: 3) {
                words.append(NameLists.middle[generator.next(below: NameLists.middle.count)])
            }
            words.append(NameLists.given[generator.next(below: NameLists.given.count)])
            let base = words.joined(separator: " ")
            let variants = [base, NameLists.retone(base, using: &generator), NameLists.retone(base, using: &generator)]
            for variant in variants {
                var name = variant
                switch generator.next(below: 8) {
                case 0: name = name.uppercased()
                case 1: name = name.lowercased()
                default: break
                }
                if generator.next(below: 2) == 0 { name = name.decomposedStringWithCanonicalMapping }
                if seen.insert(name).inserted { names.append(name) }
            }
        }

        let byKey = Self.keySorted(names)
        let byICU = Self.icuSorted(names)
        #expect(byKey.count == byICU.count)
        let firstDifference = zip(byKey, byICU).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "key vs ICU order at \(String(describing: firstDifference))")
        // Strictly ascending neighbours: the key order is ICU's order, not just one of several tie orders.
        let misordered = zip(byKey, byKey.dropFirst()).first { Self.icuCompare($0, $1) != .orderedAscending }
        #expect(misordered == nil, "ICU disagrees with \(String(describing: misordered))")
    }

    @Test("the generated names cover every Vietnamese diacritic")
    func nameListsCoverAllDiacritics() {
        // Lowercase đ comes from the lowercased variants the generator also produces.
        let text = (NameLists.family + NameLists.middle + NameLists.given).joined()
        let scalars = Set((text + text.lowercased()).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
        // Grave, hook above, tilde, acute, dot below; breve, circumflex, horn; đ and Đ.
        for value: UInt32 in [0x300, 0x309, 0x303, 0x301, 0x323, 0x306, 0x302, 0x31B, 0x111, 0x110] {
            #expect(scalars.contains(value), "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    // MARK: - personNameSortKey

    @Test("person names sort by given name: An, Bình, Đường")
    func personNamesSortByGivenName() {
        let names = ["Nguyễn Văn Bình", "Hoàng Văn An", "La Văn Đường"]
        let sorted = names.sorted { VietnameseText.personNameSortKey($0) < VietnameseText.personNameSortKey($1) }
        #expect(sorted == ["Hoàng Văn An", "Nguyễn Văn Bình", "La Văn Đường"])
    }

    @Test("\"Hoàng Văn Hoan\" sorts under \"Hoan\", ties broken by the whole name")
    func personNamesTieBreakOnWholeName() {
        let names = ["Vũ Hoàn", "Hoàng Văn Hoan", "Trần An", "Hoàng Văn An", "Lê Hoan", "Nguyễn Hòa", "An"]
        let sorted = names.sorted { VietnameseText.personNameSortKey($0) < VietnameseText.personNameSortKey($1) }
        #expect(sorted == ["An", "Hoàng Văn An", "Trần An", "Nguyễn Hòa", "Hoàng Văn Hoan", "Lê Hoan", "Vũ Hoàn"])
    }

    @Test("person name keys ignore extra whitespace and handle empty input")
    func personNameWhitespace() {
        #expect(
            VietnameseText.personNameSortKey("  Hoàng   Văn\tAn ") == VietnameseText.personNameSortKey("Hoàng Văn An")
        )
        #expect(VietnameseText.personNameSortKey("") < VietnameseText.personNameSortKey("An"))
    }
}

/// SplitMix64: a tiny seeded PRNG so the generated names are the same on every run and platform.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

/// Family, middle and given names covering all tones on all vowels, ă â ê ô ơ ư and đ.
private enum NameLists {
    static let tones: [Unicode.Scalar] = ["\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]

    /// Replaces the tone of each word by a random tone (or none) on a random vowel of that word.
    static func retone(_ name: String, using generator: inout SplitMix64) -> String {
        let words = name.split(separator: " ").map { word in
            var scalars = Array(word.decomposedStringWithCanonicalMapping.unicodeScalars).filter { !tones.contains($0) }
            let vowels = scalars.indices.filter { "aeiouyAEIOUY".unicodeScalars.contains(scalars[$0]) }
            let tone = generator.next(below: tones.count + 1)
            if tone < tones.count, !vowels.isEmpty {
                var position = vowels[generator.next(below: vowels.count)] + 1
                while position < scalars.count, scalars[position].properties.canonicalCombiningClass.rawValue != 0 {
                    position += 1
                }
                scalars.insert(tones[tone], at: position)
            }
            return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
        }
        return words.joined(separator: " ")
    }

    static let family = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
        "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Phùng", "Mai", "Tô", "Hà", "Tạ", "Cao",
        "Lương", "Quách", "Âu", "Ông", "Ưng", "Khổng", "Mẫn", "Giáp", "Ân", "Ấu", "Ứng", "Ỷ",
    ]
    static let middle = [
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân", "Thu", "Bảo", "Gia", "Kim", "Mỹ",
        "Thùy", "Thuỳ", "Công", "Đình", "Quốc", "Hoài", "Khánh", "Anh", "Diễm", "Tường", "Nhật", "Phước", "Ỹ",
    ]
    static let given = [
        "An", "Ân", "Ấn", "Ẩn", "Anh", "Ánh", "Ắc", "Bình", "Bích", "Cường", "Chi", "Dũng", "Dung", "Duy", "Đạt",
        "Đông", "Giang", "Hà", "Hải", "Hạnh", "Hằng", "Hiếu", "Hoa", "Hòa", "Hoà", "Hoan", "Hoàn", "Hoán", "Hùng",
        "Hương", "Hường", "Huy", "Khoa", "Kiên", "Lan", "Linh", "Loan", "Long", "Lộc", "Mai", "Minh", "Nga", "Ngà",
        "Ngân", "Nguyệt", "Nhung", "Oanh", "Ơn", "Phong", "Phúc", "Phượng", "Quân", "Quyên", "Sơn", "Tâm", "Thảo",
        "Thắng", "Thẳng", "Thủy", "Thuỷ", "Tiến", "Trang", "Trí", "Trung", "Tú", "Tuấn", "Tuệ", "Uyên", "Ửng",
        "Ước", "Vân", "Việt", "Vy", "Vỹ", "Xuân", "Yến", "Ý", "Ỳ", "Ỵ", "Đẩu", "Ễ", "Ỡ", "Ợi", "Ẵng", "Ặc",
    ]
}
