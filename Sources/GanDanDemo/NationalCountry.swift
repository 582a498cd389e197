import GanDanCore

/// The prefixes of invented identifiers, so that generated people never collide across provinces and never look
/// real: a citizen ID's first three digits name the province of registration, and none used here exists.
struct InventedIdentity: Sendable, Hashable {
    var citizenIDProvince: String
    var phonePrefix: String
    var cardPrefix: String

    /// The Na Hang demo's: "000" (no province), "0100" (no network since 2018), "DV-08" (Tuyên Quang's 08).
    static let naHang = InventedIdentity(
        citizenIDProvince: "000", phonePrefix: NaHangDemo.phonePrefix, cardPrefix: "DV-08")

    /// Province `index` (0-based) of the national dataset: citizen IDs "9NN…" (provinces are numbered up to 096),
    /// phones "01NN…" (no network), cards "DV-9NN…".
    static func national(_ index: Int) -> InventedIdentity {
        let number = ScaleProvince.two(index + 1)
        return InventedIdentity(
            citizenIDProvince: "9" + number, phonePrefix: "01" + number, cardPrefix: "DV-9" + number)
    }
}

/// The size of the generated country for the national benchmark (bench/national, issue 22).
public struct NationalShape: Sendable, Hashable {
    public var provinces: Int
    public var communes: Int
    public var villagesPerCommune: Int
    public var members: Int
    public var seed: UInt64

    public init(provinces: Int, communes: Int, villagesPerCommune: Int, members: Int, seed: UInt64) {
        self.provinces = provinces
        self.communes = communes
        self.villagesPerCommune = villagesPerCommune
        self.members = members
        self.seed = seed
    }

    /// The 2025 structure: 34 provinces, 3,321 communes, 30 villages each, 5.5 million members.
    public static let full = NationalShape(
        provinces: 34, communes: 3_321, villagesPerCommune: 30, members: 5_500_000, seed: 2025)

    /// Communes of province `index`: the first provinces take the remainder.
    public func communes(ofProvince index: Int) -> Int {
        communes / provinces + (index < communes % provinces ? 1 : 0)
    }

    /// Members of province `index`: the first provinces take the remainder.
    public func members(ofProvince index: Int) -> Int {
        members / provinces + (index < members % provinces ? 1 : 0)
    }

    /// Why the shape cannot be generated, or nil: codes have two digits for provinces and three for communes, and
    /// every cell needs three full members (rules.md R1).
    public var problem: String? {
        if !(1...99).contains(provinces) { return "provinces must be 1–99" }
        if communes < provinces || communes / provinces > 998 { return "communes must be 1–998 per province" }
        if !(1...99).contains(villagesPerCommune) { return "villages per commune must be 1–99" }
        let cells = (communes / provinces + 1) * (villagesPerCommune + 1)
        if members / provinces < cells * 3 { return "members must be at least 3 per cell (\(cells * 3 * provinces))" }
        return nil
    }
}

/// The generated country, one province at a time: since 1 July 2025 a province's communes stand directly under it
/// (no districts), each commune with its party committee and agency cell, each village with its cell, and members
/// in every cell, drawn as bench/scale's province is (`ScaleProvince`). Deterministic from the seed and the
/// province's number, so each province can be generated, imported and dropped on its own.
public enum NationalCountry {
    /// The code of province `index` (0-based): "P01"…; communes are "P01001"…, villages "P01001.01"….
    public static func provinceCode(_ index: Int) -> String { "P" + ScaleProvince.two(index + 1) }

    /// The first three digits of the invented citizen IDs of province `index` (0-based): "901"…, no real province.
    public static func citizenIDPrefix(province index: Int) -> String { "9" + ScaleProvince.two(index + 1) }

    /// The code of commune `commune` (0-based) of province `province`.
    public static func communeCode(province: Int, commune: Int) -> String {
        let number = commune + 1
        return provinceCode(province) + (number < 10 ? "00" : number < 100 ? "0" : "") + "\(number)"
    }

    /// The units, organisations and members of province `index`.
    public static func province(_ index: Int, of shape: NationalShape) -> OrganisationDataset {
        var builder = NaHangDemoBuilder(seed: shape.seed &+ UInt64(index) &* 7_919)
        builder.identity = .national(index)
        return builder.buildNationalProvince(index, shape: shape)
    }
}

