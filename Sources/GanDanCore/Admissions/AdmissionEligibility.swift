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
    ) -> String? {
        if introducer.memberID.trimmingCharacters(in: .whitespaces).isEmpty { return "names no member" }
        let standing = introducer.party.standing(on: introducedOn)
        guard standing == .full else {
            let what = standing.map { "is \($0.label.en.lowercased())" } ?? "is not a member"
            return "\(introducer.memberID) \(what) on \(introducedOn.iso); an introducer must be a full member "
                + "(rules.md R22)"
        }
        let months = introducer.workedWithCandidateSince.wholeMonths(until: introducedOn)
        guard months >= settings.introducerMonthsWorkedTogether else {
            return "\(introducer.memberID) has worked with the candidate \(max(0, months)) month(s) by "
                + "\(introducedOn.iso); at least \(settings.introducerMonthsWorkedTogether) required (rules.md R22)"
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
            issues.append(InputIssue(field: "birthDate", message: problem))
        }
        let required = requiredEducation(inDifficultArea: candidate.inDifficultArea, settings: settings)
        if let level = EducationLevel(parsing: candidate.education) {
            if level < required {
                let area = candidate.inDifficultArea ? " in a mountain or ethnic-minority area" : ""
                issues.append(
                    InputIssue(
                        field: "education",
                        message: "\(level.label.en.lowercased()) is below the \(required.label.en.lowercased()) "
                            + "required\(area) (rules.md R21)"))
            }
        } else {
            issues.append(
                InputIssue(
                    field: "education",
                    message: "\"\(candidate.education)\" names no education level (write 9/12, THCS, THPT, Đại học…)"))
        }
        if candidate.introducedOn > consideredOn {
            issues.append(
                InputIssue(
                    field: "introducedOn",
                    message: "\(candidate.introducedOn.iso) is after the consideration date \(consideredOn.iso)"))
        }
        if let resolution = candidate.youthUnionResolutionOn, resolution > consideredOn {
            issues.append(
                InputIssue(
                    field: "youthUnionResolutionOn",
                    message: "\(resolution.iso) is after the consideration date \(consideredOn.iso)"))
        }
        issues += introducerIssues(candidate, settings: settings)
        return issues
    }

    /// The age problem on `date`, or nil when the age is within the limits (rules.md R21).
    static func ageProblem(born: CivilDate, on date: CivilDate, settings: AdmissionSettings) -> String? {
        let months = ageInMonths(born: born, on: date)
        let age = "aged \(months) month(s) (\(months / 12) years \(months % 12) months) on \(date.iso)"
        if months < settings.minimumAgeMonths {
            return "\(age); at least \(settings.minimumAgeMonths) months required (rules.md R21)"
        }
        if months > settings.maximumAgeMonths {
            return "\(age); over \(settings.maximumAgeMonths) months needs the approval of a party committee directly "
                + "under the Central Committee (rules.md R21)"
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
                issues.append(InputIssue(field: field, message: "the same member as introducers[\(first)]"))
                continue
            }
            seen[introducer.memberID] = index
            if let problem = introducerProblem(introducer, introducedOn: candidate.introducedOn, settings: settings) {
                issues.append(InputIssue(field: field, message: problem))
            } else {
                qualified.insert(introducer.memberID)
            }
        }
        let withYouthUnion = candidate.youthUnionResolutionOn != nil
        let needed = withYouthUnion ? settings.introducersWithYouthUnionResolution : settings.requiredIntroducers
        if qualified.count < needed {
            issues.append(
                InputIssue(
                    field: "introducers",
                    message: "\(qualified.count) qualified introducer(s); \(settings.requiredIntroducers) required, "
                        + "or \(settings.introducersWithYouthUnionResolution) with a Youth Union resolution "
                        + "(rules.md R22)"))
        }
        return issues
    }
}
