import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension DistrictDashboardReport: Content {}
extension CommuneDashboardReport: Content {}

/// A unit's dashboard as JSON: the district view for provinces and districts, cells at a glance below.
struct DashboardResponse: Content {
    /// `district` or `commune`.
    var view: String
    var district: DistrictDashboardReport?
    var commune: CommuneDashboardReport?
}

/// Dashboards as of a day (rules.md R26): a district's dissolution progress and placement coverage (A1–A3), a
/// commune's cells at a glance. Every figure links to the list behind it, on the same day.
struct DashboardPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.read).get("units", ":unit", "dashboard", use: page).reading(.dashboardDate, .format)
        api.requiring(.read).get("units", ":unit", "dashboard", use: json).reading(.dashboardDate)
    }

    /// Reads the dashboard the unit's level calls for; 404 when the unit is outside the user's scope or did not
    /// exist that day.
    static func load(_ req: Request) async throws -> DashboardResponse {
        let id = try req.resolved.unit.id
        let date = try req.dashboardDate()
        let db = await req.readStore()
        guard let unit = try await OrganisationTree(db: db, scope: try await req.scope(.read)).unit(id, on: date)
        else { throw Abort(.notFound, reason: "no unit is at this address on \(date.vietnamese)") }
        try await req.auditRead("dashboard", id: "unit=\(id)&as_of=\(date.iso)", unit: id)
        if unit.kind.level <= 2 {
            guard
                let report = try await DistrictDashboard(db: db, scope: try await req.scope(.read)).load(
                    unit: id, asOf: date)
            else { throw Abort(.notFound, reason: "no unit is at this address on \(date.vietnamese)") }
            return DashboardResponse(view: "district", district: report)
        }
        let dashboard = CommuneDashboard(
            db: db, scope: try await req.scope(.read), charter: req.application.settings.charter,
            calendar: req.workingCalendar, meetingSettings: req.meetingPolicy.meetings)
        guard let report = try await dashboard.load(unit: id, asOf: date) else {
            throw Abort(.notFound, reason: "no unit is at this address on \(date.vietnamese)")
        }
        return DashboardResponse(view: "commune", commune: report)
    }

    @Sendable func json(req: Request) async throws -> DashboardResponse {
        try await Self.load(req)
    }

    /// A figure with the address of the list behind it.
    struct Figure: Encodable {
        var value: String
        var link: String
    }

    struct CommuneRow: Encodable {
        var name: String
        var district: String?
        var dashboard: String
        var dissolved: Figure?
        var deadline: String?
        var status: String
        var statusKey: String
        var completedOn: String?
        var moved: Figure
        var toMove: Figure
        var leadersMoved: Figure
        var leadersToMove: Figure
        var villagesReceived: Figure
        var villagesWithLeader: Figure
        var weakWithLeader: Figure
        var placed: Figure
        var planned: Figure
    }

    struct RankRow: Encodable {
        var rank: Int
        var name: String
        var link: String
        var dissolved: String
        var completedOn: String?
        var status: String
        var current: Bool
    }

    struct DistrictContext: Encodable {
        var page: PageContext
        var unitID: UUID
        var unitName: String
        var asOf: String
        var asOfText: String
        var rows: [CommuneRow]
        var total: CommuneRow
        var ranking: [RankRow]
        var hasDirective: Bool
    }

    struct CellRow: Encodable {
        var name: String
        var unitName: String
        var link: String
        var size: Figure
        var full: Figure
        var rating: Figure?
        var weak: Bool
        var lastMeeting: Figure?
        var monthsAgo: String?
        var openTasks: Figure
        var overdueFeedback: Figure
        var noMeetingThisMonth: Bool
        var mayPropose: Bool
        var belowMinimum: Bool
        /// Meetings this year without the assigned committee member, leading to the cell's meetings (rules.md R11).
        var withoutCommitteeMember: Figure?
        var committeeMember: String?
    }

    /// A grassroots committee's meetings against the rule, with the page that lists them (rules.md R7).
    struct CommitteeRow: Encodable {
        var name: String
        var link: String
        var held: Int
        var expected: Int
        var behind: Bool
        var missed: String
        var lastCommittee: String?
        var lastStanding: String?
    }

    struct CommuneContext: Encodable {
        var page: PageContext
        var unitID: UUID
        var unitName: String
        var asOf: String
        var asOfText: String
        var committees: [CommitteeRow]
        var rows: [CellRow]
        var size: Int
        var full: Int
        var openTasks: Int
        var overdueFeedback: Int
        var cellsWithoutMeeting: Int
        var cellsMayPropose: Int
        var cellsWithoutCommitteeMember: Int
        /// The month's short or late-notice meetings, each a link to its minutes (rules.md R8, R11).
        var flagged: [FlaggedRow]
        var month: String
    }

    /// A meeting recorded with a breach: the cell, the day and what it broke in plain words.
    struct FlaggedRow: Encodable {
        var cellName: String
        var date: String
        var link: String
        var breaches: [String]
    }

    /// The dashboard page, or with `?format=csv|xlsx` its table as a file.
    @Sendable func page(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let loaded = try await Self.load(req)
        if let report = loaded.district {
            let context = district(req, report)
            return try await req.exportOrRender(
                "dashboard-district", context, format: format, list: "dashboard", object: report.unitID,
                unit: report.unitID
            ) { Self.table($0, req) }
        }
        guard let report = loaded.commune else { throw Abort(.notFound) }
        let context = commune(req, report)
        return try await req.exportOrRender(
            "dashboard-commune", context, format: format, list: "dashboard", object: report.unitID, unit: report.unitID
        ) { Self.table($0, req) }
    }

    func district(_ req: Request, _ report: DistrictDashboardReport) -> DistrictContext {
        let language = req.language
        let date = report.asOf.iso
        func word(_ key: String) -> String { Labels.text(key, req) }
        func members(_ figure: PlacementFigure, _ commune: UUID, _ value: Int) -> Figure {
            Figure(value: String(value), link: "/members?date=\(date)&unit=\(commune)&figure=\(figure.rawValue)")
        }
        func status(_ status: DeadlineStatus) -> String {
            word("deadline" + status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst())
        }
        func row(_ progress: CommuneProgress, district: Bool) -> CommuneRow {
            let id = progress.communeID
            let unitQuery = district ? "" : "&unit=\(id)"
            func figure(_ figure: PlacementFigure, _ value: Int) -> Figure {
                district
                    ? Figure(value: String(value), link: "")
                    : Figure(
                        value: String(value),
                        link: "/members?date=\(date)\(unitQuery)&figure=\(figure.rawValue)")
            }
            return CommuneRow(
                name: progress.communeName, district: progress.districtName,
                dashboard: "/units/\(id)/dashboard?as_of=\(date)",
                dissolved: progress.directiveID.map {
                    Figure(
                        value: "\(progress.dissolved)/\(progress.agencyCells)",
                        link: "/directives/\($0)?date=\(date)")
                } ?? (district ? Figure(value: "\(progress.dissolved)/\(progress.agencyCells)", link: "") : nil),
                deadline: progress.deadline?.vietnamese, status: status(progress.status),
                statusKey: progress.status.rawValue, completedOn: progress.completedOn?.vietnamese,
                moved: figure(.moved, progress.membersMoved), toMove: figure(.toMove, progress.membersToMove),
                leadersMoved: figure(.leadersMoved, progress.leadersMoved),
                leadersToMove: figure(.leadersToMove, progress.leadersToMove),
                villagesReceived: Figure(
                    value: "\(progress.villageCellsReceived)/\(progress.villageCells)",
                    link: district ? "" : "/units/\(id)/dashboard?as_of=\(date)"),
                villagesWithLeader: Figure(
                    value: String(progress.villageCellsWithLeader),
                    link: district ? "" : members(.leadersMoved, id, 0).link),
                weakWithLeader: Figure(
                    value: "\(progress.weakCellsWithLeader)/\(progress.weakCells)",
                    link: district ? "" : members(.leadersMoved, id, 0).link),
                placed: figure(.placed, progress.placed), planned: figure(.planned, progress.planned))
        }
        let context = DistrictContext(
            page: PageContext(req, title: "\(word("dashboard")) · \(report.unitName)", exportable: true),
            unitID: report.unitID,
            unitName: "\(report.unitKind.label.text(in: language)) \(report.unitName)", asOf: date,
            asOfText: report.asOf.vietnamese, rows: report.communes.map { row($0, district: false) },
            total: row(report.totals, district: true),
            ranking: report.ranking.map {
                RankRow(
                    rank: $0.rank, name: $0.unitName, link: "/units/\($0.unitID)/dashboard?as_of=\(date)",
                    dissolved: "\($0.dissolved)/\($0.total)", completedOn: $0.completedOn?.vietnamese,
                    status: status($0.status), current: $0.unitID == report.unitID)
            },
            hasDirective: report.totals.agencyCells > 0)
        return context
    }

    func commune(_ req: Request, _ report: CommuneDashboardReport) -> CommuneContext {
        let language = req.language
        let date = report.asOf.iso
        func word(_ key: String) -> String { Labels.text(key, req) }
        let rows = report.cells.map { cell -> CellRow in
            let id = cell.cellID
            return CellRow(
                name: cell.cellName, unitName: cell.unitName, link: "/cells/\(id)?date=\(date)",
                size: Figure(value: String(cell.size), link: "/cells/\(id)?date=\(date)"),
                full: Figure(value: String(cell.fullMembers), link: "/members?date=\(date)&cell=\(id)&figure=full"),
                rating: cell.lastRating.map {
                    Figure(
                        value: "\($0.level.label.text(in: language)) (\($0.year))",
                        link: "/cells/\(id)/ratings?year=\($0.year)")
                }, weak: cell.lastRating?.weak == true,
                lastMeeting: zip(cell.lastMeetingID, cell.lastMeetingDate).map {
                    Figure(value: $0.1.vietnamese, link: "/meetings/\($0.0)")
                },
                monthsAgo: cell.monthsSinceLastMeeting.map {
                    $0 == 0 ? word("dashboardThisMonth") : "\($0) \(word("dashboardMonthsAgo"))"
                },
                openTasks: Figure(
                    value: String(cell.openTasks),
                    link: "/cells/\(id)/meetings?date=\(date)&year=\(report.asOf.year)#open-tasks"),
                overdueFeedback: Figure(
                    value: String(cell.overdueFeedback), link: "/cells/\(id)/feedback?date=\(date)&overdue=1"),
                noMeetingThisMonth: cell.noMeetingThisMonth, mayPropose: cell.mayProposeCommittee,
                belowMinimum: cell.belowMinimum,
                withoutCommitteeMember: cell.meetingsWithoutCommitteeMember > 0
                    ? Figure(
                        value: String(cell.meetingsWithoutCommitteeMember),
                        link: "/cells/\(id)/meetings?date=\(date)&year=\(report.asOf.year)") : nil,
                committeeMember: cell.assignedCommitteeMember?.name)
        }
        let context = CommuneContext(
            page: PageContext(req, title: "\(word("dashboard")) · \(report.unitName)", exportable: true),
            unitID: report.unitID,
            unitName: "\(report.unitKind.label.text(in: language)) \(report.unitName)", asOf: date,
            asOfText: report.asOf.vietnamese,
            committees: report.committees.map {
                CommitteeRow(
                    name: $0.committeeName,
                    link: "/committees/\($0.committeeID)/meetings?date=\(date)&year=\(report.asOf.year)",
                    held: $0.rhythm.committeeMeetingsHeld, expected: $0.rhythm.committeeMeetingsExpected,
                    behind: $0.rhythm.committeeBehind,
                    missed: $0.rhythm.standingBodyMissed.map(\.vietnamese).joined(separator: ", "),
                    lastCommittee: $0.lastCommitteeMeeting?.vietnamese,
                    lastStanding: $0.lastStandingBodyMeeting?.vietnamese)
            }, rows: rows, size: report.size, full: report.fullMembers,
            openTasks: report.openTasks, overdueFeedback: report.overdueFeedback,
            cellsWithoutMeeting: report.cellsWithoutMeetingThisMonth, cellsMayPropose: report.cellsMayProposeCommittee,
            cellsWithoutCommitteeMember: report.cellsWithoutCommitteeMember,
            flagged: report.flaggedMeetings.map {
                FlaggedRow(
                    cellName: $0.cellName, date: $0.date.vietnamese, link: "/meetings/\($0.meetingID)",
                    breaches: $0.breaches.map { $0.label.text(in: language) })
            }, month: YearMonth(report.asOf).vietnamese)
        return context
    }
}

/// `zip` for two optionals.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

extension Request {
    /// The dashboard's day: `?as_of=`, else `?date=` (the header's picker), else today; a bad date is a 400.
    func dashboardDate() throws -> CivilDate {
        try queryDate(.dashboardDate) ?? asOfDate()
    }
}
