import GanDanCore

/// A production drive: households to persuade, persuaded so far and hectares planted (rules.md A6).
struct HistoryDrive {
    /// What households are persuaded to do, e.g. "trồng lê".
    let crop: String
    /// The thematic topic that launches it.
    let topic: String
    /// The commune or district policy relayed with it.
    let policy: String
    let householdsTarget: Int
    let hectaresPerHousehold: Double
    /// The first month of the drive, counted from the placement month.
    let startsAfter: Int
    var persuaded = 0

    /// The drive's figures now, hectares to one decimal.
    var progress: PersuasionProgress {
        let hectares = (Double(persuaded) * hectaresPerHousehold * 10).rounded() / 10
        return PersuasionProgress(
            householdsTarget: householdsTarget, householdsPersuaded: persuaded, areaPlantedHectares: hectares)
    }

    var isComplete: Bool { persuaded >= householdsTarget }
}

extension HistoryCellGenerator {
    /// The village whose cell drives pear-growing (rules.md A6).
    static let pearVillage = "Khuổi Phầy"

    static let otherDrives = [
        (
            "trồng quế", "Phát triển diện tích trồng quế theo hướng hàng hóa",
            "Chủ trương của huyện về phát triển cây quế"
        ),
        (
            "trồng cam sành", "Mở rộng diện tích trồng cam sành",
            "Chủ trương của xã về chuyển đổi đất bãi sang trồng cam"
        ),
        (
            "trồng chè Shan tuyết", "Phát triển vùng chè Shan tuyết",
            "Kế hoạch của huyện về phát triển vùng chè Shan tuyết"
        ),
        ("trồng rừng keo", "Vận động hộ dân trồng rừng sản xuất", "Chính sách hỗ trợ trồng rừng sản xuất của huyện"),
    ]

    /// Khuổi Phầy's pear-growing from the first month after the placement; elsewhere, in about a third of the cells
    /// with an effect above 0.3, another crop from the second to fourth month.
    mutating func makeDrive() -> HistoryDrive? {
        let villageHouseholds = cell.profile?.households ?? 60
        if cell.villageName == Self.pearVillage {
            return HistoryDrive(
                crop: "trồng lê", topic: "Mở rộng diện tích trồng lê ở thôn Khuổi Phầy",
                policy: "Chủ trương của xã về mở rộng diện tích trồng lê",
                householdsTarget: min(max(villageHouseholds / 2, 15), 60), hectaresPerHousehold: random.real(0.2...0.4),
                startsAfter: 1)
        }
        guard plan.effect > 0.3, random.chance(0.35) else { return nil }
        let (crop, topic, policy) = random.pick(Self.otherDrives)
        return HistoryDrive(
            crop: crop, topic: "\(topic) ở thôn \(cell.villageName)", policy: policy,
            householdsTarget: min(max(villageHouseholds / 3, 10), 40), hectaresPerHousehold: random.real(0.3...0.8),
            startsAfter: random.int(2...4))
    }

    /// Whether the drive runs in `month`: started and not yet at its target.
    func driveIsActive(in month: YearMonth) -> Bool {
        guard let drive else { return false }
        return window.monthsSincePlacement(month) >= drive.startsAfter && !drive.isComplete
    }
}
