import GanDanCore

/// The syllables the demo's invented names are drawn from: Na Hang's family names by ethnicity,
/// Vietnamese middle and given names covering every letter and tone mark, and Tày-style place names.
enum NaHangNames {
    /// Family names common among each ethnicity of Na Hang.
    static func familyNames(of ethnicity: String) -> [String] {
        switch ethnicity {
        case "Dao": return ["Triệu", "Bàn", "Lý", "Đặng", "Triệu", "Bàn"]
        case "Mông": return ["Lý", "Giàng", "Vàng", "Sùng"]
        case "Kinh": return ["Nguyễn", "Nguyễn", "Đặng", "Trần", "Phạm", "Lê"]
        default: return ["Hoàng", "La", "Ma", "Nông", "Quan", "Chẩu", "Mã", "Lương", "Sầm", "Đàm", "Hoàng", "Ma"]
        }
    }

    static let maleMiddleNames = [
        ("Văn", 70), ("Đức", 8), ("Minh", 7), ("Xuân", 6), ("Thanh", 5), ("Ngọc", 4),
    ]

    static let femaleMiddleNames = [
        ("Thị", 78), ("Ngọc", 7), ("Thanh", 6), ("Minh", 5), ("Xuân", 4),
    ]

    /// Male given names: every tone mark and the letters đ, ư, ơ, ă, â, ê, ô appear.
    static let maleGivenNames = [
        "Hùng", "Dũng", "Cường", "Thắng", "Hưng", "Lực", "Quân", "Tuấn", "Sơn", "Hải", "Khánh", "Toàn",
        "Nghĩa", "Phúc", "Lợi", "Thành", "Bình", "Tiến", "Chiến", "Định", "Hoạt", "Tường", "Quyết", "Trọng",
        "Kiên", "Vượng", "Lâm", "Tâm", "Dương", "Thuận", "Hiếu", "Đông", "Công", "Nguyên", "Sỹ", "Mạnh",
        "Kỷ", "Tình", "Tài", "Hoan", "Đường", "Khiêm", "Ước", "Thể", "Vĩnh", "Đoàn",
    ]

    /// Female given names, with the same coverage of letters and tone marks.
    static let femaleGivenNames = [
        "Hoa", "Lan", "Hương", "Thu", "Hằng", "Nga", "Liên", "Mai", "Thủy", "Huyền", "Lụa", "Thơm",
        "Nhung", "Yến", "Dung", "Hạnh", "Oanh", "Phượng", "Thắm", "Duyên", "Vân", "Trang", "Quyên", "Ánh",
        "Chuyên", "Mỹ", "Lệ", "Nguyệt", "Hiền", "Ngần", "Thảo", "Tuyết", "Sợi", "Mến", "Dịu", "Ơn",
    ]

    /// First syllables of Tày/Dao place names (field, village, stream, upland, mouth, river, hill,
    /// valley, ravine), with their weights.
    static let placePrefixes = [
        ("Nà", 24), ("Bản", 15), ("Khuổi", 12), ("Phiêng", 10), ("Pác", 8), ("Nặm", 8), ("Khau", 8),
        ("Cốc", 7), ("Lũng", 8),
    ]

    static let placeSuffixes = [
        "Mạ", "Lầy", "Tàu", "Pài", "Bó", "Chang", "Luông", "Thoi", "Khiếu", "Vài", "Pồng", "Nghè", "Mò",
        "Lạn", "Đon", "Hin", "Phai", "Nưa", "Tẩu", "Khét", "Cọn", "Páng", "Rạo", "Đeng", "Ngõa", "Thẳm",
        "Hẩu", "Xiêm", "Lòa", "Muổng", "Thốc", "Cáy", "Bưa", "Nhùng", "Kéo", "Vàn", "Lài", "Củng", "Mường",
        "Pục", "Tông", "Mèo", "Đẩy", "Khoang", "Lằn", "Quân", "Chầu", "Sảng",
    ]

    /// School education as the member handbook writes it: old 10-year, new 12-year, and higher levels.
    static let oldSchooling = [("4/10", 10), ("7/10", 45), ("10/10", 45)]
    static let schooling = [
        ("6/12", 6), ("9/12", 36), ("12/12", 38), ("Trung cấp", 10), ("Cao đẳng", 5), ("Đại học", 5),
    ]
    static let staffEducation = [("Đại học", 55), ("Cao đẳng", 15), ("Trung cấp", 27), ("12/12", 3)]
    static let leaderEducation = [("Đại học", 70), ("Thạc sĩ", 5), ("Cao đẳng", 10), ("Trung cấp", 15)]

    /// Why a village cell was flagged weak in 2018 (rules.md R20).
    static let weakReasons = [
        "Sinh hoạt chi bộ không đều, nội dung nghèo nàn; nhiều đảng viên không hoàn thành nhiệm vụ",
        "Nội bộ mất đoàn kết; vai trò lãnh đạo của bí thư chi bộ còn hạn chế",
        "Không lãnh đạo hoàn thành chỉ tiêu giảm nghèo và phát triển kinh tế của thôn",
        "Nhiều năm không kết nạp được đảng viên mới; đảng viên tuổi cao, trình độ hạn chế",
    ]

    /// What Hoàng Văn Hoan found in Nà Coóc (seed article, paragraph 3).
    static let naCoocWeakReason =
        "Trình độ đảng viên còn hạn chế, triển khai nghị quyết còn lúng túng; "
        + "nhiệm vụ phát triển sản xuất chưa được phân công rõ cho các đoàn thể và cá nhân"
}
