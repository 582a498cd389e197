import GanDanCore
import GanDanStorage

/// A restructure's report as the page shows it, in the page's language.
struct RestructureView: Encodable {
    struct Count: Encodable {
        var label: String
        var value: Int
    }

    var dryRun: Bool
    var alreadyApplied: Bool
    /// The day the new units begin, dd/mm/yyyy.
    var date: String
    var changes: [String]
    var conflicts: [String]
    var counts: [Count]
    /// A dry run with something to change and no conflict may be applied.
    var mayApply: Bool

    init(_ report: RestructureReport, language: Language) {
        dryRun = report.dryRun
        alreadyApplied = report.alreadyApplied
        date = report.date.vietnamese
        changes = report.changes.map { $0.text(in: language) }
        conflicts = report.conflicts.map { $0.shown(in: language) }
        let figures: [(String, Int)] = [
            ("restructureUnitsCreated", report.units.unitsCreated),
            ("restructureDistrictsEnded", report.districtsEnded),
            ("restructureCommunesEnded", report.communesEnded),
            ("restructureVillagesMoved", report.villagesMoved),
            ("restructureCommitteesCreated", report.committeesCreated),
            ("restructureOrganisationsMoved", report.organisationsMoved),
            ("restructureOrganisationsEnded", report.organisationsEnded),
            ("restructureMembershipsCarried", report.membershipsCarried),
        ]
        counts = figures.map { key, value in
            Count(
                label: (RestructureLabels.all[key] ?? BilingualText(vi: key, en: key)).text(in: language), value: value)
        }
        mayApply = report.dryRun && !report.alreadyApplied && report.conflicts.isEmpty
    }
}
