import GanDanCore

/// Units: Tuyên Quang, Na Hang, its 12 communes and their villages with profiles (rules.md C, A3, R25, R27).
extension NaHangDemoBuilder {
    mutating func addUnits() {
        let validity = Validity(from: NaHangDemo.unitsValidFrom)
        units.append(
            UnitDraft(
                code: NaHangDemo.provinceCode, kind: .province, name: "Tuyên Quang", parentCode: nil,
                validity: validity))
        units.append(
            UnitDraft(
                code: NaHangDemo.districtCode, kind: .district, name: "Na Hang",
                parentCode: NaHangDemo.provinceCode, validity: validity))
        for commune in NaHangDemo.communes {
            units.append(
                UnitDraft(
                    code: commune.code, kind: commune.kind, name: commune.name,
                    parentCode: NaHangDemo.districtCode, validity: validity))
        }
        for commune in NaHangDemo.communes {
            addVillages(of: commune, validity: validity)
        }
    }

    /// The villages of one commune, local codes "01"…; the sources' villages keep their places and facts.
    ///
    /// Villages are thôn (the article writes "Chi bộ thôn Bản Tùn"); Mông settlements are bản (hamlets).
    private mutating func addVillages(of commune: NaHangCommune, validity: Validity) {
        var usedNames = Set(commune.namedVillages.map(\.name))
        let farthest = commune.namedVillages.filter(\.farthest).compactMap { $0.profile?.distanceKm }.min()
        let maximumKm = farthest.map { $0 - 1 } ?? 18
        for number in 1...commune.villageCount {
            let localCode = number < 10 ? "0\(number)" : "\(number)"
            let named = commune.namedVillages.first { $0.localCode == localCode }
            let name: String
            let profile: VillageProfile
            let ethnicity: String
            let founded: CivilDate
            if commune.kind == .township {
                name = "Tổ dân phố \(number)"
                profile = townshipProfile()
                ethnicity = random.weighted(commune.ethnicMix)
                founded = random.date(from: Self.yearStart(1987), through: Self.yearEnd(2005))
            } else {
                name = named?.name ?? inventedVillageName(avoiding: &usedNames)
                profile = named?.profile ?? ruralProfile(maximumKm: maximumKm)
                ethnicity = named?.ethnicity ?? villageEthnicity(in: commune)
                founded = random.date(from: Self.yearStart(1960), through: Self.yearEnd(2005))
            }
            let kind: UnitKind =
                commune.kind == .township ? .residentialGroup : (ethnicity == "Mông" ? .hamlet : .village)
            let code = UnitDraft.villageCode(communeCode: commune.code, localCode: localCode)
            let unit = UnitDraft(
                code: code, kind: kind, name: name, parentCode: commune.code, validity: validity, profile: profile)
            units.append(unit)
            villages.append(
                NaHangVillage(
                    commune: commune, unit: unit, profile: profile, ethnicity: ethnicity,
                    cellCode: OrganisationDraft.villageCellCode(villageCode: code), cellFounded: founded,
                    cellSize: named?.cellSize))
        }
    }

    /// A Tày-style name unique in the commune and distinct from every village the sources name.
    private mutating func inventedVillageName(avoiding usedNames: inout Set<String>) -> String {
        while true {
            let name = random.weighted(NaHangNames.placePrefixes) + " " + random.pick(NaHangNames.placeSuffixes)
            if !usedNames.contains(name) && !NaHangDemo.sourceVillageNames.contains(name) {
                usedNames.insert(name)
                return name
            }
        }
    }

    /// A rural village: farther villages tend to be poorer (rules.md A3); rates stay within 5–40 %.
    private mutating func ruralProfile(maximumKm: Double) -> VillageProfile {
        let distanceKm = Double(random.int(2...Int(maximumKm * 2))) / 2
        let households = random.int(60...250)
        let perMille = min(max(40 + Int(distanceKm * 17) + random.int(-60...60), 50), 400)
        return VillageProfile(
            distanceKm: distanceKm, households: households,
            poorHouseholds: max((households * perMille + 500) / 1000, 1),
            povertyStandard: NaHangDemo.povertyStandard, povertyYear: NaHangDemo.povertyYear,
            ethnicMinority: random.chance(0.92), mountain: random.chance(0.9))
    }

    /// A residential group of the township: near the centre, larger, few poor households.
    private mutating func townshipProfile() -> VillageProfile {
        let households = random.int(120...250)
        let perMille = random.int(50...80)
        return VillageProfile(
            distanceKm: Double(random.int(2...6)) / 2, households: households,
            poorHouseholds: max((households * perMille + 500) / 1000, 1),
            povertyStandard: NaHangDemo.povertyStandard, povertyYear: NaHangDemo.povertyYear,
            ethnicMinority: random.chance(0.5), mountain: false)
    }

    /// Most villages are Tày, Dao or Mông; Kinh villages are rare outside the township.
    private mutating func villageEthnicity(in commune: NaHangCommune) -> String {
        random.weighted(commune.ethnicMix.map { ($0.0, $0.0 == "Kinh" ? $0.1 / 4 : $0.1) })
    }
}
