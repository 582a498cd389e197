import GanDanCore

/// The files of a district folder, which moves a district between installations (`gandan export district`,
/// `gandan import district`, issue 18). Each is a CSV or XLSX table whose columns are guessed from Vietnamese and
/// English headers, as in the member import.
public enum DistrictFile: String, Sendable, CaseIterable, Codable {
    /// Province, district and communes: the units above the villages.
    case units
    /// Villages and residential groups with the profile placement reads (rules.md A3, R25, R27).
    case villages
    /// Party committees and cells (rules.md R1).
    case organisations
    /// Cell ratings by year (rules.md R18, R20): the "weak" flag placement reads.
    case cellRatings = "cell_ratings"
    /// Members in the member import's layout (rules.md R28): their official cell and the day they joined it.
    case members
    /// Posts held by members (rules.md R5): key leaders and cell officers derive from them.
    case posts
    /// Official transfers sent and not yet received on the day, and temporary ones in force (rules.md R13), kept
    /// across installations.
    case transfers

    /// The file's name without extension: `units`, `villages`, `organisations`, `cell_ratings`, `members`, `posts`.
    public var baseName: String { rawValue }

    /// Files a folder must have; the others may be left out.
    public var required: Bool { self == .units || self == .organisations || self == .members }

    /// The columns the file can have, in export order.
    public var fields: [ImportField] {
        switch self {
        case .units: return DistrictFields.units
        case .villages: return DistrictFields.villages
        case .organisations: return DistrictFields.organisations
        case .cellRatings: return DistrictFields.cellRatings
        case .members: return ImportField.memberFields
        case .posts: return DistrictFields.posts
        case .transfers: return DistrictFields.transfers
        }
    }
}

/// The columns of the district files other than members, with the Vietnamese and English headers they are known by.
public enum DistrictFields {
    static func field(_ key: String, _ vi: String, _ en: String, _ aliases: [String], required: Bool = false)
        -> ImportField
    {
        ImportField.field(key, vi, en, aliases, required: required)
    }

    static let validFrom = field("valid_from", "Từ ngày", "Valid from", ["Ngày thành lập", "Founded", "From"])
    static let validUntil = field(
        "valid_until", "Đến ngày", "Valid until", ["Ngày giải thể", "Ngày kết thúc", "Dissolved", "Until"])

    public static let units: [ImportField] = [
        field("code", "Mã đơn vị", "Unit code", ["Mã", "Code", "Mã đơn vị hành chính"], required: true),
        field("kind", "Cấp", "Kind", ["Loại", "Loại đơn vị", "Level"], required: true),
        field("name", "Tên đơn vị", "Name", ["Tên", "Unit name"], required: true),
        field("parent_code", "Mã đơn vị cấp trên", "Parent code", ["Mã cấp trên", "Parent"]),
        requiredField(validFrom), validUntil,
    ]

    public static let villages: [ImportField] = [
        field("commune_code", "Mã xã", "Commune code", ["Mã xã, phường", "Commune"], required: true),
        field("local_code", "Mã thôn", "Village local code", ["Số thôn", "Local code", "Mã thôn bản"], required: true),
        field("name", "Tên thôn", "Village name", ["Tên thôn, bản", "Tên", "Name", "Village"], required: true),
        field("kind", "Loại", "Kind", ["Thôn/Bản/Tổ dân phố", "Loại thôn"]),
        requiredField(validFrom), validUntil,
        field(
            "distance_km", "Khoảng cách đến trung tâm xã (km)", "Distance to commune centre (km)",
            ["Khoảng cách (km)", "Khoảng cách", "Cách trung tâm xã (km)", "Distance", "Distance km"]),
        field("households", "Số hộ", "Households", ["Tổng số hộ", "Số hộ dân"]),
        field("poor_households", "Số hộ nghèo", "Poor households", ["Hộ nghèo", "Poor"]),
        field("poverty_year", "Năm rà soát hộ nghèo", "Poverty year", ["Năm rà soát", "Năm", "Year"]),
        field("poverty_standard", "Chuẩn nghèo", "Poverty standard", ["Giai đoạn chuẩn nghèo", "Standard"]),
        field("ethnic_minority", "Vùng đồng bào dân tộc thiểu số", "Ethnic minority", ["Dân tộc thiểu số", "DTTS"]),
        field("mountain", "Vùng cao, miền núi", "Mountain", ["Miền núi", "Vùng cao", "Mountainous"]),
    ]

