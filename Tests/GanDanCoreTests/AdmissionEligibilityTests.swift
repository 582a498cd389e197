import Testing

@testable import GanDanCore

@Suite("Admission conditions: age, education, introducers (rules.md R21, R22)")
struct AdmissionEligibilityTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static func fullMember(since official: String) -> PartyRecord {
        PartyRecord(admittedOn: d(official).adding(months: -12), officialOn: d(official), status: .full)
    }

    static func candidate(
        born: String = "2000-05-10", education: String = "12/12", difficult: Bool = false,
        introducedOn: String = "2026-03-01", introducers: [Introducer]? = nil, youthUnion: String? = nil
    ) -> AdmissionCandidate {
        AdmissionCandidate(
            birthDate: d(born), education: education, inDifficultArea: difficult, introducedOn: d(introducedOn),
            introducers: introducers ?? [
                Introducer(
                    memberID: "m1", party: fullMember(since: "2010-01-01"), workedWithCandidateSince: d("2024-01-01")),
                Introducer(
                    memberID: "m2", party: fullMember(since: "2015-06-01"), workedWithCandidateSince: d("2025-03-01")),
            ],
            youthUnionResolutionOn: youthUnion.map(d))
    }

    @Test(
        "age counts whole months at the 18th and 60th birthdays, 29 February births included",
        arguments: [
            ("2008-03-15", "2026-03-14", 215, false), ("2008-03-15", "2026-03-15", 216, true),
            ("2008-02-29", "2026-02-28", 215, false), ("2008-02-29", "2026-03-01", 216, true),
            ("1966-03-15", "2026-03-15", 720, true), ("1966-03-15", "2026-04-14", 720, true),
            ("1966-03-15", "2026-04-15", 721, false), ("1964-02-29", "2024-02-28", 719, true),
            ("1964-02-29", "2024-02-29", 720, true), ("1964-02-29", "2024-03-28", 720, true),
            ("1964-02-29", "2024-03-29", 721, false),
        ])
    func ageBoundaries(born: String, on: String, months: Int, eligible: Bool) {
        #expect(AdmissionEligibility.ageInMonths(born: Self.d(born), on: Self.d(on)) == months)
        #expect(AdmissionEligibility.isAgeEligible(born: Self.d(born), on: Self.d(on)) == eligible)
        let issues = AdmissionEligibility.issues(
            for: Self.candidate(
                born: born, introducedOn: "2024-01-01",
                introducers: [
                    Introducer(
                        memberID: "m1", party: Self.fullMember(since: "2010-01-01"),
                        workedWithCandidateSince: Self.d("2020-01-01")),
                    Introducer(
                        memberID: "m2", party: Self.fullMember(since: "2010-01-01"),
                        workedWithCandidateSince: Self.d("2020-01-01")),
                ]), consideredOn: Self.d(on))
        #expect(issues.contains { $0.field == "birthDate" } == !eligible)
    }

    @Test(
        "education as written on the file reads as a level",
        arguments: [
            ("9/12", EducationLevel.lowerSecondary), ("12/12", .upperSecondary), ("THCS", .lowerSecondary),
            ("THPT", .upperSecondary), ("Trung học phổ thông", .upperSecondary), ("Trung cấp", .vocational),
            ("Cao đẳng", .college), ("Đại học", .university), ("dai hoc", .university), ("7/10", .lowerSecondary),
            ("10/10", .upperSecondary), ("5/12", .primary), ("Tiểu học", .primary), ("lớp 8/12", .primary),
            ("12/12, Đại học", .university), ("Thạc sĩ", .postgraduate), ("3/12", EducationLevel.none),
        ])
    func educationParsing(text: String, level: EducationLevel) {
        #expect(EducationLevel(parsing: text) == level)
    }

    @Test("unreadable education is nil and an issue")
    func educationUnreadable() {
        #expect(EducationLevel(parsing: "không rõ") == nil)
        let issues = AdmissionEligibility.issues(
            for: Self.candidate(education: "không rõ"), consideredOn: Self.d("2026-04-01"))
        #expect(issues.map(\.field) == ["education"])
    }

    @Test(
        "lower secondary is required; primary is accepted in mountain and ethnic-minority areas",
        arguments: [
            ("9/12", false, true), ("8/12", false, false), ("5/12", false, false), ("5/12", true, true),
            ("Tiểu học", true, true), ("3/12", true, false), ("Đại học", false, true),
        ])
    func educationRequirement(education: String, difficult: Bool, eligible: Bool) {
        let issues = AdmissionEligibility.issues(
            for: Self.candidate(education: education, difficult: difficult), consideredOn: Self.d("2026-04-01"))
        #expect(issues.contains { $0.field == "education" } == !eligible)
    }

    @Test("two full members who have worked with the candidate a year qualify")
    func twoIntroducers() {
        let issues = AdmissionEligibility.issues(for: Self.candidate(), consideredOn: Self.d("2026-04-01"))
        #expect(issues.isEmpty)
    }

    @Test("an introducer who knew the candidate 11 months, or was probationary, does not count")
    func unqualifiedIntroducers() {
        let probationary = PartyRecord(admittedOn: Self.d("2025-06-01"), officialOn: nil, status: .probationary)
        let candidate = Self.candidate(introducers: [
            Introducer(
                memberID: "m1", party: Self.fullMember(since: "2010-01-01"),
                workedWithCandidateSince: Self.d("2025-03-02")),
            Introducer(memberID: "m2", party: probationary, workedWithCandidateSince: Self.d("2020-01-01")),
        ])
        let issues = AdmissionEligibility.issues(for: candidate, consideredOn: Self.d("2026-04-01"))
        #expect(issues.map(\.field) == ["introducers[0]", "introducers[1]", "introducers"])
        #expect(issues[0].message.contains("11 month"))
        #expect(issues[1].message.contains("probationary"))
        let exactlyAYear = Self.candidate(introducers: [
            Introducer(
                memberID: "m1", party: Self.fullMember(since: "2010-01-01"),
                workedWithCandidateSince: Self.d("2025-03-01")),
            Introducer(
                memberID: "m3", party: Self.fullMember(since: "2012-01-01"),
                workedWithCandidateSince: Self.d("2025-03-01")),
        ])
        #expect(AdmissionEligibility.issues(for: exactlyAYear, consideredOn: Self.d("2026-04-01")).isEmpty)
    }

    @Test("one qualified introducer suffices with a Youth Union resolution")
    func youthUnion() {
        let one = [
            Introducer(
                memberID: "m1", party: Self.fullMember(since: "2010-01-01"),
                workedWithCandidateSince: Self.d("2024-01-01"))
        ]
        let without = AdmissionEligibility.issues(
            for: Self.candidate(introducers: one), consideredOn: Self.d("2026-04-01"))
        #expect(without.map(\.field) == ["introducers"])
        let with = AdmissionEligibility.issues(
            for: Self.candidate(introducers: one, youthUnion: "2026-02-20"), consideredOn: Self.d("2026-04-01"))
        #expect(with.isEmpty)
    }

    @Test("the same member twice counts once")
    func duplicateIntroducer() {
        let twice = Introducer(
            memberID: "m1", party: Self.fullMember(since: "2010-01-01"), workedWithCandidateSince: Self.d("2024-01-01"))
        let issues = AdmissionEligibility.issues(
            for: Self.candidate(introducers: [twice, twice]), consideredOn: Self.d("2026-04-01"))
        #expect(issues.map(\.field) == ["introducers[1]", "introducers"])
    }

    @Test("the thresholds are settings")
    func settings() {
        let strict = AdmissionSettings(minimumAgeMonths: 240, requiredEducation: .upperSecondary)
        #expect(
            !AdmissionEligibility.isAgeEligible(born: Self.d("2007-01-01"), on: Self.d("2026-01-01"), settings: strict))
        let issues = AdmissionEligibility.issues(
            for: Self.candidate(born: "2007-01-01", education: "9/12"), consideredOn: Self.d("2026-04-01"),
            settings: strict)
        #expect(issues.map(\.field) == ["birthDate", "education"])
    }

    @Test(
        "R21: the education exception follows the village profile (mountain or ethnic-minority), and a recorded override wins over it"
    )
    func educationException() {
        let village = BilingualText(vi: "thôn Nà Coóc", en: "Village Nà Coóc")
        let mountain = EducationException(village: village, profile: VillageProfile(mountain: true))
        #expect(mountain.applies && mountain.fromProfile)
        #expect(
            mountain.explanation().vi.hasPrefix(
                "Áp dụng ngoại lệ vùng cao, vùng dân tộc thiểu số: yêu cầu trình độ tiểu học"))
        let ethnic = EducationException(village: village, profile: VillageProfile(ethnicMinority: true))
        #expect(ethnic.applies && ethnic.profileText.vi.contains("vùng đồng bào dân tộc thiểu số"))
        let plain = EducationException(village: village, profile: VillageProfile())
        #expect(!plain.applies)
        #expect(plain.explanation().en.hasPrefix("No exception: lower secondary education required"))
        let none = EducationException(village: nil, profile: nil)
        #expect(!none.applies && none.profileText.en.contains("no village profile"))
        let override = AreaOverride(
            applies: true, reason: "Chuyển từ bản vùng cao", recordedBy: "bt.hongthai", recordedOn: Self.d("2019-09-02")
        )
        let overridden = EducationException(village: village, profile: VillageProfile(), override: override)
        #expect(overridden.applies && !overridden.fromProfile)
        #expect(overridden.explanation().vi.contains("bt.hongthai ghi ngày 02/09/2019, lý do: Chuyển từ bản vùng cao"))
        // The cell considers the candidate with the exception the village gives.
        var candidate = Self.candidate(education: "5/12")
        candidate.inDifficultArea = mountain.applies
        #expect(
            !AdmissionEligibility.issues(for: candidate, consideredOn: Self.d("2026-03-10")).contains {
                $0.field == "education"
            })
        candidate.inDifficultArea = plain.applies
        #expect(
            AdmissionEligibility.issues(for: candidate, consideredOn: Self.d("2026-03-10")).contains {
                $0.field == "education"
            })
    }
}
