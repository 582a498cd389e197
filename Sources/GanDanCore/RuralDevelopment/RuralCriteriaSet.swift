/// One criterion of a national new-rural criteria set, by its number in that set (rules.md R24).
public struct RuralCriterion: Hashable, Sendable, Codable {
    public var number: Int
    public var name: BilingualText

    public init(number: Int, name: BilingualText) {
        self.number = number
        self.name = name
    }
}

/// A version of the national criteria for new-rural communes (Bộ tiêu chí quốc gia về xã nông thôn mới).
///
/// Versioned data, never hard-coded in logic: numbers change between versions (rules.md R24).
public struct RuralCriteriaSet: Hashable, Sendable, Codable {
    /// A stable key, the period ("2016-2020").
    public var id: String
    /// The decision that issued the set.
    public var decision: String
    /// The programme period the set governs (until is exclusive), not the signing date of the decision.
    public var validity: Validity
    public var criteria: [RuralCriterion]
    /// The number of the environment criterion, which a placed leader drives first (rules.md A6, R24).
    public var environmentNumber: Int
    /// The number of indicators, when recorded (47 for 2026–2030, rules.md R24).
    public var indicatorCount: Int?
    /// The number of commune groups the indicators differ by, when the set has groups (3 for 2026–2030).
    public var communeGroupCount: Int?
    /// Whether the names are the official wording; false where they are faithful descriptions.
    public var namesAreOfficial: Bool

    public init(
        id: String, decision: String, validity: Validity, criteria: [RuralCriterion], environmentNumber: Int,
        indicatorCount: Int? = nil, communeGroupCount: Int? = nil, namesAreOfficial: Bool = true
    ) {
        self.id = id
        self.decision = decision
        self.validity = validity
        self.criteria = criteria
        self.environmentNumber = environmentNumber
        self.indicatorCount = indicatorCount
        self.communeGroupCount = communeGroupCount
        self.namesAreOfficial = namesAreOfficial
    }

    /// The environment criterion of this set (#17 until 2025, #8 from 2026; rules.md R24).
    public var environmentCriterion: RuralCriterion? { criterion(number: environmentNumber) }

    public func criterion(number: Int) -> RuralCriterion? { criteria.first { $0.number == number } }

    /// The set in force on `date`, or nil before 2016 and after 2030.
    public static func inForce(on date: CivilDate, in sets: [RuralCriteriaSet] = all) -> RuralCriteriaSet? {
        sets.first { $0.validity.contains(date) }
    }

    /// The set a village's criteria for `year` are assessed under: the one in force at the middle of the year
    /// (2026 is assessed under the 2026–2030 set, in force from 15 February).
    public static func inForce(year: Int, in sets: [RuralCriteriaSet] = all) -> RuralCriteriaSet? {
        CivilDate(year: year, month: 6, day: 30).flatMap { inForce(on: $0, in: sets) }
    }

    /// All known versions, oldest first.
    public static let all: [RuralCriteriaSet] = [period2016to2020, period2021to2025, period2026to2030]

    /// 19 criteria, Decision 1980/QĐ-TTg of 17 October 2016; environment = #17 (rules.md R24).
    public static let period2016to2020 = RuralCriteriaSet(
        id: "2016-2020", decision: "1980/QĐ-TTg",
        validity: Validity(
            from: CivilDate.on(2016, 1, 1), until: CivilDate.on(2021, 1, 1)),
        criteria: numbered([
            ("Quy hoạch", "Planning"),
            ("Giao thông", "Transport"),
            ("Thủy lợi", "Irrigation"),
            ("Điện", "Electricity"),
            ("Trường học", "Schools"),
            ("Cơ sở vật chất văn hóa", "Cultural facilities"),
            ("Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure"),
            ("Thông tin và Truyền thông", "Information and communications"),
            ("Nhà ở dân cư", "Housing"),
            ("Thu nhập", "Income"),
            ("Hộ nghèo", "Poor households"),
            ("Lao động có việc làm", "Employed workers"),
            ("Tổ chức sản xuất", "Organisation of production"),
            ("Giáo dục và Đào tạo", "Education and training"),
            ("Y tế", "Health"),
            ("Văn hóa", "Culture"),
            ("Môi trường và an toàn thực phẩm", "Environment and food safety"),
            ("Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"),
            ("Quốc phòng và An ninh", "Defence and security"),
        ]),
        environmentNumber: 17)

    /// 19 criteria, Decision 318/QĐ-TTg of 8 March 2022; environment = #17 (rules.md R24). It stays in force until
    /// its successor takes effect on 15 February 2026.
    public static let period2021to2025 = RuralCriteriaSet(
        id: "2021-2025", decision: "318/QĐ-TTg",
        validity: Validity(
            from: CivilDate.on(2021, 1, 1), until: CivilDate.on(2026, 2, 15)),
        criteria: numbered([
            ("Quy hoạch", "Planning"),
            ("Giao thông", "Transport"),
            ("Thủy lợi và phòng, chống thiên tai", "Irrigation and natural disaster prevention"),
            ("Điện", "Electricity"),
            ("Trường học", "Schools"),
            ("Cơ sở vật chất văn hóa", "Cultural facilities"),
            ("Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure"),
            ("Thông tin và Truyền thông", "Information and communications"),
            ("Nhà ở dân cư", "Housing"),
            ("Thu nhập", "Income"),
            ("Nghèo đa chiều", "Multidimensional poverty"),
            ("Lao động", "Labour"),
            ("Tổ chức sản xuất và phát triển kinh tế nông thôn", "Production and rural economic development"),
            ("Giáo dục và Đào tạo", "Education and training"),
            ("Y tế", "Health"),
            ("Văn hóa", "Culture"),
            ("Môi trường và an toàn thực phẩm", "Environment and food safety"),
            ("Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"),
            ("Quốc phòng và An ninh", "Defence and security"),
        ]),
        environmentNumber: 17)

    /// 10 criteria / 47 indicators in 3 commune groups, Decision 51/2025/QĐ-TTg of 29 December 2025, in force from
    /// 15 February 2026; environment = #8 (rules.md R24). Names and numbering as research.md §6 gives them, its
    /// abbreviations written out (KT-XH, NT, KHCN).
    public static let period2026to2030 = RuralCriteriaSet(
        id: "2026-2030", decision: "51/2025/QĐ-TTg",
        validity: Validity(
            from: CivilDate.on(2026, 2, 15), until: CivilDate.on(2031, 1, 1)),
        criteria: numbered([
            ("Quy hoạch", "Planning"),
            ("Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure"),
            ("Phát triển kinh tế nông thôn", "Rural economic development"),
            ("Đào tạo nhân lực", "Workforce training"),
            ("Văn hóa - giáo dục - y tế", "Culture, education and health"),
            ("Giảm nghèo và an sinh xã hội", "Poverty reduction and social security"),
            ("Khoa học công nghệ và chuyển đổi số", "Science, technology and digital transformation"),
            ("Môi trường và cảnh quan nông thôn", "Environment and rural landscape"),
            ("Hệ thống chính trị và hành chính công", "Political system and public administration"),
            ("Tiếp cận pháp luật, an ninh - quốc phòng", "Access to law, security and defence"),
        ]),
        environmentNumber: 8, indicatorCount: 47, communeGroupCount: 3)

    private static func numbered(_ names: [(String, String)]) -> [RuralCriterion] {
        names.enumerated().map {
            RuralCriterion(number: $0.offset + 1, name: BilingualText(vi: $0.element.0, en: $0.element.1))
        }
    }
}
