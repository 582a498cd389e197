import GanDanCore
import GanDanStorage

extension NationalCountry {
    /// The day the national history is centred on, as bench/scale's: members' rolls are read that day.
    public static let placementDate = ScaleProvince.placementDate

    /// Writes `months` months of village-cell life (meetings with minutes, attendance, tasks, households and
    /// criteria, citizens' feedback and supervision), half each side of `placementDate`, for every village cell of
    /// province `index`, through the product's bulk history writer (`CellHistoryWriter`) in one transaction, as
    /// bench/scale does for a district (rules.md A6–A9).
    public static func writeHistory(db: DatabaseHandle, province index: Int, months: Int) async throws
        -> CellHistorySummary
    {
        let tree = OrganisationTree(db: db, scope: .everything)
        guard let unit = try await tree.unit(code: provinceCode(index), on: placementDate) else {
            throw StorageError.notFound("province \(provinceCode(index))")
        }
        let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(under: unit.id, on: placementDate)
        let half = max(months / 2, 1)
        let meetings = MeetingHistory.generate(
            cells: cells, placementDate: placementDate, monthsBefore: half, monthsAfter: half,
            seed: MeetingHistory.defaultSeed &+ UInt64(index))
        let citizens = CitizenHistory.generate(cells: cells, meetings: meetings, placementDate: placementDate)
        return try await CellHistoryWriter(db: db, scope: .everything, policy: .standard).write(
            CellHistory(meetings: meetings, citizens: citizens), actor: .cli)
    }
}
