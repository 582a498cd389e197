import FluentKit
import Foundation
import GanDanCore

/// A directive with its cells and progress, as of a date (rules.md A1, A2).
public struct DirectiveProgress: Sendable, Codable, Hashable {
    public struct Cell: Sendable, Codable, Hashable {
        public var cellID: UUID
        public var cellName: String
        public var status: DissolutionStatus
        public var plannedOn: CivilDate
        public var placedOn: CivilDate?
        public var dissolvedOn: CivilDate?
        /// The placement decision's day, from which the members' 30 working days run (rules.md R14).
        public var decidedOn: CivilDate?
        /// Who took over the cell's records and seal ("Đảng bộ xã Thanh Tương"), and when (rules.md R14).
        public var handoverTo: String?
        public var handoverOn: CivilDate?
        /// The receiving organisation's unit, so a page names its committee ("Đảng ủy xã Thanh Tương").
        public var handoverUnitID: UUID?
    }

    public struct Coverage: Sendable, Codable, Hashable {
        public var cellID: UUID
        public var cellName: String
        public var received: Int
    }

    public var id: UUID
    public var title: String
    public var legalBasis: String
    public var deadline: CivilDate
    public var unitID: UUID
    public var cells: [Cell]
    public var dissolved: Int
    public var total: Int
    /// Days from the date asked to the deadline (negative when past).
    public var daysToDeadline: Int
    /// The day the last cell was dissolved, when all are.
    public var completedOn: CivilDate?
    /// New members each village cell received from approved plans (rules.md A2).
    public var coverage: [Coverage]
    public var everyVillageCellReceived: Bool
}

