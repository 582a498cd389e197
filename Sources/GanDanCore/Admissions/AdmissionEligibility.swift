import Foundation

/// The admission conditions a cell checks: age, education and introducers (rules.md R21, R22).
///
/// Simplification: the regulation's education exceptions (mountain areas, islands, ethnic-minority and especially
/// difficult areas, and special cases approved higher up) are one flag, `AdmissionCandidate.inDifficultArea`, which
/// lowers the requirement to `AdmissionSettings.difficultAreaEducation` (primary by default).
public enum AdmissionEligibility {
    /// Age in whole months on `date`, as `CivilDate.wholeMonths(until:)` counts it: a month completes on the birth day
    /// of the month (someone born on 29 February turns 18 on 1 March in a common year) (rules.md R21).
    public static func ageInMonths(born: CivilDate, on date: CivilDate) -> Int {
        born.wholeMonths(until: date)
    }

    /// Whether the age on the consideration date lies in 216...720 months, both inclusive by default (rules.md R21).
    public static func isAgeEligible(born: CivilDate, on date: CivilDate, settings: AdmissionSettings = .standard)
        -> Bool
    {
        (settings.minimumAgeMonths...max(settings.minimumAgeMonths, settings.maximumAgeMonths))
            .contains(ageInMonths(born: born, on: date))
    }

    /// The education required of a candidate: lower secondary, primary in difficult areas (rules.md R21).
    public static func requiredEducation(inDifficultArea: Bool, settings: AdmissionSettings = .standard)
        -> EducationLevel
    {
        inDifficultArea ? settings.difficultAreaEducation : settings.requiredEducation
    }

    /// Why an introducer does not qualify on the introduction date, or nil when they do (rules.md R22).
    ///
    /// Only a member whose standing that day is `.full` qualifies: exempt, suspended and probationary members do not.
    public static func introducerProblem(
        _ introducer: Introducer, introducedOn: CivilDate, settings: AdmissionSettings = .standard
    ) -> BilingualText? {
        if introducer.memberID.trimmingCharacters(in: .whitespaces).isEmpty {
            return BilingualText(vi: "Chưa chọn đảng viên giới thiệu.", en: "No member is named.")
        }
        // rules.md R22: an introducer is a full member who has worked with the candidate long enough.
        let standing = introducer.party.standing(on: introducedOn)
        guard standing == .full else {
            let what = standing.map { $0.label } ?? BilingualText(vi: "chưa là đảng viên", en: "not a member")
            return BilingualText(
                vi: "Người giới thiệu ngày \(introducedOn.vietnamese) là \(what.vi.lowercased()); người giới thiệu "
                    + "phải là đảng viên chính thức.",
                en: "On \(introducedOn.vietnamese) the introducer is \(what.en.lowercased()); an introducer must be "
                    + "a full member.")
        }
        let months = introducer.workedWithCandidateSince.wholeMonths(until: introducedOn)
        guard months >= settings.introducerMonthsWorkedTogether else {
            return BilingualText(
                vi: "Người giới thiệu mới công tác cùng người vào Đảng \(max(0, months)) tháng tính đến "
                    + "\(introducedOn.vietnamese); cần ít nhất \(settings.introducerMonthsWorkedTogether) tháng.",
                en: "The introducer has worked with the candidate \(max(0, months)) month(s) by "
                    + "\(introducedOn.vietnamese); at least \(settings.introducerMonthsWorkedTogether) are needed.")
        }
        return nil
    }

