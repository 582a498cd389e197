import GanDanCore

/// The size of a generated province for the scale benchmark (bench/scale).
public struct ScaleProvinceShape: Sendable, Hashable {
    public var districts: Int
    public var communesPerDistrict: Int
    public var villagesPerCommune: Int
    /// Members in all, spread evenly over the village cells (the first cells take the remainder).
    public var members: Int
    public var seed: UInt64

    public init(districts: Int, communesPerDistrict: Int, villagesPerCommune: Int, members: Int, seed: UInt64) {
        self.districts = districts
        self.communesPerDistrict = communesPerDistrict
        self.villagesPerCommune = villagesPerCommune
        self.members = members
        self.seed = seed
    }

    /// The benchmark's province: 10 districts, 150 communes, 1,500 village cells and 60,000 members.
    public static let full = ScaleProvinceShape(
        districts: 10, communesPerDistrict: 15, villagesPerCommune: 10, members: 60_000, seed: 2019)

    public var communes: Int { districts * communesPerDistrict }
    public var villages: Int { communes * villagesPerCommune }

    /// Why the shape cannot be generated, or nil: codes have two digits per level, and every cell needs
    /// three full members (rules.md R1).
    public var problem: String? {
        if !(1...99).contains(districts) { return "districts must be 1–99" }
        if !(1...99).contains(communesPerDistrict) { return "communes per district must be 1–99" }
        if !(1...99).contains(villagesPerCommune) { return "villages per commune must be 1–99" }
        if members < villages * 3 { return "members must be at least 3 per village cell (\(villages * 3))" }
        if members > 2_000_000 { return "members must be at most 2,000,000" }
        return nil
    }
}

/// A generated province for the scale benchmark: one province, its districts, communes and villages, a party
/// committee per level, an agency cell per commune and a cell per village, and members in the village cells
/// with Vietnamese names, birth dates, citizen IDs and party dates (rules.md R1, R26, R27, R28).
///
/// It reuses the Na Hang demo's generators for people (names, dates, identifiers) and is deterministic:
/// the same shape and seed give the same province. Every invented citizen ID starts "000", which is no province.
public enum ScaleProvince {
    /// The province's code; the districts are "901"…, the communes "90101"…, the villages "90101.01"….
    public static let provinceCode = "90"
    /// The day the members' party histories are drawn up to, as in the demo.
    public static let referenceDate = NaHangDemo.referenceDate
    /// The placement day the benchmark's meeting history is centred on (12 months each side, rules.md A9).
    public static let placementDate = CivilDate.on(2019, 4, 25)

    /// The code of district `district` (0-based).
    public static func districtCode(_ district: Int) -> String { "9" + two(district + 1) }

    /// The code of commune `commune` (0-based) of district `district`.
    public static func communeCode(district: Int, commune: Int) -> String {
        districtCode(district) + two(commune + 1)
    }

    static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// The units, organisations and members of the province.
    public static func dataset(_ shape: ScaleProvinceShape) -> OrganisationDataset {
        var builder = NaHangDemoBuilder(seed: shape.seed)
        return builder.buildScaleProvince(shape)
    }
}

extension NaHangDemoBuilder {
    static let scaleEthnicities = [("Tày", 45), ("Dao", 20), ("Kinh", 18), ("Mông", 10), ("Nùng", 7)]
    static let scaleDistrictNames = [
        "Na Hang", "Lâm Bình", "Chiêm Hóa", "Hàm Yên", "Yên Sơn", "Sơn Dương", "Bắc Mê", "Đồng Văn", "Quản Bạ",
        "Vị Xuyên",
    ]
    static let scaleCommuneNames = [
        "Thanh Tương", "Năng Khả", "Hồng Thái", "Sơn Phú", "Đà Vị", "Khâu Tinh", "Yên Hoa", "Côn Lôn", "Sinh Long",
        "Thượng Giáp", "Thượng Nông", "Xuân Lập", "Phúc Yên", "Bình An", "Thổ Bình", "Minh Quang",
    ]

