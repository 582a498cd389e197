/// A national poverty standard: income lines per person per month and the period it governs (rules.md R25).
///
/// Versioned data, never hard-coded in logic: a household's status is always recorded under a named standard.
public struct PovertyStandard: Hashable, Sendable, Codable {
    /// A stable key, the period ("2022-2025").
    public var id: String
    public var decision: String
    /// The years the standard is applied to (until is exclusive).
    public var validity: Validity
    /// Rural income line, VND per person per month.
    public var ruralIncomeLine: Int
    /// Urban income line, VND per person per month.
    public var urbanIncomeLine: Int
    /// Deprivations of basic social services that also make a household poor, when the standard counts them.
    public var deprivationThreshold: Int?
    public var deprivationCount: Int?

    public init(
        id: String, decision: String, validity: Validity, ruralIncomeLine: Int, urbanIncomeLine: Int,
        deprivationThreshold: Int? = nil, deprivationCount: Int? = nil
    ) {
        self.id = id
        self.decision = decision
        self.validity = validity
        self.ruralIncomeLine = ruralIncomeLine
        self.urbanIncomeLine = urbanIncomeLine
        self.deprivationThreshold = deprivationThreshold
        self.deprivationCount = deprivationCount
    }

    /// The standard households are classified under in `year` (nil before 2016).
    public static func inForce(year: Int, in standards: [PovertyStandard] = all) -> PovertyStandard? {
        guard let date = CivilDate(year: year, month: 6, day: 30) else { return nil }
        return standards.first { $0.validity.contains(date) }
    }

    public static func standard(id: String, in standards: [PovertyStandard] = all) -> PovertyStandard? {
        standards.first { $0.id == id }
    }

    /// All known versions, oldest first. The 2016–2020 standard was extended through 2021, and the
    /// 2022–2025 one through 2026, so each covers the years until its successor (rules.md R25).
    public static let all: [PovertyStandard] = [
        PovertyStandard(
            id: "2016-2020", decision: "59/2015/QĐ-TTg",
            validity: Validity(
                from: CivilDate(year: 2016, month: 1, day: 1)!, until: CivilDate(year: 2022, month: 1, day: 1)),
            ruralIncomeLine: 700_000, urbanIncomeLine: 900_000),
        PovertyStandard(
            id: "2022-2025", decision: "07/2021/NĐ-CP",
            validity: Validity(
                from: CivilDate(year: 2022, month: 1, day: 1)!, until: CivilDate(year: 2027, month: 1, day: 1)),
            ruralIncomeLine: 1_500_000, urbanIncomeLine: 2_000_000, deprivationThreshold: 3, deprivationCount: 12),
        PovertyStandard(
            id: "2027-2030", decision: "Nghị định về chuẩn nghèo đa chiều giai đoạn 2027–2030",
            validity: Validity(
                from: CivilDate(year: 2027, month: 1, day: 1)!, until: CivilDate(year: 2031, month: 1, day: 1)),
            ruralIncomeLine: 2_200_000, urbanIncomeLine: 2_800_000),
    ]
}

/// A household's poverty status in one year under one standard (rules.md R25).
public enum HouseholdPovertyStatus: String, Sendable, CaseIterable, Codable {
    case poor
    case nearPoor
    /// Left poverty (or near-poverty) that year.
    case escaped
    case notPoor

    public var label: BilingualText {
        switch self {
        case .poor: return BilingualText(vi: "Hộ nghèo", en: "Poor")
        case .nearPoor: return BilingualText(vi: "Hộ cận nghèo", en: "Near-poor")
        case .escaped: return BilingualText(vi: "Thoát nghèo", en: "Escaped poverty")
        case .notPoor: return BilingualText(vi: "Không nghèo", en: "Not poor")
        }
    }
}

/// Poor and near-poor households counted per village and summed upward (rules.md R25).
public struct PovertyCount: Hashable, Sendable, Codable {
    public var poor: Int
    public var nearPoor: Int
    public var escaped: Int

    public init(poor: Int = 0, nearPoor: Int = 0, escaped: Int = 0) {
        self.poor = poor
        self.nearPoor = nearPoor
        self.escaped = escaped
    }

    public init(_ statuses: [HouseholdPovertyStatus]) {
        self.init()
        for status in statuses {
            switch status {
            case .poor: poor += 1
            case .nearPoor: nearPoor += 1
            case .escaped: escaped += 1
            case .notPoor: break
            }
        }
    }

    public static func + (lhs: PovertyCount, rhs: PovertyCount) -> PovertyCount {
        PovertyCount(
            poor: lhs.poor + rhs.poor, nearPoor: lhs.nearPoor + rhs.nearPoor, escaped: lhs.escaped + rhs.escaped)
    }
}
