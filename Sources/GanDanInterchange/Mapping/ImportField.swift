import GanDanCore

/// One target field of an import, with the header names (Vietnamese and English) that usually hold it.
///
/// Aliases are compared folded (`ImportField.fold`): no accents, đ → d, case and punctuation ignored,
/// so "Họ và tên", "HO VA TEN" and "ho_va_ten" are the same header.
public struct ImportField: Sendable, Hashable, Codable {
    /// The key, as in `MemberCSVFormat.columns` or `HouseholdImportFormat.columns`; also a mapping file's key.
    public var key: String
    public var label: BilingualText
    public var required: Bool
    public var aliases: [String]

    public init(key: String, label: BilingualText, required: Bool, aliases: [String]) {
        self.key = key
        self.label = label
        self.required = required
        self.aliases = aliases
    }

    /// A header folded for comparison: "Họ và tên" → "hovaten", "Full_Name" → "fullname".
    public static func fold(_ header: String) -> String {
        VietnameseText.searchKey(header).filter { $0.isLetter || $0.isNumber }
    }

    /// Member fields (rules.md R28), in the order of `MemberCSVFormat.columns`.
    public static let memberFields: [ImportField] = [
        field("full_name", "Họ và tên", "Full name", ["Họ tên", "Tên đảng viên", "Name", "Họ và tên đảng viên"]),
        field("birth_date", "Ngày sinh", "Date of birth", ["Ngày tháng năm sinh", "Birth date", "DOB", "Born"]),
        field("sex", "Giới tính", "Sex", ["Giới", "Nam/Nữ", "Gender"]),
        field("ethnicity", "Dân tộc", "Ethnicity", ["Ethnic group"]),
        field(
            "citizen_id", "Số CCCD", "Citizen ID",
            ["CCCD", "Căn cước công dân", "Số căn cước", "CMND", "Số định danh", "ID number", "National ID"]),
        field("phone", "Điện thoại", "Phone", ["Số điện thoại", "SĐT", "Phone number", "Mobile"]),
        field("residence_village", "Mã thôn cư trú", "Residence village code", ["Thôn cư trú", "Residence village"]),
        field("education", "Trình độ học vấn", "Education", ["Học vấn", "Văn hóa", "Trình độ văn hóa"]),
        field("card_number", "Số thẻ đảng viên", "Party card number", ["Số thẻ", "Số thẻ Đảng", "Card number"]),
        field("admitted_on", "Ngày vào Đảng", "Admitted on", ["Ngày kết nạp", "Admission date", "Admitted"]),
        field(
            "official_on", "Ngày chính thức", "Full member since",
            ["Ngày công nhận chính thức", "Official on", "Official date"]),
        field("status", "Tình trạng", "Status", ["Trạng thái", "Party status"]),
        field("status_since", "Tình trạng từ ngày", "Status since", ["Từ ngày"]),
        field("cell_code", "Mã chi bộ", "Cell code", ["Chi bộ", "Cell", "Mã CB"]),
        field("joined_cell_on", "Ngày sinh hoạt tại chi bộ", "Joined the cell on", ["Ngày chuyển đến", "Joined cell"]),
    ].map { field in
        var field = field
        field.required = MemberCSVFormat.requiredColumns.contains(field.key)
        return field
    }

    /// Household fields (rules.md R25, R27: a village is named by its code under its commune).
    public static let householdFields: [ImportField] = [
        field(
            "village_code", "Mã thôn", "Village code", ["Mã thôn bản", "Mã thôn, bản", "Thôn", "Village"],
            required: true),
        field(
            "head_name", "Chủ hộ", "Head of household",
            ["Họ tên chủ hộ", "Tên chủ hộ", "Họ và tên chủ hộ", "Head name", "Household head", "Head"],
            required: true),
        field("size", "Số nhân khẩu", "Household size", ["Nhân khẩu", "Số người", "Size", "Members"]),
        field("year", "Năm", "Year", ["Năm rà soát", "Năm đánh giá"], required: true),
        field(
            "status", "Phân loại hộ", "Poverty status", ["Tình trạng", "Phân loại", "Hộ nghèo", "Status"],
            required: true),
    ]

    static func field(
        _ key: String, _ vi: String, _ en: String, _ aliases: [String], required: Bool = false
    ) -> ImportField {
        ImportField(
            key: key, label: BilingualText(vi: vi, en: en), required: required, aliases: [key, vi, en] + aliases)
    }
}

extension ImportKind {
    /// The fields a file of this kind can fill, in display order.
    public var fields: [ImportField] {
        switch self {
        case .members: return ImportField.memberFields
        case .households: return ImportField.householdFields
        // The district folder's columns, so a file of `gandan export district` is imported again as it is.
        case .villages: return DistrictFields.villages
        case .organisations: return DistrictFields.organisations
        case .posts: return DistrictFields.posts
        }
    }
}