    /// Units, then organisations, then each village cell's members.
    mutating func buildScaleProvince(_ shape: ScaleProvinceShape) -> OrganisationDataset {
        let validity = Validity(from: NaHangDemo.unitsValidFrom)
        let province = ScaleProvince.provinceCode
        let provinceCommittee = OrganisationDraft.committeeCode(unitCode: province)
        units.append(UnitDraft(code: province, kind: .province, name: "Tỉnh Mẫu", parentCode: nil, validity: validity))
        organisations.append(
            OrganisationDraft(
                code: provinceCommittee, kind: .provincialCommittee, name: "Đảng bộ tỉnh Mẫu", unitCode: province,
                parentCode: nil, validity: Validity(from: Self.yearStart(1945))))
        var cells: [ScaleCell] = []
        for district in 0..<shape.districts {
            cells += scaleDistrict(district, shape: shape, provinceCommittee: provinceCommittee, validity: validity)
        }
        let perCell = shape.members / max(cells.count, 1)
        let remainder = shape.members - perCell * cells.count
        for (index, cell) in cells.enumerated() {
            if index % shape.villagesPerCommune == 0 { communeNames = [] }
            for position in 0..<(perCell + (index < remainder ? 1 : 0)) {
                members.append(
                    scaleMember(
                        standing: scaleStanding(position), cellCode: cell.code, villageCode: cell.village,
                        founded: cell.founded, ethnicity: cell.ethnicity))
            }
        }
        return OrganisationDataset(units: units, organisations: organisations, members: members)
    }

    /// A village cell of the generated province, before its members are drawn.
    typealias ScaleCell = (code: String, village: String, founded: CivilDate, ethnicity: String)

    /// One district: its unit and committee, its communes with their committees and agency cells, and their villages
    /// with a cell each; returns the village cells.
    mutating func scaleDistrict(
        _ district: Int, shape: ScaleProvinceShape, provinceCommittee: String, validity: Validity
    ) -> [ScaleCell] {
        let province = ScaleProvince.provinceCode
        var cells: [ScaleCell] = []
        let code = ScaleProvince.districtCode(district)
        let name = Self.scaleName(Self.scaleDistrictNames, district)
        units.append(UnitDraft(code: code, kind: .district, name: name, parentCode: province, validity: validity))
        let committee = OrganisationDraft.committeeCode(unitCode: code)
        organisations.append(
            OrganisationDraft(
                code: committee, kind: .districtCommittee, name: "Đảng bộ huyện \(name)", unitCode: code,
                parentCode: provinceCommittee, validity: Validity(from: Self.yearStart(1947))))
        for commune in 0..<shape.communesPerDistrict {
            let communeCode = ScaleProvince.communeCode(district: district, commune: commune)
            let communeName = Self.scaleName(Self.scaleCommuneNames, commune)
            units.append(
                UnitDraft(
                    code: communeCode, kind: .commune, name: communeName, parentCode: code, validity: validity))
            let grassroots = OrganisationDraft.committeeCode(unitCode: communeCode)
            organisations.append(
                OrganisationDraft(
                    code: grassroots, kind: .grassrootsCommittee, name: "Đảng bộ xã \(communeName)",
                    unitCode: communeCode, parentCode: committee, validity: Validity(from: Self.yearStart(1960))))
            organisations.append(
                OrganisationDraft(
                    code: OrganisationDraft.agencyCellCode(communeCode: communeCode), kind: .communeAgencyCell,
                    name: "Chi bộ cơ quan xã \(communeName)", unitCode: communeCode, parentCode: grassroots,
                    validity: Validity(from: Self.yearStart(1980))))
            var usedNames: Set<String> = []
            for village in 1...shape.villagesPerCommune {
                let villageCode = UnitDraft.villageCode(
                    communeCode: communeCode, localCode: ScaleProvince.two(village))
                let villageName = scaleVillageName(avoiding: &usedNames)
                let ethnicity = random.weighted(Self.scaleEthnicities)
                let kind: UnitKind = ethnicity == "Mông" ? .hamlet : .village
                units.append(
                    UnitDraft(
                        code: villageCode, kind: kind, name: villageName, parentCode: communeCode,
                        validity: validity, profile: scaleProfile()))
                let cellCode = OrganisationDraft.villageCellCode(villageCode: villageCode)
                let founded = random.date(from: Self.yearStart(1960), through: Self.yearEnd(2005))
                organisations.append(
                    OrganisationDraft(
                        code: cellCode, kind: .villageCell,
                        name: Self.villageCellName(kind: kind, name: villageName), unitCode: villageCode,
                        parentCode: grassroots, validity: Validity(from: founded)))
                cells.append((cellCode, villageCode, founded, ethnicity))
            }
        }
        return cells
    }

