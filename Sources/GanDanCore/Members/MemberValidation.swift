import Foundation

/// Checks on a member's own fields that need no database: formats and the order of dates.
public enum MemberValidation {
    /// Trims and collapses spaces in a name, and puts it in Unicode NFC so equal names compare equal.
    public static func normalisedName(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    /// Reads a sex in English or Vietnamese.
    public static func sex(from text: String) -> Sex? {
        sex(searchKey: VietnameseText.searchKey(text))
    }

    /// The sex whose word has this search key ("nam", "nu", "male", …).
    public static func sex(searchKey: String) -> Sex? {
        switch searchKey {
        case "male", "m", "nam": return .male
        case "female", "f", "nu": return .female
        default: return nil
        }
    }

    /// Reads a status by its code or its Vietnamese or English label.
    public static func status(from text: String) -> PartyStatus? {
        statusByKey[VietnameseText.searchKey(text)]
    }

    /// Every status under the search keys of its code and labels (the first status wins a shared key).
    private static let statusByKey: [String: PartyStatus] = {
        var statuses: [String: PartyStatus] = [:]
        for status in PartyStatus.allCases {
            for name in [status.rawValue, status.label.vi, status.label.en] {
                let key = VietnameseText.searchKey(name)
                if statuses[key] == nil { statuses[key] = status }
            }
        }
        return statuses
    }()

    /// A citizen ID (căn cước) has 12 digits.
    public static func isValidCitizenID(_ id: String) -> Bool {
        id.utf8.count == 12 && id.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// A Vietnamese phone number: 10 digits starting with 0, or +84 and 9 digits; spaces and dots allowed.
    public static func isValidPhone(_ phone: String) -> Bool {
        // Bytes, not characters: every allowed character is ASCII, and any other byte makes the number invalid.
        var digits = phone.utf8.filter {
            $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-")
        }[...]
        let isDigit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
        if digits.starts(with: "+84".utf8) {
            digits = digits.dropFirst(3)
            return digits.count == 9 && digits.allSatisfy(isDigit)
        }
        return digits.count == 10 && digits.first == UInt8(ascii: "0") && digits.allSatisfy(isDigit)
    }

    /// The problems in a member's fields, each naming the field (and `line` when given).
    public static func issues(in member: MemberDraft, line: Int? = nil) -> [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(line: line, field: field, vi: vi, en: en))
        }
        if member.fullName.isEmpty { add("full_name", "Chưa ghi họ và tên.", "The name is empty.") }
        if member.fullName.utf8.count > 120, member.fullName.count > 120 {
            add("full_name", "Họ và tên dài hơn 120 ký tự.", "The name is longer than 120 characters.")
        }
        if let id = member.citizenID, !isValidCitizenID(id) {
            add("citizen_id", "\"\(id)\" không phải số căn cước 12 chữ số.", "\"\(id)\" is not 12 digits.")
        }
        if let phone = member.phone, !isValidPhone(phone) {
            add("phone", "\"\(phone)\" không phải số điện thoại.", "\"\(phone)\" is not a phone number.")
        }
        let party = member.party
        let admitted = party.admittedOn.vietnamese
        if member.birthDate.wholeYears(until: party.admittedOn) < 16 {
            add(
                "admitted_on", "Ngày vào Đảng \(admitted) khi chưa đủ 16 tuổi (sinh \(member.birthDate.vietnamese)).",
                "Admitted on \(admitted), before the member was 16 (born \(member.birthDate.vietnamese)).")
        }
        if let official = party.officialOn, official < party.admittedOn {
            add(
                "official_on", "Ngày chính thức \(official.vietnamese) sớm hơn ngày vào Đảng \(admitted).",
                "Full from \(official.vietnamese), before admission on \(admitted).")
        }
        if party.status == .full && party.officialOn == nil {
            add(
                "official_on", "Đảng viên chính thức phải có ngày chuyển chính thức.",
                "A full member needs the date they became full.")
        }
        if party.status == .probationary && party.officialOn != nil {
            add(
                "status", "Đảng viên dự bị không thể có ngày chính thức.",
                "A probationary member cannot have a date of becoming full.")
        }
        if member.joinedCellOn < party.admittedOn {
            add(
                "joined_cell_on", "Ngày về chi bộ \(member.joinedCellOn.vietnamese) sớm hơn ngày vào Đảng \(admitted).",
                "Joined the cell on \(member.joinedCellOn.vietnamese), before admission on \(admitted).")
        }
        if let since = party.statusSince, since < party.admittedOn {
            add(
                "status_since", "Ngày \(since.vietnamese) sớm hơn ngày vào Đảng \(admitted).",
                "\(since.vietnamese) is before admission on \(admitted).")
        }
        return issues
    }
}