extension NaHangDemoBuilder {
    /// The country's mix: mostly Kinh, then the mountain peoples the name lists know.
    static let nationalEthnicities = [("Kinh", 82), ("Tày", 7), ("Nùng", 4), ("Dao", 4), ("Mông", 3)]

    /// The province's unit and committee, its communes, then the members of every cell in turn.
    mutating func buildNationalProvince(_ index: Int, shape: NationalShape) -> OrganisationDataset {
        let validity = Validity(from: NaHangDemo.unitsValidFrom)
        let province = NationalCountry.provinceCode(index)
        let committee = OrganisationDraft.committeeCode(unitCode: province)
        let name = "Tỉnh Mẫu \(index + 1)"
        units.append(UnitDraft(code: province, kind: .province, name: name, parentCode: nil, validity: validity))
        organisations.append(
            OrganisationDraft(
                code: committee, kind: .provincialCommittee, name: "Đảng bộ \(name.lowercased())", unitCode: province,
                parentCode: nil, validity: Validity(from: Self.yearStart(1945))))
        var cells: [ScaleCell] = []
        for commune in 0..<shape.communes(ofProvince: index) {
            cells += nationalCommune(province: index, commune: commune, shape: shape, committee: committee)
        }
        let total = shape.members(ofProvince: index)
        let perCell = total / max(cells.count, 1)
        let remainder = total - perCell * cells.count
        for (position, cell) in cells.enumerated() {
            if position % (shape.villagesPerCommune + 1) == 0 { communeNames = [] }
            for rank in 0..<(perCell + (position < remainder ? 1 : 0)) {
                members.append(
                    scaleMember(
                        standing: scaleStanding(rank), cellCode: cell.code, villageCode: cell.village,
                        founded: cell.founded, ethnicity: cell.ethnicity, mix: Self.nationalEthnicities))
            }
        }
        return OrganisationDataset(units: units, organisations: organisations, members: members)
    }

    /// One commune under the province: its unit, committee and agency cell, and its villages with a cell each;
    /// returns the cells, the agency cell first (its members live in the commune's first village).
    mutating func nationalCommune(province: Int, commune: Int, shape: NationalShape, committee: String)
        -> [ScaleCell]
    {
        let validity = Validity(from: NaHangDemo.unitsValidFrom)
        let code = NationalCountry.communeCode(province: province, commune: commune)
        let name = Self.scaleName(Self.scaleCommuneNames, commune)
        units.append(
            UnitDraft(
                code: code, kind: .commune, name: name, parentCode: NationalCountry.provinceCode(province),
                validity: validity))
        let grassroots = OrganisationDraft.committeeCode(unitCode: code)
        organisations.append(
            OrganisationDraft(
                code: grassroots, kind: .grassrootsCommittee, name: "Đảng bộ xã \(name)", unitCode: code,
                parentCode: committee, validity: Validity(from: Self.yearStart(1960))))
        let agency = OrganisationDraft.agencyCellCode(communeCode: code)
        let agencyFounded = Self.yearStart(1980)
        organisations.append(
            OrganisationDraft(
                code: agency, kind: .communeAgencyCell, name: "Chi bộ cơ quan xã \(name)", unitCode: code,
                parentCode: grassroots, validity: Validity(from: agencyFounded)))
        var cells: [ScaleCell] = []
        var usedNames: Set<String> = []
        for village in 1...shape.villagesPerCommune {
            let villageCode = UnitDraft.villageCode(communeCode: code, localCode: ScaleProvince.two(village))
            let villageName = scaleVillageName(avoiding: &usedNames)
            let ethnicity = random.weighted(Self.nationalEthnicities)
            let kind: UnitKind = ethnicity == "Mông" ? .hamlet : .village
            units.append(
                UnitDraft(
                    code: villageCode, kind: kind, name: villageName, parentCode: code, validity: validity,
                    profile: scaleProfile()))
            let cellCode = OrganisationDraft.villageCellCode(villageCode: villageCode)
            let founded = random.date(from: Self.yearStart(1960), through: Self.yearEnd(2005))
            organisations.append(
                OrganisationDraft(
                    code: cellCode, kind: .villageCell, name: Self.villageCellName(kind: kind, name: villageName),
                    unitCode: villageCode, parentCode: grassroots, validity: Validity(from: founded)))
            if village == 1 { cells.append((agency, villageCode, agencyFounded, "Kinh")) }
            cells.append((cellCode, villageCode, founded, ethnicity))
        }
        return cells
    }
}
