import FluentKit
import Foundation
import GanDanCore

/// A comment as the lists show it, with the leader's name and cell.
public struct SupervisionView: Codable, Sendable, Hashable {
    public var id: UUID
    public var cellID: UUID
    public var cellName: String
    public var leader: NamedID
    public var supervision: LeaderSupervision
}

/// The village cell's comments on the leaders placed in it, and their reports back (rules.md A8).
public struct LeaderSupervisions: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The key leaders on the cell's roll on `date`: those the cell supervises (rules.md A3, A8).
    public func leaders(of cellID: UUID, on date: CivilDate) async throws -> [NamedID] {
        guard scope.contains(organisation: cellID) else { return [] }
        return try await CellDirectory(db: db, scope: .storageInternal).roster(of: cellID, on: date).filter {
            $0.member.isKeyLeader
        }.map {
            NamedID(id: $0.member.id, name: $0.member.fullName)
        }
    }

    /// Records the cell's comment on one of its leaders.
    public func record(cellID: UUID, _ supervision: LeaderSupervision, actor: Actor) async throws -> SupervisionView {
        try supervision.commentedOn.requireSupported(field: "commentedOn")
        guard scope.contains(organisation: cellID), let cell = try await OrganisationRecord.find(cellID, on: db) else {
            throw StorageError.notFound("no cell \(cellID)")
        }
        var issues = supervision.issues()
        let leaders = try await leaders(of: cellID, on: supervision.commentedOn)
        guard let leaderID = UUID(uuidString: supervision.leaderID), leaders.contains(where: { $0.id == leaderID })
        else {
            issues.append(
                InputIssue(
                    field: "leaderID",
                    vi:
                        "Người được chọn không phải cán bộ trong danh sách chi bộ ngày \(supervision.commentedOn.vietnamese).",
                    en:
                        "The person chosen is not a leader on this cell's roll on \(supervision.commentedOn.vietnamese)."
                )
            )
            throw InputError.invalid(issues)
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        let record = SupervisionRecord()
        record.id = UUID()
        record.organisationID = cellID
        record.memberID = leaderID
        record.year = Self.year(of: supervision)
        record.body = String(decoding: try CellMeetings.encoder.encode(supervision), as: UTF8.self)
        record.createdBy = actor.name
        record.createdAt = Date()
        try await db.writeTransaction { db in
            try await record.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "leader_supervision", entityID: record.id?.uuidString,
                    after: record.body, requestID: actor.requestID, unitID: cell.unitID))
        }
        return try await views([record]).first!
    }

    /// Records the leader's report back on a comment.
    public func reportBack(_ id: UUID, _ report: LeaderReportBack, actor: Actor) async throws -> SupervisionView {
        guard let record = try await SupervisionRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { throw StorageError.notFound("no comment \(id)") }
        var supervision = try JSONDecoder().decode(LeaderSupervision.self, from: Data(record.body.utf8))
        supervision.reportBack = report
        let issues = supervision.issues()
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        let before = record.body
        record.body = String(decoding: try CellMeetings.encoder.encode(supervision), as: UTF8.self)
        let unit = try await OrganisationRecord.find(record.organisationID, on: db)?.unitID
        try await db.writeTransaction { db in
            try await record.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "leader_supervision", entityID: id.uuidString,
                    before: before, after: record.body, requestID: actor.requestID, unitID: unit))
        }
        return try await views([record]).first!
    }

    /// The comments made by the given cells, newest first.
    public func list(cells: [UUID]) async throws -> [SupervisionView] {
        let visible = cells.filter { scope.contains(organisation: $0) }
        guard !visible.isEmpty else { return [] }
        var records: [SupervisionRecord] = []
        for chunk in visible.chunked(500) {
            records += try await SupervisionRecord.query(on: db)
                .filter(\.$organisationID ~~ chunk).all()
        }
        return try await views(records).sorted {
            ($0.supervision.commentedOn, $0.leader.name) > ($1.supervision.commentedOn, $1.leader.name)
        }
    }

    /// The comment, when its cell lies in the scope.
    public func supervision(_ id: UUID) async throws -> SupervisionView? {
        guard let record = try await SupervisionRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { return nil }
        return try await views([record]).first
    }

    func views(_ records: [SupervisionRecord]) async throws -> [SupervisionView] {
        guard !records.isEmpty else { return [] }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(
            Array(Set(records.map(\.memberID))))
        let cells = Dictionary(
            try await OrganisationRecord.query(on: db).filter(\.$id ~~ Array(Set(records.map(\.organisationID)))).all()
                .map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { first, _ in first })
        return try records.map { record in
            SupervisionView(
                id: try record.requireID(), cellID: record.organisationID, cellName: cells[record.organisationID] ?? "",
                leader: NamedID(id: record.memberID, name: names[record.memberID] ?? ""),
                supervision: try JSONDecoder().decode(LeaderSupervision.self, from: Data(record.body.utf8)))
        }
    }

    static func year(of supervision: LeaderSupervision) -> Int {
        switch supervision.period {
        case .year(let year): return year
        case .adHoc(let date): return date.year
        }
    }
}
