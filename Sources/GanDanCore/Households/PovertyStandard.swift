/// The income lines of one area (rural or urban) under a poverty standard, VND per person per month (rules.md R25).
public struct PovertyIncomeLines: Hashable, Sendable, Codable {
    /// At or below this income a household is poor whatever its deprivations (2016–2020's 700,000 rural; nil from
    /// 2022, when every poor household also lacks basic services).
    public var poorOnIncome: Int?
    /// At or below this income the deprivations decide: the standard's threshold or more is poor, fewer near-poor
    /// (2016–2020's 1,000,000 rural; 2022–2025's 1,500,000).
    public var withDeprivations: Int

    public init(poorOnIncome: Int? = nil, withDeprivations: Int) {
        self.poorOnIncome = poorOnIncome
        self.withDeprivations = withDeprivations
    }
}

/// Whether a household lives in a rural or an urban area: each has its own income lines (rules.md R25).
public enum PovertyArea: String, Sendable, CaseIterable, Codable {
    case rural
    case urban
}

/// A national poverty standard: income lines per person per month, the deprivation rule and the period it governs
/// (rules.md R25).
///
/// Versioned data, never hard-coded in logic: a household's status is always recorded under a named standard, and a
/// province can load a standards file over these defaults (`docs/poverty-standards.example.json`).
public struct PovertyStandard: Hashable, Sendable, Codable {
    /// A stable key, the period ("2022-2025").
    public var id: String
    public var decision: String
    /// The years the standard is applied to (until is exclusive).
    public var validity: Validity
    public var rural: PovertyIncomeLines
    public var urban: PovertyIncomeLines
    /// Deprivations of basic social services (indicators lacked) that, within the deprivation line, make a household
    /// poor rather than near-poor.
    public var deprivationThreshold: Int
    /// How many deprivation indicators the standard measures (10 in 2016–2020, 12 from 2022).
    public var indicatorCount: Int

    public init(
        id: String, decision: String, validity: Validity, rural: PovertyIncomeLines, urban: PovertyIncomeLines,
        deprivationThreshold: Int = 3, indicatorCount: Int
    ) {
        self.id = id
        self.decision = decision
        self.validity = validity
        self.rural = rural
        self.urban = urban
        self.deprivationThreshold = deprivationThreshold
        self.indicatorCount = indicatorCount
    }

    /// The rural line households are counted against: the income-only line where there is one, else the deprivation
    /// line (700,000 in 2016–2020, 1,500,000 in 2022–2025, 2,200,000 in 2027–2030).
    public var ruralIncomeLine: Int { rural.poorOnIncome ?? rural.withDeprivations }
    public var urbanIncomeLine: Int { urban.poorOnIncome ?? urban.withDeprivations }

    public func lines(_ area: PovertyArea) -> PovertyIncomeLines { area == .rural ? rural : urban }

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
    public static let all: [PovertyStandard] = [period2016to2020, period2022to2025, period2027to2030]

    /// Decision 59/2015/QĐ-TTg: rural poor at or below 700,000, or above it up to 1,000,000 with 3 or more of the
    /// 10 deprivation indicators; near-poor above 700,000 up to 1,000,000 with fewer than 3. Urban 900,000 and
    /// 1,300,000 (rules.md R25).
    public static let period2016to2020 = PovertyStandard(
        id: "2016-2020", decision: "59/2015/QĐ-TTg",
        validity: Validity(
            from: CivilDate.on(2016, 1, 1), until: CivilDate.on(2022, 1, 1)),
        rural: PovertyIncomeLines(poorOnIncome: 700_000, withDeprivations: 1_000_000),
        urban: PovertyIncomeLines(poorOnIncome: 900_000, withDeprivations: 1_300_000),
        deprivationThreshold: 3, indicatorCount: 10)

    /// Decree 07/2021/NĐ-CP: rural poor at or below 1,500,000 with 3 or more of the 12 indicators lacked, near-poor
    /// with fewer; urban 2,000,000 (rules.md R25).
    public static let period2022to2025 = PovertyStandard(
        id: "2022-2025", decision: "07/2021/NĐ-CP",
        validity: Validity(
            from: CivilDate.on(2022, 1, 1), until: CivilDate.on(2027, 1, 1)),
        rural: PovertyIncomeLines(withDeprivations: 1_500_000), urban: PovertyIncomeLines(withDeprivations: 2_000_000),
        deprivationThreshold: 3, indicatorCount: 12)

    /// 2027–2030: rural 2,200,000, urban 2,800,000, with the same 3-deprivation rule (rules.md R25).
    public static let period2027to2030 = PovertyStandard(
        id: "2027-2030", decision: "Nghị định về chuẩn nghèo đa chiều giai đoạn 2027–2030",
        validity: Validity(
            from: CivilDate.on(2027, 1, 1), until: CivilDate.on(2031, 1, 1)),
        rural: PovertyIncomeLines(withDeprivations: 2_200_000), urban: PovertyIncomeLines(withDeprivations: 2_800_000),
        deprivationThreshold: 3, indicatorCount: 12)
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
