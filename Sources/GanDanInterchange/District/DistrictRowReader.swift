import GanDanCore

/// Reads the fields of one row of a district file, collecting every problem with its line and field.
struct DistrictRowReader {
    let row: [String: String]
    let line: Int
    var issues: [InputIssue] = []

    init(row: [String: String], line: Int) {
        self.row = row
        self.line = line
    }

    /// The person a row names (posts, transfers): citizen ID, else card number, else name and birth date; a problem
    /// on `citizen_id` when it names none.
    mutating func person() -> (citizenID: String?, cardNumber: String?, fullName: String?, birthDate: CivilDate?) {
        let citizenID = text("citizen_id")
        let card = text("card_number")
        let name = text("full_name").map(MemberValidation.normalisedName)
        let birth = date("birth_date")
        if citizenID == nil && card == nil && (name == nil || birth == nil) {
            fail(
                "citizen_id", vi: "Cần ghi số CCCD, số thẻ đảng viên, hoặc họ tên và ngày sinh của người này.",
                en: "the person needs a citizen ID, a card number, or a name and a birth date")
        }
        return (citizenID, card, name, birth)
    }

    func text(_ field: String) -> String? { ImportRow.text(row, field) }

    mutating func required(_ field: String) -> String? {
        ImportRow.required(row, field, line: line, issues: &issues)
    }

    /// A problem of `field` on this row, told in both languages.
    mutating func fail(_ field: String, vi: String, en: String) {
        issues.append(InputIssue(line: line, field: field, vi: vi, en: en))
    }

    mutating func date(_ field: String, required isRequired: Bool = false) -> CivilDate? {
        guard let value = isRequired ? required(field) : text(field) else { return nil }
        guard let date = CivilDate(value) else {
            fail(
                field, vi: "“\(value)” không phải là ngày (ngày/tháng/năm).",
                en: "\"\(value)\" is not a date (YYYY-MM-DD or DD/MM/YYYY)")
            return nil
        }
        return date
    }

    /// A validity from `valid_from` (required) and `valid_until`, which must come after it.
    mutating func validity() -> Validity? {
        let from = date("valid_from", required: true)
        let until = date("valid_until")
        guard let from else { return nil }
        if let until, until <= from {
            fail(
                "valid_until", vi: "Ngày kết thúc \(until.vietnamese) phải sau ngày bắt đầu \(from.vietnamese).",
                en: "\(until.iso) is not after valid_from \(from.iso)")
            return nil
        }
        return Validity(from: from, until: until)
    }

    mutating func integer(_ field: String, in range: ClosedRange<Int>, required isRequired: Bool = false) -> Int? {
        guard let value = isRequired ? required(field) : text(field) else { return nil }
        guard let number = Int(value) ?? Double(value).flatMap({ Int(exactly: $0) }), range.contains(number) else {
            fail(
                field, vi: "“\(value)” không phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound).",
                en: "\"\(value)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// A decimal with a point or a Vietnamese comma ("12.5", "12,5").
    mutating func decimal(_ field: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = text(field) else { return nil }
        guard let number = Double(value.replacingOccurrences(of: ",", with: ".")), range.contains(number) else {
            fail(
                field, vi: "“\(value)” không phải là số từ \(Int(range.lowerBound)) đến \(Int(range.upperBound)).",
                en: "\"\(value)\" is not a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
            return nil
        }
        return number
    }

    /// Yes or no: "có", "x", "yes", "1", "true" / "không", "no", "0", "false"; blank is no.
    mutating func flag(_ field: String) -> Bool {
        guard let value = text(field) else { return false }
        let key = ImportField.fold(value)
        if ["co", "x", "yes", "y", "1", "true", "dung"].contains(key) { return true }
        if ["khong", "no", "n", "0", "false", "sai"].contains(key) { return false }
        fail(field, vi: "“\(value)” không phải là có hay không.", en: "\"\(value)\" is not yes or no (có/không)")
        return false
    }

    /// A value of `T` by its code or its Vietnamese or English label, accents and case ignored.
    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ field: String, _ type: T.Type, label: (T) -> BilingualText, required isRequired: Bool = true
    ) -> T? where T.RawValue == String {
        guard let value = isRequired ? required(field) : text(field) else { return nil }
        let key = ImportField.fold(value)
        for candidate in T.allCases {
            let names = [candidate.rawValue, label(candidate).vi, label(candidate).en].map(ImportField.fold)
            if names.contains(key) { return candidate }
        }
        let known = T.allCases.map { "\($0.rawValue) (\(label($0).vi))" }.joined(separator: ", ")
        let knownVi = T.allCases.map { label($0).vi }.joined(separator: ", ")
        fail(
            field, vi: "“\(value)” không phải là một trong: \(knownVi).", en: "\"\(value)\" is not one of \(known)")
        return nil
    }
}
