import GanDanCore

/// The member CSV layout shared by `gandan import members` and `gandan export members` (rules.md R28).
public enum MemberCSVFormat {
    /// Column names, in export order. Import needs the required ones and accepts the columns in any order.
    public static let columns = [
        "full_name", "birth_date", "sex", "ethnicity", "citizen_id", "phone", "residence_village", "education",
        "card_number", "admitted_on", "official_on", "status", "status_since", "cell_code", "joined_cell_on",
    ]

    /// Columns a file must have.
    public static let requiredColumns: Set<String> = [
        "full_name", "birth_date", "sex", "admitted_on", "cell_code",
    ]

    /// Checks a header row; the issues name missing and unknown columns.
    public static func checkHeader(_ header: [String]) -> [InputIssue] {
        let names = header.map { $0.trimmingWhitespace().lowercased() }
        var issues: [InputIssue] = []
        for missing in requiredColumns.subtracting(names).sorted() {
            issues.append(
                InputIssue(line: 1, field: missing, vi: "Thiếu cột bắt buộc.", en: "A required column is missing."))
        }
        for name in names where !columns.contains(name) {
            issues.append(
                InputIssue(
                    line: 1, field: name, vi: "Cột không biết (các cột dùng được: \(columns.joined(separator: ", "))).",
                    en: "An unknown column (known: \(columns.joined(separator: ", ")))."))
        }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            issues.append(InputIssue(line: 1, field: name, vi: "Cột có hai lần.", en: "The column appears twice."))
        }
        return issues
    }

    /// Turns one data row into a member, or the issues that stop it, each naming `line` and the field.
    public static func parse(row: [String: String], line: Int, today: CivilDate) -> Result<MemberDraft, InputError> {
        var keys = VietnameseText.KeyCache()
        return parse(row: row, line: line, today: today, keys: &keys)
    }

    /// `parse(row:line:today:)` with names and words folded through `keys`, which a whole file shares.
    public static func parse(
        row: [String: String], line: Int, today: CivilDate, keys: inout VietnameseText.KeyCache
    ) -> Result<MemberDraft, InputError> {
        var issues: [InputIssue] = []
        func text(_ field: String) -> String? { ImportRow.text(row, field) }
        func required(_ field: String) -> String? { ImportRow.required(row, field, line: line, issues: &issues) }
        func date(_ field: String, required isRequired: Bool) -> CivilDate? {
            guard let value = isRequired ? required(field) : text(field) else { return nil }
            guard let date = CivilDate(value) else {
                issues.append(
                    InputIssue(
                        line: line, field: field, vi: "\"\(value)\" không phải ngày (ghi dd/mm/yyyy).",
                        en: "\"\(value)\" is not a date (write dd/mm/yyyy)."))
                return nil
            }
            if date > today {
                issues.append(
                    InputIssue(
                        line: line, field: field, vi: "Ngày \(date.vietnamese) chưa tới.",
                        en: "\(date.vietnamese) is in the future."))
            }
            return date
        }

        let fullName = required("full_name").map { keys.normalisedName($0) }
        let birthDate = date("birth_date", required: true)
        var sex: Sex?
        if let value = required("sex") {
            sex = MemberValidation.sex(searchKey: keys.searchKey(value))
            if sex == nil {
                issues.append(
                    InputIssue(
                        line: line, field: "sex", vi: "\"\(value)\" không phải Nam hay Nữ.",
                        en: "\"\(value)\" is not male or female (Nam/Nữ)."))
            }
        }
        let admittedOn = date("admitted_on", required: true)
        let officialOn = date("official_on", required: false)
        let statusSince = date("status_since", required: false)
        let joinedOn = date("joined_cell_on", required: false)
        var status = officialOn == nil ? PartyStatus.probationary : .full
        if let value = text("status") {
            if let parsed = MemberValidation.status(from: value) {
                status = parsed
            } else {
                let known = PartyStatus.allCases.map(\.label)
                issues.append(
                    InputIssue(
                        line: line, field: "status",
                        vi: "\"\(value)\" không phải một trong: \(known.map(\.vi).joined(separator: ", ")).",
                        en: "\"\(value)\" is not one of: \(known.map(\.en).joined(separator: ", "))."))
            }
        }
        let cellCode = required("cell_code")
        let citizenID = text("citizen_id")
        let phone = text("phone")

        guard let fullName, let birthDate, let sex, let admittedOn, let cellCode, issues.isEmpty else {
            return .failure(.invalid(issues))
        }
        var draft = MemberDraft(
            fullName: fullName, birthDate: birthDate, sex: sex, ethnicity: text("ethnicity") ?? "",
            citizenID: citizenID, phone: phone, residenceVillageCode: text("residence_village"),
            education: text("education"), cardNumber: text("card_number"),
            party: PartyRecord(
                admittedOn: admittedOn, officialOn: officialOn, status: status, statusSince: statusSince),
            cellCode: cellCode, joinedCellOn: joinedOn ?? admittedOn)
        draft.joiningDayAssumed = joinedOn == nil
        let problems = MemberValidation.issues(in: draft, line: line)
        return problems.isEmpty ? .success(draft) : .failure(.invalid(problems))
    }

    /// The CSV fields of one member, in `columns` order.
    public static func fields(of member: MemberDraft) -> [String] {
        [
            member.fullName, member.birthDate.iso, member.sex.rawValue, member.ethnicity, member.citizenID ?? "",
            member.phone ?? "", member.residenceVillageCode ?? "", member.education ?? "", member.cardNumber ?? "",
            member.party.admittedOn.iso, member.party.officialOn?.iso ?? "", member.party.status.rawValue,
            member.party.statusSince?.iso ?? "", member.cellCode, member.joinedCellOn.iso,
        ]
    }
}
