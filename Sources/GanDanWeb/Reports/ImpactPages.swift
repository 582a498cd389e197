import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension ImpactReport: Content {}

/// The impact report: before vs after the placement, charts drawn on the server as SVG (rules.md A9).
struct ImpactPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.read).get("units", ":unit", "impact", use: page).reading(.months, .placementDate, .format)
        api.requiring(.read).get("units", ":unit", "impact", use: json).reading(.months, .placementDate)
    }

    /// The report for `?placement=` (default: the unit's approved placement) and `?months=` (default 12).
    func report(_ req: Request, audit: Bool = true) async throws -> (report: ImpactReport, unit: UnitSnapshot) {
        let id = try req.resolved.unit.id
        let (unit, _) = try await req.visibleCells()
        let reports = ImpactReports(db: await req.readStore(), scope: try await req.scope(.read))
        let months = try req.queryNumber(.months, default: 12)
        let placement: CivilDate
        if let given = try req.queryDate(.placementDate) {
            placement = given
        } else if let found = try await reports.placementDate(for: id, on: try req.asOfDate()) {
            placement = found
        } else {
            throw QueryValueError(
                .placementDate, "",
                problem: BilingualText(
                    vi: "cần được chỉ rõ (YYYY-MM-DD): chưa có phương án bố trí nào được phê duyệt cho đơn vị này",
                    en: "is needed (YYYY-MM-DD): no approved placement covers this unit"))
        }
        if audit { try await req.auditRead("impact_report", id: "unit=\(id)", unit: id) }
        return (try await reports.report(unitID: id, placementDate: placement, months: months), unit)
    }

    @Sendable func json(req: Request) async throws -> ImpactReport {
        try await report(req).report
    }

    struct Metric: Encodable {
        var label: String
        var before: String
        var after: String
        var better: Bool?
    }

    struct Bar: Encodable {
        var x: Int
        var y: Int
        var height: Int
        var label: String
        var value: String
        var after: Bool
    }

    struct CellBar: Encodable {
        var name: String
        var id: UUID
        var y: Int
        var x: Int
        var width: Int
        var change: String
        var positive: Bool
        /// Where the cell's name and change are written: beside the axis, on the side the bar does not take.
        var nameX: Int
        var textY: Int
    }

    struct Context: Encodable {
        var page: PageContext
        var unitID: UUID
        var unitName: String
        var placement: String
        var months: Int
        var beforeRange: String
        var afterRange: String
        var metrics: [Metric]
        var bars: [Bar]
        var groupLabels: [Bar]
        var cellBars: [CellBar]
        var cellChartHeight: Int
        var improved: [NamedID]
        var unchanged: [NamedID]
        var declined: [NamedID]
        var noData: Int
        var total: Int
        var threshold: String
        /// The year-end reviews the poor households and criteria read, before and after.
        var reviewBefore: String
        var reviewAfter: String
        var withLeaderCells: Int
        var withoutLeaderCells: Int
        /// Figures before and after in cells that received a key leader, then in those that did not.
        var byLeader: [LeaderMetric]
    }

    struct LeaderMetric: Encodable {
        var label: String
        var withBefore: String
        var withAfter: String
        var withoutBefore: String
        var withoutAfter: String
    }

    static func format(_ value: Double?, unit: String = "") -> String {
        value.map { String(format: "%.0f", $0) + unit } ?? "—"
    }

    @Sendable func page(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (report, unit) = try await report(req, audit: format == nil)
        return try await req.exportOrRender(
            "impact", context(req, report, unit), format: format, list: "impact_report", object: unit.id,
            unit: unit.id
        ) { _ in Self.table(report, unit: unit, req) }
    }

    /// The page's view model: the metrics table, the grouped bars and one bar per cell.
    func context(_ req: Request, _ report: ImpactReport, _ unit: UnitSnapshot) -> Context {
        let language = req.language
        let word = { (key: String) in Labels.text(key, req) }
        let (before, after) = (report.before, report.after)
        let (bars, labels) = Self.bars(report, word)
        let cellBars = Self.cellBars(report)
        return Context(
            page: PageContext(req, title: "\(word("impact")) · \(unit.title(in: language))", exportable: true),
            unitID: unit.id,
            unitName: unit.title(in: language), placement: report.placementDate.iso, months: report.months,
            beforeRange: "\(before.from.vietnamese) – \(before.until.adding(days: -1).vietnamese)",
            afterRange: "\(after.from.vietnamese) – \(after.until.adding(days: -1).vietnamese)",
            metrics: Self.metrics(report, word), bars: bars, groupLabels: labels, cellBars: cellBars,
            cellChartHeight: max(cellBars.count, 1) * 14 + 8,
            improved: report.cells(.improved).map(\.cell), unchanged: report.cells(.unchanged).map(\.cell),
            declined: report.cells(.declined).map(\.cell), noData: report.cells(.noData).count,
            total: report.cells.count, threshold: String(format: "%.0f", report.threshold),
            reviewBefore: Self.review(before, word), reviewAfter: Self.review(after, word),
            withLeaderCells: report.withKeyLeader.cells, withoutLeaderCells: report.withoutKeyLeader.cells,
            byLeader: Self.byLeader(report, word))
    }

    /// "31/12/2018", the review a side's poor households and criteria read, or that there was none inside it.
    static func review(_ figures: PeriodFigures, _ word: (String) -> String) -> String {
        figures.reviewYear.flatMap { CivilDate(year: $0, month: 12, day: 31)?.vietnamese } ?? word("impactNoReview")
    }

    /// The figures that show whether the change came with the placement: with a key leader against without one.
    static func byLeader(_ report: ImpactReport, _ word: (String) -> String) -> [LeaderMetric] {
        let (with, without) = (report.withKeyLeader, report.withoutKeyLeader)
        let rows: [(String, (PeriodFigures) -> Double?, String)] = [
            ("impactQuality", { $0.meanQuality }, ""), ("impactAttendance", { $0.attendanceRate }, " %"),
            ("impactOnTime", { $0.onTimeRate }, " %"), ("impactTasks", { $0.taskCompletion }, " %"),
            ("impactFeedback", { $0.feedbackAnswerRate }, " %"),
        ]
        return rows.map { key, value, unit in
            LeaderMetric(
                label: word(key), withBefore: format(value(with.before), unit: unit),
                withAfter: format(value(with.after), unit: unit),
                withoutBefore: format(value(without.before), unit: unit),
                withoutAfter: format(value(without.after), unit: unit))
        }
    }

    /// Each figure before and after the placement, and whether it got better.
    static func metrics(_ report: ImpactReport, _ word: (String) -> String) -> [Metric] {
        let (before, after) = (report.before, report.after)
        func metric(_ key: String, _ b: Double?, _ a: Double?, unit: String = "", higherIsBetter: Bool = true) -> Metric
        {
            var better: Bool?
            if let b, let a { better = higherIsBetter ? a > b : a < b }
            return Metric(label: word(key), before: format(b, unit: unit), after: format(a, unit: unit), better: better)
        }
        return [
            metric("impactMeetings", Double(before.meetings), Double(after.meetings)),
            metric("impactOnTime", before.onTimeRate, after.onTimeRate, unit: " %"),
            metric("impactNotice", before.noticeRate, after.noticeRate, unit: " %"),
            metric("impactDuration", before.meanDuration, after.meanDuration, unit: " ph"),
            metric("impactAttendance", before.attendanceRate, after.attendanceRate, unit: " %"),
            metric(
                "impactTopics", before.topicsPerMeeting.map { $0 * 10 }.map { $0.rounded() / 10 },
                after.topicsPerMeeting.map { ($0 * 10).rounded() / 10 }),
            metric("impactQuality", before.meanQuality, after.meanQuality),
            metric("impactTasks", before.taskCompletion, after.taskCompletion, unit: " %"),
            metric("impactFeedback", before.feedbackAnswerRate, after.feedbackAnswerRate, unit: " %"),
            metric("impactPoor", Double(before.poorHouseholds), Double(after.poorHouseholds), higherIsBetter: false),
            metric("impactCriteria", Double(before.criteriaMet), Double(after.criteriaMet)),
            metric("impactAdmitted", Double(before.admitted), Double(after.admitted)),
        ]
    }

    /// Grouped bars on a 0–100 scale (rates and the quality score), before and after, with the groups' labels.
    static func bars(_ report: ImpactReport, _ word: (String) -> String) -> (bars: [Bar], labels: [Bar]) {
        let (before, after) = (report.before, report.after)
        let groups: [(String, Double?, Double?)] = [
            ("impactOnTime", before.onTimeRate, after.onTimeRate),
            ("impactNotice", before.noticeRate, after.noticeRate),
            ("impactAttendance", before.attendanceRate, after.attendanceRate),
            ("impactQuality", before.meanQuality, after.meanQuality),
            ("impactTasks", before.taskCompletion, after.taskCompletion),
            ("impactFeedback", before.feedbackAnswerRate, after.feedbackAnswerRate),
        ]
        var bars: [Bar] = []
        var labels: [Bar] = []
        for (index, group) in groups.enumerated() {
            let x = index * 60 + 6
            for (offset, value) in [group.1, group.2].enumerated() {
                let height = Int((min(100, max(0, value ?? 0))).rounded())
                bars.append(
                    Bar(
                        x: x + offset * 22, y: 110 - height, height: height, label: word(group.0),
                        value: format(value), after: offset == 1))
            }
            labels.append(
                Bar(x: x + 22, y: 124, height: 0, label: String(index + 1), value: word(group.0), after: false))
        }
        return (bars, labels)
    }

    /// One bar per cell: its change in mean quality, centred on zero (±30 points fill the width).
    static func cellBars(_ report: ImpactReport) -> [CellBar] {
        report.cells.enumerated().compactMap { index, cell -> CellBar? in
            guard let change = cell.qualityChange else { return nil }
            let width = Int((min(30, abs(change)) / 30 * 140).rounded())
            return CellBar(
                name: cell.cell.name, id: cell.cell.id, y: index * 14 + 4, x: change >= 0 ? 150 : 150 - width,
                width: max(width, 1), change: String(format: "%+.1f", change), positive: change >= 0,
                nameX: change >= 0 ? 147 : 153, textY: index * 14 + 12)
        }
    }
}
