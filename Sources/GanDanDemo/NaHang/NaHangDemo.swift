import GanDanCore

/// The demo data set: Na Hang district, Tuyên Quang, in March 2019, before its 12 commune agency cells
/// were dissolved (rules.md A1, C). Places and officials follow the article; everyone else is invented.
///
/// The output is deterministic: a fixed-seed generator drives every choice, so each run on each machine
/// yields the same units, organisations and members.
public enum NaHangDemo {
    /// The day the demo depicts: mid-March 2019, before the agency cells were dissolved (rules.md A1).
    public static let referenceDate = CivilDate.on(2019, 3, 15)

    /// The day the demo's units take effect; the official code list the codes come from dates from 2008.
    public static let unitsValidFrom = CivilDate.on(2008, 1, 1)

    /// Tuyên Quang province.
    public static let provinceCode = "08"
    /// Na Hang district.
    public static let districtCode = "072"
    /// Thị trấn Na Hang, the district's only township.
    public static let townshipCode = "02221"
    /// Xã Nà Hang from 1-7-2025 (issue 19): the township, Năng Khả and Thanh Tương; it took the township's code.
    public static let newNaHangCode = "02221"
    /// The day the 2025 two-level structure took effect: Na Hang district ends the day before.
    public static let restructureDate = CivilDate.on(2025, 7, 1)
    /// Thanh Tương: Hoàng Văn Hoan's commune; its farthest village is Nà Coóc (rules.md C).
    public static let thanhTuongCode = "02284"
    /// Năng Khả: La Văn Đường's commune; Bản Tùn has 10 poor households (rules.md A6).
    public static let nangKhaCode = "02281"
    /// Hồng Thái: Khuổi Phầy's commune, where Hoàng Văn Tài is cell secretary (rules.md C).
    public static let hongThaiCode = "02254"

    /// The official codes of Na Hang's 12 communes, township first (rules.md C).
    public static let communeCodes = communes.map(\.code)

    /// Nà Coóc, Thanh Tương: 19 km from the centre, the commune's weakest cell (rules.md A3).
    public static let naCoocVillageCode = UnitDraft.villageCode(communeCode: thanhTuongCode, localCode: "11")
    /// Nà Làng, Thanh Tương.
    public static let naLangVillageCode = UnitDraft.villageCode(communeCode: thanhTuongCode, localCode: "02")
    /// Bản Tùn, Năng Khả: 10 remaining poor households (rules.md A6).
    public static let banTunVillageCode = UnitDraft.villageCode(communeCode: nangKhaCode, localCode: "05")
    /// Lũng Giang, Năng Khả: the commune's farthest village (research.md §9).
    public static let lungGiangVillageCode = UnitDraft.villageCode(communeCode: nangKhaCode, localCode: "08")
    /// Khuổi Phầy, Hồng Thái: the pear-growing village (rules.md A6); the name recurs in Bắc Kạn (rules.md R27).
    public static let khuoiPhayVillageCode = UnitDraft.villageCode(communeCode: hongThaiCode, localCode: "06")

    /// Hoàng Văn Hoan: Thanh Tương's deputy party secretary and People's Committee chairman.
    public static let hoangVanHoan = "Hoàng Văn Hoan"
    /// La Văn Đường: vice-chairman of Năng Khả's People's Committee.
    public static let laVanDuong = "La Văn Đường"
    /// Hoàng Văn Tài: secretary of the Khuổi Phầy village cell, Hồng Thái.
    public static let hoangVanTai = "Hoàng Văn Tài"
    /// Năng Khả's Youth Union secretary; the article does not name her, so she is invented.
    public static let nangKhaYouthSecretary = "Ma Thị Thu"

    /// The seed of the demo's generator; changing it changes every invented detail.
    static let seed: UInt64 = 0x4E61_4861_6E67_2019

    /// Builds the whole demo: province, district, communes, villages, organisations and members.
    public static func dataset() -> OrganisationDataset {
        var builder = NaHangDemoBuilder(seed: seed)
        return builder.build()
    }
}