/// Directives to dissolve commune agency cells, their progress, and the ranking of districts (rules.md A1).
///
/// Every read and write is limited to `scope` (rules.md R30): a directive whose unit is outside it is not found.
public struct Directives: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Creates a directive for a district: every commune agency cell in force on `plannedOn` becomes "planned".
    public func create(
        title: String, legalBasis: String, deadline: CivilDate, unitID: UUID, plannedOn: CivilDate, actor: Actor
    ) async throws -> UUID {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        let units = try await tree.subtree(of: unitID, on: plannedOn)
        let cells = try await tree.organisations(atUnits: units, on: plannedOn).filter { $0.kind == .communeAgencyCell }
        guard !cells.isEmpty else {
            throw StorageError.conflict(
                vi: "Ở đây không có chi bộ cơ quan xã nào.", en: "no commune agency cell is in force there")
        }
        let id = UUID()
        try await db.writeTransaction { db in
            let directive = DirectiveRecord()
            directive.id = id
            directive.title = title
            directive.legalBasis = legalBasis
            directive.deadline = deadline.iso
            directive.unitID = unitID
            directive.createdAt = Date()
            try await directive.create(on: db)
            for cell in cells {
                let row = DissolutionRecord()
                row.id = UUID()
                row.directiveID = id
                row.organisationID = cell.id
                row.status = DissolutionStatus.planned.rawValue
                row.plannedOn = plannedOn.iso
                try await row.create(on: db)
            }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "directive", entityID: id.uuidString,
                    after: "{\"title\":\"\(title)\",\"cells\":\(cells.count),\"deadline\":\"\(deadline.iso)\"}",
                    requestID: actor.requestID, unitID: unitID))
        }
        return id
    }

    /// Directives in scope, newest first.
    func list() async throws -> [DirectiveRecord] {
        var query = DirectiveRecord.query(on: db)
        if let units = scope.unitFilter { query = query.filter(\.$unitID ~~ units) }
        return try await query.sort(\.$createdAt, .descending).all()
    }

    /// Progress as of `date`: cell statuses, "12/12 dissolved", days to the deadline, and coverage.
    public func progress(_ id: UUID, on date: CivilDate) async throws -> DirectiveProgress? {
        guard let directive = try await DirectiveRecord.find(id, on: db), scope.contains(unit: directive.unitID)
        else { return nil }
        let deadline = try directive.date(\.$deadline)
        let rows = try await DissolutionRecord.query(on: db).filter(\.$directiveID == id).all()
        // A district's list: each agency cell named with its commune (rules.md R27), as of its planning day.
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        let planned = try rows.map { try $0.date(\.$plannedOn) }.min() ?? date
        let names = try await tree.namesWithCommune(cellIDs: Set(rows.map(\.organisationID)), on: planned)
        let takers = try await OrganisationRecord.query(on: db).filter(\.$id ~~ rows.compactMap(\.handoverTo)).all()
        let takerNames = try Dictionary(
            takers.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { first, _ in first })
        let takerUnits = try Dictionary(
            takers.map { (try $0.requireID(), $0.unitID) }, uniquingKeysWith: { first, _ in first })
        let cells = try rows.map { row -> DirectiveProgress.Cell in
            // Nothing dated after the day asked (rules.md R26).
            let dissolvedOn = try row.date(\.$dissolvedOn).flatMap { $0 <= date ? $0 : nil }
            let placedOn = try row.date(\.$placedOn).flatMap { $0 <= date ? $0 : nil }
            let decidedOn = try row.date(\.$decidedOn).flatMap { $0 <= date ? $0 : nil }
            let status = try row.status(on: date)
            let handoverOn = try row.date(\.$handoverOn).flatMap { $0 <= date ? $0 : nil }
            return DirectiveProgress.Cell(
                cellID: row.organisationID, cellName: names[row.organisationID] ?? "", status: status,
                plannedOn: try row.date(\.$plannedOn), placedOn: placedOn, dissolvedOn: dissolvedOn,
                decidedOn: decidedOn, handoverTo: handoverOn == nil ? nil : row.handoverTo.flatMap { takerNames[$0] },
                handoverOn: handoverOn,
                handoverUnitID: handoverOn == nil ? nil : row.handoverTo.flatMap { takerUnits[$0] })
        }
        .sorted { VietnameseText.sortKey($0.cellName) < VietnameseText.sortKey($1.cellName) }
        let dissolved = cells.filter { $0.status == .dissolved }.count
        let completedOn = dissolved == cells.count ? cells.compactMap(\.dissolvedOn).max() : nil

        // Coverage: newcomers of approved plans of this unit, per village cell of the unit on the date.
        let units = try await tree.subtree(of: directive.unitID, on: date)
        let villageCells = try await tree.organisations(atUnits: units, on: date).filter { $0.kind == .villageCell }
        var received: [UUID: Int] = [:]
        let plans = try await PlacementPlans(db: db, scope: scope).plans(ofUnits: units)
        for plan in plans where plan.status != .draft && (plan.decisionDate.map { $0 <= date } ?? false) {
            for decision in plan.decisions where plan.correctsID == nil {
                received[decision.toCellID, default: 0] += 1
            }
        }
        // A directive's coverage spans communes: each cell named with its commune (rules.md R27).
        let communeNames = try await tree.namesWithCommune(villageCells, on: date)
        let coverage = villageCells.map {
            DirectiveProgress.Coverage(
                cellID: $0.id, cellName: communeNames[$0.id] ?? $0.name, received: received[$0.id] ?? 0)
        }
        return DirectiveProgress(
            id: id, title: directive.title, legalBasis: directive.legalBasis, deadline: deadline,
            unitID: directive.unitID, cells: cells, dissolved: dissolved, total: cells.count,
            daysToDeadline: deadline.dayNumber - date.dayNumber, completedOn: completedOn, coverage: coverage,
            everyVillageCellReceived: !coverage.isEmpty && coverage.allSatisfy { $0.received > 0 })
    }

    /// Districts with a directive in scope, ranked by completion date (unfinished last), as of `date`.
    public func ranking(on date: CivilDate) async throws -> [DirectiveProgress] {
        var result: [DirectiveProgress] = []
        for directive in try await list() {
            if let progress = try await progress(try directive.requireID(), on: date) { result.append(progress) }
        }
        return result.sorted {
            Self.ranksBefore(($0.completedOn, $0.dissolved, $0.total), ($1.completedOn, $1.dissolved, $1.total))
        }
    }

    /// The ranking rule (rules.md A1): finished first, by completion date; then unfinished by the share dissolved;
    /// `tieBreak` decides between equals. The dashboards rank districts by the same rule.
    public static func ranksBefore(
        _ a: (completedOn: CivilDate?, dissolved: Int, total: Int),
        _ b: (completedOn: CivilDate?, dissolved: Int, total: Int), tieBreak: Bool = false
    ) -> Bool {
        switch (a.completedOn, b.completedOn) {
        case (let x?, let y?): return x != y ? x < y : tieBreak
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            let left = Double(a.dissolved) / Double(max(a.total, 1))
            let right = Double(b.dissolved) / Double(max(b.total, 1))
            return left != right ? left > right : tieBreak
        }
    }
}
