import GanDanCore

/// The household fields of an import and the checks on one row that need no database.
public enum HouseholdImportFormat {
    public static let columns = ImportField.householdFields.map(\.key)

    /// Reads a poverty status by its code or its Vietnamese or English label, with or without accents
    /// ("poor", "Hộ nghèo", "nghèo", "HO CAN NGHEO", "Near-poor").
    public static func status(from text: String) -> HouseholdPovertyStatus? {
        let key = ImportField.fold(text)
        for status in HouseholdPovertyStatus.allCases {
            let vi = ImportField.fold(status.label.vi)
            let names = [ImportField.fold(status.rawValue), vi, ImportField.fold(status.label.en)]
            if names.contains(key) || (vi.hasPrefix("ho") && String(vi.dropFirst(2)) == key) { return status }
        }
        return nil
    }

    /// Turns one row into a household, or every issue of the row, each naming `line` and the field.
    public static func parse(
        row: [String: String], line: Int, standards: [PovertyStandard] = PovertyStandard.all
    ) -> Result<HouseholdImportRow, InputError> {
        var issues: [InputIssue] = []
        func text(_ field: String) -> String? { ImportRow.text(row, field) }
        func required(_ field: String) -> String? { ImportRow.required(row, field, line: line, issues: &issues) }
        let village = required("village_code")
        if let village, !village.contains(".") {
            issues.append(
                // rules.md R27: a village code is its commune's code, a dot and a local code.
                InputIssue(
                    line: line, field: "village_code",
                    vi: "\"\(village)\" không phải mã thôn (mã xã, dấu chấm rồi mã thôn).",
                    en: "\"\(village)\" is not a village code (the commune's code, a dot and the village's)."))
        }
        let name = required("head_name").map(MemberValidation.normalisedName)
        if let name, name.count > 120 {
            issues.append(
                InputIssue(
                    line: line, field: "head_name", vi: "Tên chủ hộ dài hơn 120 ký tự.",
                    en: "The name is longer than 120 characters."))
        }
        var size: Int?
        if let value = text("size") {
            if let number = Int(value) ?? Double(value).flatMap({ Int(exactly: $0) }),
                (1...50).contains(number)
            {
                size = number
            } else {
                issues.append(
                    InputIssue(
                        line: line, field: "size", vi: "\"\(value)\" không phải số nhân khẩu (từ 1 đến 50).",
                        en: "\"\(value)\" is not a household size (1 to 50)."))
            }
        }
        var year: Int?
        if let value = required("year") {
            if let number = Int(value) ?? Double(value).flatMap({ Int(exactly: $0) }) {
                if PovertyStandard.inForce(year: number, in: standards) == nil {
                    issues.append(
                        // rules.md R25: the standard in force that year.
                        InputIssue(
                            line: line, field: "year", vi: "Không có chuẩn nghèo nào áp dụng cho năm \(number).",
                            en: "No poverty standard covers \(number)."))
                } else {
                    year = number
                }
            } else {
                issues.append(
                    InputIssue(
                        line: line, field: "year", vi: "\"\(value)\" không phải năm.", en: "\"\(value)\" is not a year."
                    ))
            }
        }
        var status: HouseholdPovertyStatus?
        if let value = required("status") {
            status = Self.status(from: value)
            if status == nil {
                let known = HouseholdPovertyStatus.allCases.map(\.label)
                issues.append(
                    InputIssue(
                        line: line, field: "status",
                        vi: "\"\(value)\" không phải một trong: \(known.map(\.vi).joined(separator: ", ")).",
                        en: "\"\(value)\" is not one of: \(known.map(\.en).joined(separator: ", "))."))
            }
        }
        guard let village, let name, let year, let status, issues.isEmpty else { return .failure(.invalid(issues)) }
        return .success(
            HouseholdImportRow(villageCode: village, headName: name, size: size, year: year, status: status))
    }
}
