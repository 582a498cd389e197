import Testing

@testable import GanDanCore

@Suite("Poverty standards: income lines and the deprivation rule (rules.md R25)")
struct PovertyStandardTests {
    static func status(_ standard: PovertyStandard, _ income: Int, _ deprivations: Int, _ area: PovertyArea = .rural)
        -> HouseholdPovertyStatus
    {
        standard.classify(PovertyAssessment(income: income, deprivations: deprivations, area: area))
    }

    @Test(
        "R25 2016–2020 rural: poor at or below 700,000 whatever the deprivations; above it up to 1,000,000 poor with 3 deprivations, near-poor with 2; above 1,000,000 not poor"
    )
    func rural2016() {
        let standard = PovertyStandard.period2016to2020
        #expect(Self.status(standard, 0, 0) == .poor)
        #expect(Self.status(standard, 700_000, 0) == .poor)
        #expect(Self.status(standard, 700_001, 0) == .nearPoor)
        #expect(Self.status(standard, 700_001, 2) == .nearPoor)
        #expect(Self.status(standard, 700_001, 3) == .poor)
        #expect(Self.status(standard, 850_000, 10) == .poor)
        #expect(Self.status(standard, 1_000_000, 3) == .poor)
        #expect(Self.status(standard, 1_000_000, 2) == .nearPoor)
        #expect(Self.status(standard, 1_000_001, 3) == .notPoor)
        #expect(Self.status(standard, 1_000_001, 10) == .notPoor)
        #expect(standard.indicatorCount == 10)
        #expect(standard.ruralIncomeLine == 700_000)
    }

    @Test("R25 2016–2020 urban: the lines are 900,000 and 1,300,000")
    func urban2016() {
        let standard = PovertyStandard.period2016to2020
        #expect(Self.status(standard, 900_000, 0, .urban) == .poor)
        #expect(Self.status(standard, 900_001, 2, .urban) == .nearPoor)
        #expect(Self.status(standard, 900_001, 3, .urban) == .poor)
        #expect(Self.status(standard, 1_300_000, 3, .urban) == .poor)
        #expect(Self.status(standard, 1_300_001, 3, .urban) == .notPoor)
        // 950,000 is poor with 3 deprivations in a village, and in town only when deprived too.
        #expect(Self.status(standard, 950_000, 0, .rural) == .nearPoor)
        #expect(Self.status(standard, 800_000, 0, .urban) == .poor)
    }

    @Test(
        "R25 2022–2025: at or below 1,500,000 rural (2,000,000 urban) 3 of 12 deprivations is poor and fewer near-poor; no income alone makes a household poor"
    )
    func standard2022() {
        let standard = PovertyStandard.period2022to2025
        #expect(Self.status(standard, 0, 2) == .nearPoor)
        #expect(Self.status(standard, 1_500_000, 2) == .nearPoor)
        #expect(Self.status(standard, 1_500_000, 3) == .poor)
        #expect(Self.status(standard, 1_500_001, 12) == .notPoor)
        #expect(Self.status(standard, 2_000_000, 3, .urban) == .poor)
        #expect(Self.status(standard, 2_000_001, 3, .urban) == .notPoor)
        #expect(standard.indicatorCount == 12 && standard.deprivationThreshold == 3)
    }

    @Test("R25 2027–2030: rural 2,200,000, urban 2,800,000, with the 3-deprivation rule")
    func standard2027() {
        let standard = PovertyStandard.period2027to2030
        #expect(Self.status(standard, 2_200_000, 3) == .poor)
        #expect(Self.status(standard, 2_200_000, 2) == .nearPoor)
        #expect(Self.status(standard, 2_200_001, 3) == .notPoor)
        #expect(Self.status(standard, 2_800_000, 3, .urban) == .poor)
        #expect(Self.status(standard, 2_800_001, 3, .urban) == .notPoor)
    }

    @Test("R25 the standard follows the year: 2016–2021 under QĐ 59, 2022–2026 under NĐ 07, 2027–2030 the new lines")
    func byYear() {
        #expect(PovertyStandard.inForce(year: 2015) == nil)
        #expect(PovertyStandard.inForce(year: 2016)?.id == "2016-2020")
        #expect(PovertyStandard.inForce(year: 2021)?.id == "2016-2020")
        #expect(PovertyStandard.inForce(year: 2022)?.id == "2022-2025")
        #expect(PovertyStandard.inForce(year: 2026)?.id == "2022-2025")
        #expect(PovertyStandard.inForce(year: 2027)?.id == "2027-2030")
        #expect(PovertyStandard.inForce(year: 2031) == nil)
    }

    @Test("R25 an assessment lacking more indicators than the standard has, or with a negative income, is refused")
    func assessmentIssues() {
        let old = PovertyStandard.period2016to2020
        #expect(old.issues(PovertyAssessment(income: 800_000, deprivations: 10)).isEmpty)
        #expect(
            old.issues(PovertyAssessment(income: 800_000, deprivations: 11)).map(\.field) == ["assessment.deprivations"]
        )
        #expect(PovertyStandard.period2022to2025.issues(PovertyAssessment(income: 800_000, deprivations: 11)).isEmpty)
        #expect(old.issues(PovertyAssessment(income: -1, deprivations: 0)).map(\.field) == ["assessment.income"])
    }
}
