import GanDanCore

/// A village the sources name, with its place in the commune and any facts they give (rules.md C).
struct NaHangNamedVillage: Sendable {
    let localCode: String
    let name: String
    /// A fixed profile when the article states facts about the village; nil to generate one.
    let profile: VillageProfile?
    /// The commune's farthest village: generated neighbours stay nearer (rules.md A3).
    let farthest: Bool
    /// The main ethnicity of the residents when a source states it.
    let ethnicity: String?
    /// The cell's size when a source states it.
    let cellSize: Int?

    init(
        _ localCode: String, _ name: String, profile: VillageProfile? = nil, farthest: Bool = false,
        ethnicity: String? = nil, cellSize: Int? = nil
    ) {
        self.localCode = localCode
        self.name = name
        self.profile = profile
        self.farthest = farthest
        self.ethnicity = ethnicity
        self.cellSize = cellSize
    }
}

/// One commune of Na Hang as the demo lays it out.
struct NaHangCommune: Sendable {
    let code: String
    let name: String
    let kind: UnitKind
    let villageCount: Int
    let namedVillages: [NaHangNamedVillage]
    /// Relative weights of the ethnicities living in the commune.
    let ethnicMix: [(String, Int)]

    /// "xã" or "thị trấn", as used in organisation names ("Đảng bộ xã Thanh Tương").
    var kindWord: String { kind == .township ? "thị trấn" : "xã" }
}

extension NaHangDemo {
    /// Na Hang's 12 communes with their official codes (rules.md C); village counts are invented.
    static let communes: [NaHangCommune] = [
        NaHangCommune(
            code: townshipCode, name: "Na Hang", kind: .township, villageCount: 8, namedVillages: [],
            ethnicMix: [("Tày", 45), ("Kinh", 45), ("Dao", 10)]),
        commune("02227", "Sinh Long", villages: 11, mix: [("Dao", 50), ("Mông", 30), ("Tày", 20)]),
        commune("02230", "Thượng Giáp", villages: 9, mix: [("Dao", 50), ("Mông", 25), ("Tày", 25)]),
        commune("02239", "Thượng Nông", villages: 12, mix: [("Tày", 60), ("Dao", 30), ("Mông", 10)]),
        commune("02245", "Côn Lôn", villages: 10, mix: [("Tày", 55), ("Dao", 35), ("Kinh", 10)]),
        commune("02248", "Yên Hoa", villages: 13, mix: [("Tày", 60), ("Dao", 30), ("Kinh", 10)]),
        commune(
            hongThaiCode, "Hồng Thái", villages: 10, mix: [("Tày", 55), ("Dao", 40), ("Kinh", 5)], named: hongThai),
        commune("02260", "Đà Vị", villages: 14, mix: [("Tày", 65), ("Dao", 25), ("Kinh", 10)]),
        commune("02263", "Khau Tinh", villages: 8, mix: [("Dao", 50), ("Mông", 30), ("Tày", 20)]),
        commune("02275", "Sơn Phú", villages: 12, mix: [("Tày", 60), ("Dao", 30), ("Kinh", 10)]),
        commune(nangKhaCode, "Năng Khả", villages: 13, mix: [("Tày", 65), ("Dao", 25), ("Kinh", 10)], named: nangKha),
        commune(
            thanhTuongCode, "Thanh Tương", villages: 14, mix: [("Tày", 60), ("Dao", 20), ("Kinh", 20)],
            named: thanhTuong),
    ]

    private static func commune(
        _ code: String, _ name: String, villages: Int, mix: [(String, Int)], named: [NaHangNamedVillage] = []
    ) -> NaHangCommune {
        NaHangCommune(
            code: code, name: name, kind: .commune, villageCount: villages, namedVillages: named, ethnicMix: mix)
    }

    /// Thanh Tương: Nà Coóc is the farthest (19 km) and among the poorest villages (rules.md A3).
    private static let thanhTuong: [NaHangNamedVillage] = [
        NaHangNamedVillage("02", "Nà Làng"),
        NaHangNamedVillage(
            "11", "Nà Coóc",
            profile: VillageProfile(
                distanceKm: 19, households: 84, poorHouseholds: 36, povertyStandard: povertyStandard,
                povertyYear: povertyYear, ethnicMinority: true, mountain: true),
            farthest: true, ethnicity: "Dao"),
    ]

    /// Năng Khả: Bản Tùn has 10 poor households (rules.md A6); Lũng Giang is the farthest (research.md §9).
    private static let nangKha: [NaHangNamedVillage] = [
        NaHangNamedVillage("01", "Nà Vai"),
        NaHangNamedVillage("02", "Nà Khá"),
        NaHangNamedVillage("03", "Bản Nuầy"),
        NaHangNamedVillage(
            "05", "Bản Tùn",
            profile: VillageProfile(
                distanceKm: 13, households: 60, poorHouseholds: 10, povertyStandard: povertyStandard,
                povertyYear: povertyYear, ethnicMinority: true, mountain: true),
            ethnicity: "Tày"),
        NaHangNamedVillage(
            "08", "Lũng Giang",
            profile: VillageProfile(
                distanceKm: 16, households: 73, poorHouseholds: 27, povertyStandard: povertyStandard,
                povertyYear: povertyYear, ethnicMinority: true, mountain: true),
            farthest: true, ethnicity: "Dao"),
        NaHangNamedVillage("09", "Lũng Trúc"),
    ]

    /// Hồng Thái: Nà Kiếm is a Dao village with a cell of 14 (research.md §2); Khuổi Phầy grows pears (A6). Khuổi Phầy's
    /// profile is invented (docs/demo.md): 10 km out and 15 % poor, so its key official's placement is not marginal.
    private static let hongThai: [NaHangNamedVillage] = [
        NaHangNamedVillage("01", "Nà Kiếm", ethnicity: "Dao", cellSize: 14),
        NaHangNamedVillage("04", "Khâu Tràng"),
        NaHangNamedVillage(
            "06", "Khuổi Phầy",
            profile: VillageProfile(
                distanceKm: 10, households: 130, poorHouseholds: 20, povertyStandard: povertyStandard,
                povertyYear: povertyYear, ethnicMinority: true, mountain: false),
            ethnicity: "Tày"),
    ]

    /// The poverty standard and year of every village's poor-household count (rules.md R25).
    static let povertyStandard = "2016-2020"
    static let povertyYear = 2018

    /// Every village name the sources give, kept out of the invented names.
    static let sourceVillageNames: Set<String> = Set(
        communes.flatMap { $0.namedVillages.map(\.name) })
}
