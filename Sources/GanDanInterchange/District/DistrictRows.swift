import GanDanCore

/// A post as a district's posts file has it: the person by citizen ID, card number, or name and birth date.
public struct DistrictPostRow: Sendable, Hashable {
    public var citizenID: String?
    public var cardNumber: String?
    public var fullName: String?
    public var birthDate: CivilDate?
    public var post: PostDraft
}

/// A cell's rating as the ratings file has it.
public struct DistrictRatingRow: Sendable, Hashable {
    public var organisationCode: String
    public var rating: CellRating
}

/// Parsers of one row of each district file (rules.md R5, R18, R25, R26, R27).
public enum DistrictRows {
    public static func unit(_ row: [String: String], line: Int) -> Result<UnitDraft, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let code = reader.required("code")
        let kind = reader.choice("kind", UnitKind.self, label: \.label)
        let name = reader.required("name").map(MemberValidation.normalisedName)
        let validity = reader.validity()
        if let kind, kind.isVillageLevel {
            reader.fail(
                "kind", vi: "Thôn, bản, tổ dân phố ghi trong tệp thôn, cùng thông tin của thôn.",
                en: "villages go in the villages file, with their profile")
        }
        guard let code, let kind, let name, let validity, reader.issues.isEmpty else {
            return .failure(.invalid(reader.issues))
        }
        return .success(
            UnitDraft(code: code, kind: kind, name: name, parentCode: reader.text("parent_code"), validity: validity))
    }

    public static func village(_ row: [String: String], line: Int) -> Result<UnitDraft, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let commune = reader.required("commune_code")
        let local = reader.required("local_code")
        if let local, local.contains(".") {
            reader.fail(
                "local_code", vi: "“\(local)”: chỉ ghi mã riêng của thôn, không kèm mã xã.",
                en: "\"\(local)\" must be the village's own code, without the commune's")
        }
        let name = reader.required("name").map(MemberValidation.normalisedName)
        let kind = reader.choice("kind", UnitKind.self, label: \.label, required: false) ?? .village
        if !kind.isVillageLevel {
            reader.fail(
                "kind", vi: "\(kind.label.vi) không phải là thôn, bản hay tổ dân phố.",
                en: "\(kind.label.en) is not a village, hamlet or residential group")
        }
        let validity = reader.validity()
        let households = reader.integer("households", in: 0...100_000)
        let poor = reader.integer("poor_households", in: 0...100_000)
        if let households, let poor, poor > households {
            reader.fail(
                "poor_households", vi: "\(poor) hộ nghèo nhiều hơn tổng số \(households) hộ.",
                en: "\(poor) is more than the \(households) households")
        }
        let profile = VillageProfile(
            distanceKm: reader.decimal("distance_km", in: 0...500), households: households, poorHouseholds: poor,
            povertyStandard: reader.text("poverty_standard"),
            povertyYear: reader.integer("poverty_year", in: 1900...2100),
            ethnicMinority: reader.flag("ethnic_minority"),
            mountain: reader.flag("mountain"))
        guard let commune, let local, let name, let validity, reader.issues.isEmpty else {
            return .failure(.invalid(reader.issues))
        }
        return .success(
            UnitDraft(
                code: UnitDraft.villageCode(communeCode: commune, localCode: local), kind: kind, name: name,
                parentCode: commune, validity: validity, profile: profile))
    }

    public static func organisation(_ row: [String: String], line: Int) -> Result<OrganisationDraft, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let code = reader.required("code")
        let kind = reader.choice("kind", OrganisationKind.self, label: \.label)
        let name = reader.required("name").map(MemberValidation.normalisedName)
        let unit = reader.required("unit_code")
        let validity = reader.validity()
        guard let code, let kind, let name, let unit, let validity, reader.issues.isEmpty else {
            return .failure(.invalid(reader.issues))
        }
        return .success(
            OrganisationDraft(
                code: code, kind: kind, name: name, unitCode: unit, parentCode: reader.text("parent_code"),
                validity: validity))
    }

    public static func rating(_ row: [String: String], line: Int) -> Result<DistrictRatingRow, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let code = reader.required("organisation_code")
        let year = reader.integer("year", in: 1930...2100, required: true)
        let level = reader.choice("level", RatingLevel.self, label: \.label)
        let weak = reader.flag("weak")
        guard let code, let year, let level, reader.issues.isEmpty else { return .failure(.invalid(reader.issues)) }
        return .success(
            DistrictRatingRow(
                organisationCode: code,
                rating: CellRating(year: year, level: level, weak: weak, weakReason: reader.text("weak_reason"))))
    }

    public static func post(_ row: [String: String], line: Int) -> Result<DistrictPostRow, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let (citizenID, card, name, birth) = reader.person()
        let kind = reader.choice("post", PostKind.self, label: \.label)
        let organisation = reader.required("organisation_code")
        let validity = reader.validity()
        let source = reader.choice("source", PostSource.self, label: \.label, required: false)
        guard let kind, let organisation, let validity, reader.issues.isEmpty else {
            return .failure(.invalid(reader.issues))
        }
        return .success(
            DistrictPostRow(
                citizenID: citizenID, cardNumber: card, fullName: name, birthDate: birth,
                post: PostDraft(kind: kind, organisationCode: organisation, validity: validity, source: source)))
    }
}
