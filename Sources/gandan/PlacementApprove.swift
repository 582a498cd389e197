import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb

/// `gandan placement approve --plan ID --decision-date D [--placed-on COMMUNE=DATE …] [--dissolved-on COMMUNE=DATE …]`:
/// applies a draft atomically, each commune's members placed and its agency cells dissolved on its own days
/// (rules.md R13, R14), checked as the approve form checks them.
struct PlacementApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a draft plan: transfer every member and dissolve the agency cells, in one transaction.")

    @ArgumentParser.Option(help: "The plan id printed by propose.") var plan: String
    @ArgumentParser.Option(help: "The decision date (YYYY-MM-DD or dd/mm/yyyy).") var decisionDate: String
    @ArgumentParser.Option(help: "The plan version you reviewed (default: the current one).") var version: Int?
    @ArgumentParser.Option(
        help: ArgumentHelp(
            "A commune's placement day, by its code or name, e.g. 02230=2019-04-25 or \"Thanh Tương=25/04/2019\"; "
                + "repeat for each commune (default: the decision date; at most the charter's working days after it).",
            valueName: "commune=date"))
    var placedOn: [String] = []
    @ArgumentParser.Option(
        help: ArgumentHelp(
            "The day a commune's agency cells are dissolved and its party committee takes over their records and seal, "
                + "as for --placed-on (default: the commune's placement day; not before it, within the same limit).",
            valueName: "commune=date"))
    var dissolvedOn: [String] = []
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard UUID(uuidString: plan) != nil else { throw Self.notAPlan(plan) }
        _ = try CommandValues.date(decisionDate, option: "--decision-date")
        if let version, version < 0 {
            throw CommandValues.refusal(vi: "--version phải từ 0 trở lên", en: "--version must be 0 or more")
        }
        _ = try PlacementDayOption.parse(placedOn)
        _ = try PlacementDayOption.parse(dissolvedOn, option: PlacementDayOption.dissolved)
    }

    func run() async throws {
        guard let id = UUID(uuidString: plan) else { throw Self.notAPlan(plan) }
        let day = try CommandValues.date(decisionDate, option: "--decision-date")
        let options =
            try PlacementDayOption.parse(placedOn)
            + PlacementDayOption.parse(dissolvedOn, option: PlacementDayOption.dissolved)
        let settings = try await database.settings()
        let version = version
        let approved = try await AppRunner.withStorage(settings) { db in
            try await Self.approve(
                id, version: version, decisionDate: day, days: options, db: db, charter: settings.charter,
                calendar: settings.workingCalendar)
        }
        print(
            "Đã phê duyệt: \(approved.decisions.count) đảng viên chuyển sinh hoạt; "
                + "\(approved.communes.flatMap(\.agencyCellIDs).count) chi bộ cơ quan giải thể "
                + "(approved: \(approved.decisions.count) members transferred, "
                + "\(approved.communes.flatMap(\.agencyCellIDs).count) agency cell(s) dissolved).")
    }

    /// Approves plan `id` with the placement and dissolution days of `days`, matched to the plan's communes; a day
    /// the approval refuses is told in Vietnamese (then English) naming the option, as `validate()` tells a malformed
    /// one.
    static func approve(
        _ id: UUID, version: Int?, decisionDate: CivilDate, days options: [PlacementDayOption], db: DatabaseHandle,
        charter: CharterSettings, calendar: WorkingCalendar
    ) async throws -> PlacementPlan {
        let plans = PlacementPlans(db: db, scope: .commandLineOperator, charter: charter, calendar: calendar)
        guard let current = try await plans.plan(id) else { throw StorageError.notFound("no placement plan \(id)") }
        let tree = OrganisationTree(db: db, scope: .commandLineOperator)
        var communes: [UnitSnapshot] = []
        for commune in current.communes {
            if let unit = try await tree.unit(commune.communeID, on: current.proposedOn ?? decisionDate) {
                communes.append(unit)
            }
        }
        let placed = try PlacementDayOption.days(
            options.filter { $0.option == PlacementDayOption.placed }, communes: communes)
        let dissolved = try PlacementDayOption.days(
            options.filter { $0.option == PlacementDayOption.dissolved }, communes: communes)
        do {
            return try await plans.approve(
                id, version: version ?? current.version, decisionDate: decisionDate, placedOn: placed,
                dissolvedOn: dissolved, actor: .cli)
        } catch let error as InputError {
            throw ValidationError(PlacementDayOption.lines(error.issues))
        } catch let StorageError.refused(text) {
            throw CommandValues.refusal(vi: text.vi, en: text.en)
        }
    }

    static func notAPlan(_ text: String) -> ValidationError {
        CommandValues.refusal(
            vi: "--plan \"\(text)\" không phải mã phương án", en: "--plan \"\(text)\" is not a plan id")
    }
}