    public static let organisations: [ImportField] = [
        field("code", "Mã tổ chức đảng", "Organisation code", ["Mã chi bộ", "Mã", "Code"], required: true),
        field("kind", "Loại tổ chức", "Kind", ["Loại", "Loại chi bộ"], required: true),
        field("name", "Tên tổ chức đảng", "Name", ["Tên chi bộ", "Tên", "Organisation"], required: true),
        field("parent_code", "Mã cấp ủy cấp trên", "Parent committee code", ["Cấp ủy cấp trên", "Đảng bộ", "Parent"]),
        field("unit_code", "Mã đơn vị", "Unit code", ["Mã thôn, xã", "Đơn vị", "Unit"], required: true),
        requiredField(validFrom), validUntil,
    ]

    public static let cellRatings: [ImportField] = [
        field("organisation_code", "Mã chi bộ", "Cell code", ["Mã tổ chức đảng", "Chi bộ", "Cell"], required: true),
        field("year", "Năm", "Year", ["Năm đánh giá"], required: true),
        field("level", "Xếp loại", "Rating", ["Mức xếp loại", "Kết quả xếp loại", "Level"], required: true),
        field("weak", "Yếu kém", "Weak", ["Chi bộ yếu kém", "Yếu"]),
        field("weak_reason", "Lý do yếu kém", "Weak reason", ["Lý do"]),
    ]

    public static let posts: [ImportField] = [
        field("citizen_id", "Số CCCD", "Citizen ID", ["CCCD", "Căn cước công dân", "CMND", "National ID"]),
        field("card_number", "Số thẻ đảng viên", "Party card number", ["Số thẻ", "Số thẻ Đảng", "Card number"]),
        field("full_name", "Họ và tên", "Full name", ["Họ tên", "Name"]),
        field("birth_date", "Ngày sinh", "Date of birth", ["Birth date", "DOB"]),
        field("post", "Chức vụ", "Post", ["Chức danh", "Position"], required: true),
        field(
            "organisation_code", "Mã tổ chức đảng", "Organisation code", ["Mã chi bộ", "Tổ chức", "Organisation"],
            required: true),
        requiredField(validFrom), validUntil,
        field("source", "Hình thức", "Elected or appointed", ["Bầu/Chỉ định", "Bầu hay chỉ định", "Source"]),
    ]

    public static let transfers: [ImportField] = [
        field("citizen_id", "Số CCCD", "Citizen ID", ["CCCD", "Căn cước công dân", "CMND", "National ID"]),
        field("card_number", "Số thẻ đảng viên", "Party card number", ["Số thẻ", "Số thẻ Đảng", "Card number"]),
        field("full_name", "Họ và tên", "Full name", ["Họ tên", "Name"]),
        field("birth_date", "Ngày sinh", "Date of birth", ["Birth date", "DOB"]),
        field(
            "from_cell_code", "Mã chi bộ chuyển đi", "From cell code", ["Chi bộ chuyển đi", "From cell"], required: true
        ),
        field(
            "to_cell_code", "Mã chi bộ chuyển đến", "To cell code", ["Chi bộ chuyển đến", "To cell"], required: true),
        field("kind", "Hình thức chuyển", "Kind of transfer", ["Loại chuyển", "Kind"]),
        field("sent_on", "Ngày chuyển đi", "Sent on", ["Ngày chuyển", "Sent"], required: true),
        field("deadline", "Hạn tiếp nhận", "Deadline", ["Hạn nhận", "Hạn cuối"]),
        field("until", "Tạm thời đến ngày", "Temporary until", ["Sinh hoạt tạm thời đến ngày", "Until"]),
    ]

    private static func requiredField(_ field: ImportField) -> ImportField {
        var field = field
        field.required = true
        return field
    }
}