    static func scaleName(_ names: [String], _ index: Int) -> String {
        index < names.count ? names[index] : "\(names[index % names.count]) \(index / names.count + 1)"
    }

    /// At least three full members first (rules.md R1), then about 13 % probationary, 7 % exempt, a few gone.
    mutating func scaleStanding(_ position: Int) -> NaHangStanding {
        guard position >= 3 else { return .full }
        let roll = random.int(0...999)
        if roll < 2 { return .deceased }
        if roll < 5 { return .left }
        if roll < 75 { return .exempt }
        if roll < 205 { return .probationary }
        return .full
    }

    mutating func scaleMember(
        standing: NaHangStanding, cellCode: String, villageCode: String, founded: CivilDate, ethnicity: String,
        mix: [(String, Int)] = scaleEthnicities
    ) -> MemberDraft {
        let sex: Sex = random.chance(0.45) ? .female : .male
        let ethnicity = random.chance(0.8) ? ethnicity : random.weighted(mix)
        let history = self.history(standing, birthYears: random.weighted(Self.villageBirthYears))
        let earliest = max(history.party.admittedOn, founded)
        return MemberDraft(
            fullName: personName(sex: sex, ethnicity: ethnicity), birthDate: history.birth, sex: sex,
            ethnicity: ethnicity, citizenID: citizenID(birth: history.birth, sex: sex),
            phone: phone(birth: history.birth), residenceVillageCode: villageCode,
            education: random.weighted(history.birth.year < 1966 ? NaHangNames.oldSchooling : NaHangNames.schooling),
            cardNumber: cardNumber(for: history.party), party: history.party, cellCode: cellCode,
            joinedCellOn: earliest)
    }

    /// A Tày-style village name, new in the commune.
    mutating func scaleVillageName(avoiding used: inout Set<String>) -> String {
        var tries = 0
        while true {
            tries += 1
            let name = random.weighted(NaHangNames.placePrefixes) + " " + random.pick(NaHangNames.placeSuffixes)
            if used.insert(name).inserted { return name }
            if tries > 50 {
                let numbered = "\(name) \(used.count + 1)"
                if used.insert(numbered).inserted { return numbered }
            }
        }
    }

    /// A rural village: 60–250 households, 5–40 % of them poor, farther ones poorer (rules.md A3, R25).
    mutating func scaleProfile() -> VillageProfile {
        let distanceKm = Double(random.int(2...36)) / 2
        let households = random.int(60...250)
        let perMille = min(max(40 + Int(distanceKm * 17) + random.int(-60...60), 50), 400)
        return VillageProfile(
            distanceKm: distanceKm, households: households,
            poorHouseholds: max((households * perMille + 500) / 1000, 1),
            povertyStandard: NaHangDemo.povertyStandard, povertyYear: NaHangDemo.povertyYear,
            ethnicMinority: random.chance(0.9), mountain: random.chance(0.85))
    }
}