    /// Every unmet condition, each naming its field (`birthDate`, `education`, `introducers[0]`, `introducers`,
    /// `introducedOn`, `youthUnionResolutionOn`); empty when the cell may consider the candidate (rules.md R21, R22).
    public static func issues(
        for candidate: AdmissionCandidate, consideredOn: CivilDate, settings: AdmissionSettings = .standard
    ) -> [InputIssue] {
        var issues: [InputIssue] = []
        if let problem = ageProblem(born: candidate.birthDate, on: consideredOn, settings: settings) {
            issues.append(InputIssue(field: "birthDate", vi: problem.vi, en: problem.en))
        }
        let required = requiredEducation(inDifficultArea: candidate.inDifficultArea, settings: settings)
        if let level = EducationLevel(parsing: candidate.education) {
            if level < required {
                // rules.md R21: the education a candidate needs, lower in difficult areas.
                let area = candidate.inDifficultArea ? " in a mountain or ethnic-minority area" : ""
                let areaVI = candidate.inDifficultArea ? " ở vùng cao, vùng đồng bào dân tộc thiểu số" : ""
                issues.append(
                    InputIssue(
                        field: "education",
                        vi:
                            "Trình độ \(level.label.vi.lowercased()) thấp hơn trình độ \(required.label.vi.lowercased()) "
                            + "cần có\(areaVI).",
                        en: "\(level.label.en) is below the \(required.label.en.lowercased()) required\(area)."))
            }
        } else {
            issues.append(
                InputIssue(
                    field: "education",
                    vi: "\"\(candidate.education)\" không phải trình độ học vấn (ghi 9/12, THCS, THPT, Đại học…).",
                    en: "\"\(candidate.education)\" names no education level (write 9/12, THCS, THPT, Đại học…)."))
        }
        if candidate.introducedOn > consideredOn {
            issues.append(
                InputIssue(
                    field: "introducedOn",
                    vi: "Ngày \(candidate.introducedOn.vietnamese) muộn hơn ngày xem xét \(consideredOn.vietnamese).",
                    en:
                        "\(candidate.introducedOn.vietnamese) is after the consideration date \(consideredOn.vietnamese)."
                ))
        }
        if let resolution = candidate.youthUnionResolutionOn, resolution > consideredOn {
            issues.append(
                InputIssue(
                    field: "youthUnionResolutionOn",
                    vi: "Ngày \(resolution.vietnamese) muộn hơn ngày xem xét \(consideredOn.vietnamese).",
                    en: "\(resolution.vietnamese) is after the consideration date \(consideredOn.vietnamese)."))
        }
        issues += introducerIssues(candidate, settings: settings)
        return issues
    }

    /// The age problem on `date`, or nil when the age is within the limits (rules.md R21).
    static func ageProblem(born: CivilDate, on date: CivilDate, settings: AdmissionSettings) -> BilingualText? {
        let months = ageInMonths(born: born, on: date)
        let age = "Aged \(months / 12) years \(months % 12) months on \(date.vietnamese)"
        let ageVI = "Đến ngày \(date.vietnamese) mới \(months / 12) tuổi \(months % 12) tháng"
        if months < settings.minimumAgeMonths {
            let years = "\(settings.minimumAgeMonths / 12)"
            return BilingualText(
                vi: "\(ageVI); phải đủ \(years) tuổi.", en: "\(age); at least \(years) years are needed.")
        }
        if months > settings.maximumAgeMonths {
            let years = "\(settings.maximumAgeMonths / 12)"
            return BilingualText(
                vi: "Đến ngày \(date.vietnamese) đã \(months / 12) tuổi \(months % 12) tháng; trên \(years) tuổi phải "
                    + "được tỉnh ủy hoặc đảng ủy trực thuộc Trung ương đồng ý.",
                en: "\(age); over \(years) years needs the approval of a party committee directly under the "
                    + "Central Committee.")
        }
        return nil
    }

    /// Problems with each introducer and with their number (rules.md R22).
    static func introducerIssues(_ candidate: AdmissionCandidate, settings: AdmissionSettings) -> [InputIssue] {
        var issues: [InputIssue] = []
        var qualified = Set<String>()
        var seen: [String: Int] = [:]
        for (index, introducer) in candidate.introducers.enumerated() {
            let field = "introducers[\(index)]"
            if let first = seen[introducer.memberID] {
                issues.append(
                    InputIssue(
                        field: field, vi: "Trùng với người giới thiệu thứ \(first + 1).",
                        en: "The same member as introducer \(first + 1)."))
                continue
            }
            seen[introducer.memberID] = index
            if let problem = introducerProblem(introducer, introducedOn: candidate.introducedOn, settings: settings) {
                issues.append(InputIssue(field: field, vi: problem.vi, en: problem.en))
            } else {
                qualified.insert(introducer.memberID)
            }
        }
        let withYouthUnion = candidate.youthUnionResolutionOn != nil
        let needed = withYouthUnion ? settings.introducersWithYouthUnionResolution : settings.requiredIntroducers
        if qualified.count < needed {
            issues.append(
                // rules.md R22: two introducers, or one with the Youth Union's resolution.
                InputIssue(
                    field: "introducers",
                    vi:
                        "Có \(qualified.count) người giới thiệu đủ điều kiện; cần \(settings.requiredIntroducers) người, "
                        + "hoặc \(settings.introducersWithYouthUnionResolution) người kèm nghị quyết giới thiệu của "
                        + "Đoàn Thanh niên.",
                    en: "\(qualified.count) qualified introducer(s); \(settings.requiredIntroducers) are needed, "
                        + "or \(settings.introducersWithYouthUnionResolution) with a Youth Union resolution."))
        }
        return issues
    }
}
