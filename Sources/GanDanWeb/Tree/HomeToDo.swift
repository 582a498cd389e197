import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The to-do home (issue 20): what each of the user's cells has to do today, and for a planner the same counted over
/// the cells under each unit they plan for, each count a link to the list behind it. The e-mail digest says the same.
public struct HomeToDo: Encodable, Sendable {
    /// One cell of a secretary, or one unit of a planner.
    public struct Section: Encodable, Sendable {
        public var title: String
        public var path: String
        public var lines: [Line]
        public var empty: Bool
    }

    public struct Line: Encodable, Sendable {
        public var text: String
        public var path: String
        public var urgent: Bool
    }

    public var sections: [Section]

    /// Whether no section has anything to do.
    public var isEmpty: Bool { sections.allSatisfy(\.empty) }

    /// The to-do sections of the signed-in user on the day (today in Vietnam unless `?date=` says otherwise).
    static func load(_ req: Request, on date: CivilDate) async throws -> HomeToDo {
        try await build(
            db: req.store, account: try await req.account(), scope: try await req.scope(.read), on: date,
            language: req.language, settings: req.application.settings)
    }

    /// The sections of `account` in its read `scope` on `date`, in `language`.
    public static func build(
        db: DatabaseHandle, account: UserAccount, scope: AccessScope, on date: CivilDate, language: Language,
        settings: Settings
    ) async throws -> HomeToDo {
        let meetings = settings.meetingPolicy.meetings
        let lists = ToDoLists(
            db: db, scope: scope, calendar: settings.workingCalendar, meetingSettings: meetings)
        let absencesAt = meetings.absenceWarningCount
        var sections: [Section] = []
        let cells = account.grants.filter { $0.role == .secretary }.compactMap(\.organisationID)
        for cell in try await lists.cells(cells, on: date).cells {
            let lines = ToDoLines.cell(cell, on: date, absencesAt: absencesAt)
            sections.append(
                Section(
                    title: cell.cellName, path: "/cells/\(cell.cellID.uuidString)/meetings",
                    lines: lines.map { Line($0, language) }, empty: cell.isEmpty))
        }
        let tree = OrganisationTree(db: db, scope: scope)
        for unit in account.grants.filter({ $0.role == .planner }).compactMap(\.unitID) {
            guard let list = try await lists.unit(unit, on: date), let named = try await tree.unit(unit, on: date)
            else { continue }
            let totals = list.totals
            let counted = BilingualText(vi: " — \(totals.cells) chi bộ", en: " — \(totals.cells) cells")
            sections.append(
                Section(
                    title: named.title(in: language) + counted.text(in: language),
                    path: "/units/\(unit.uuidString)/dashboard",
                    lines: ToDoLines.unit(unit, totals, on: date, absencesAt: absencesAt).map { Line($0, language) },
                    empty: totals.isEmpty))
        }
        return HomeToDo(sections: sections)
    }
}

extension HomeToDo.Line {
    init(_ line: ToDoLine, _ language: Language) {
        self.init(text: line.text.text(in: language), path: line.path, urgent: line.urgent)
    }
}
