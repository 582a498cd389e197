import FluentKit
import Foundation
import GanDanCore

/// One member's rating as entered: a 100-point score, or a level directly (rules.md R18).
public struct RatingEntry: Codable, Sendable, Hashable {
    public var memberID: UUID
    public var score: Double?
    public var level: RatingLevel?

    public init(memberID: UUID, score: Double? = nil, level: RatingLevel? = nil) {
        self.memberID = memberID
        self.score = score
        self.level = level
    }
}

/// One line of a cell's rating sheet.
public struct RatingLine: Codable, Sendable, Hashable {
    public var member: NamedID
    public var standing: PartyStanding?
    /// Why the member is not rated (rules.md R19); nil when rated.
    public var notRated: BilingualText?
    public var score: Double?
    public var level: RatingLevel?
}

/// A cell's ratings for a period: its members, its own level, the weak flag and the warnings (rules.md R18–R20).
public struct RatingSheet: Codable, Sendable, Hashable {
    public var cellID: UUID
    /// `2019`, `2019-Q2`, `term-2015-06-01-2020-05-31` or `adhoc-2019-03-01-2019-05-31`.
    public var period: String
    public var year: Int
    public var lines: [RatingLine]
    public var cell: CellRating?
    /// The cell's own "excellent within 20 % of good" warning (rules.md R18).
    public var warnings: [String]
    /// The same check over the cell's grassroots committee: its members together and its cells' own levels, when the
    /// committee is in the reader's scope (rules.md R18).
    public var committeeWarnings: [String]
    /// `warnings` and `committeeWarnings` as issues, for pages to tell in their language (not part of the JSON).
    public var warningIssues: [InputIssue] = []
    public var committeeWarningIssues: [InputIssue] = []

    enum CodingKeys: String, CodingKey {
        case cellID, period, year, lines, cell, warnings, committeeWarnings
    }
}

/// Yearly ratings of members and cells; the cell's level and weak flag feed the placement model (rules.md R18–R20, A3).
public struct Ratings: Sendable {
    let db: any Database
    let scope: AccessScope
    let settings: RatingSettings

    public init(db: any Database, scope: AccessScope, settings: RatingSettings = .standard) {
        self.db = db
        self.scope = scope
        self.settings = settings
    }

    /// The cell's sheet for a year.
    public func sheet(cellID: UUID, year: Int) async throws -> RatingSheet? {
        guard let period = RatingPeriod.year(year) else { return nil }
        return try await sheet(cellID: cellID, period: period)
    }

    /// The cell's sheet for a year, a quarter, a term or an ad hoc review: everyone on the roll at the period's end,
    /// rated or why not (rules.md R18).
    public func sheet(cellID: UUID, period: RatingPeriod) async throws -> RatingSheet? {
        guard scope.contains(organisation: cellID), let record = try await OrganisationRecord.find(cellID, on: db),
            period.issues.isEmpty
        else { return nil }
        let key = period.key
        let day = period.ratedOn
        let year = period.start.year
        let roster = try await CellDirectory(db: db, scope: .storageInternal).roster(of: cellID, on: day).filter {
            $0.membership == .official
        }
        let stored = Dictionary(
            try await MemberRatingRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$period == key).all().map { ($0.memberID, $0) },
            uniquingKeysWith: { first, _ in first })
        let parties = try await partyRecords(roster.map(\.member.id))
        let lines = roster.map { entry -> RatingLine in
            let eligibility = parties[entry.member.id].map {
                RatingRules.eligibility(record: $0, on: day, settings: settings)
            }
            let row = stored[entry.member.id]
            return RatingLine(
                member: NamedID(id: entry.member.id, name: entry.member.fullName), standing: entry.member.standing,
                notRated: eligibility?.isRated == false ? eligibility?.reasonText : nil, score: row?.score,
                level: row?.level.flatMap(RatingLevel.init))
        }
        let cell =
            try await period.kind != .year
            ? nil
            : CellRatingRecord.query(on: db).filter(\.$organisationID == cellID).filter(\.$year == year).first().map {
                CellRating(
                    year: $0.year, level: try $0.decode(\.$level, as: RatingLevel.self), weak: $0.weak,
                    weakReason: $0.weakReason)
            }
        let warnings = [RatingRules.quotaWarning(levels: lines.compactMap(\.level), settings: settings)].compactMap {
            $0
        }
        let committee = try await committeeWarnings(of: record, period: period)
        var sheet = RatingSheet(
            cellID: cellID, period: key, year: year, lines: lines, cell: cell, warnings: warnings.map(\.description),
            committeeWarnings: committee.map(\.description))
        sheet.warningIssues = warnings
        sheet.committeeWarningIssues = committee
        return sheet
    }

    /// Records the year's ratings: members' levels (from scores by the bands), the cell's level and weak flag.
    ///
    /// Members who are not rated (rules.md R19) are refused by name; the excellent quota is a warning (R18); the
    /// weak flag follows the legacy test (R20) unless the cell is marked weak with a reason of its own.
    @discardableResult
    public func record(
        cellID: UUID, year: Int, entries: [RatingEntry], cellLevel: RatingLevel?, weakReason: String? = nil,
        actor: Actor
    ) async throws -> RatingSheet {
        try CivilDate.requireSupported(year: year, field: "year")
        guard let period = RatingPeriod.year(year) else { throw StorageError.notFound("no year \(year)") }
        return try await record(
            cellID: cellID, period: period, entries: entries, cellLevel: cellLevel, weakReason: weakReason, actor: actor
        )
    }

    /// Records the ratings of a year, a quarter, a term or an ad hoc review (rules.md R18); the cell's own level is
    /// rated yearly only.
    @discardableResult
    public func record(
        cellID: UUID, period: RatingPeriod, entries: [RatingEntry], cellLevel: RatingLevel?,
        weakReason: String? = nil, actor: Actor
    ) async throws -> RatingSheet {
        guard var sheet = try await self.sheet(cellID: cellID, period: period),
            let cell = try await OrganisationRecord.find(cellID, on: db)
        else { throw StorageError.notFound("no cell \(cellID)") }
        let year = sheet.year
        let key = sheet.period
        var issues: [InputIssue] = []
        if cellLevel != nil && period.kind != .year {
            issues.append(
                InputIssue(
                    field: "cellLevel",
                    vi: "Chi bộ chỉ được xếp loại theo năm, không theo \(period.kind.label.vi.lowercased()).",
                    en: "A cell's own level is rated for the year, not for a \(period.kind.label.en.lowercased()).")
            )
        }
        if cellLevel != nil, !(cell.parentID.map { scope.contains(organisation: $0) } ?? false) {
            issues.append(
                // rules.md R18: the committee above rates the cell.
                InputIssue(
                    field: "cellLevel", vi: "Xếp loại chi bộ do cấp ủy cấp trên quyết định, không do chi bộ tự xếp.",
                    en: "The cell's own level is set by the committee above it, not by the cell."))
        }
        let levels = entryLevels(entries, sheet: sheet, issues: &issues)
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        let now = Date()
        let chosen = levels
        let allLevels = sheet.lines.compactMap { chosen[$0.member.id]?.1 ?? $0.level }
        try await db.writeTransaction { db in
            for (memberID, value) in chosen {
                let row =
                    try await MemberRatingRecord.query(on: db).filter(\.$organisationID == cellID)
                    .filter(\.$memberID == memberID).filter(\.$period == key).first() ?? MemberRatingRecord()
                row.organisationID = cellID
                row.memberID = memberID
                row.period = key
                row.score = value.0
                row.level = value.1.rawValue
                row.notRatedReason = nil
                row.ratedBy = actor.name
                row.ratedAt = now
                try await row.save(on: db)
            }
            if let cellLevel {
                try await saveCellRating(
                    cellLevel, weakReason: weakReason, levels: allLevels, cellID: cellID, year: year, on: db)
            }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "ratings", entityID: "\(cellID.uuidString)#\(key)",
                    after: AuditTrail.json(entries), requestID: actor.requestID, unitID: cell.unitID))
        }
        sheet = try await self.sheet(cellID: cellID, period: period) ?? sheet
        return sheet
    }

    /// The level (and score) each entry gives its member, checked against the sheet: on the roll, rated, a score
    /// out of 100 in the band of the level given (rules.md R18, R19). Problems go to `issues`.
    func entryLevels(_ entries: [RatingEntry], sheet: RatingSheet, issues: inout [InputIssue])
        -> [UUID: (Double?, RatingLevel)]
    {
        let year = sheet.year
        var levels: [UUID: (Double?, RatingLevel)] = [:]
        for (index, entry) in entries.enumerated() {
            let field = "entries[\(index)]"
            guard let line = sheet.lines.first(where: { $0.member.id == entry.memberID }) else {
                issues.append(
                    InputIssue(
                        field: field, vi: "Có người không thuộc danh sách chi bộ năm \(year).",
                        en: "Someone listed is not on the cell's roll in \(year)."))
                continue
            }
            if let reason = line.notRated {
                issues.append(
                    // rules.md R19: who is not rated.
                    InputIssue(
                        field: field, vi: "\(line.member.name) không xếp loại: \(reason.vi).",
                        en: "\(line.member.name) is not rated: \(reason.en)."))
                continue
            }
            if let score = entry.score, !(0...100).contains(score) {
                issues.append(
                    InputIssue(field: "\(field).score", vi: "Điểm chấm từ 0 đến 100.", en: "A score is out of 100."))
                continue
            }
            guard let level = entry.level ?? entry.score.map({ RatingLevel.forScore($0, bands: settings.bands) }) else {
                issues.append(
                    InputIssue(
                        field: field, vi: "Hãy chấm điểm hoặc chọn mức xếp loại.", en: "Give a score or a level."))
                continue
            }
            if let score = entry.score, let given = entry.level,
                given != RatingLevel.forScore(score, bands: settings.bands)
            {
                issues.append(
                    // rules.md R18: the level follows the score's band.
                    InputIssue(
                        field: "\(field).level",
                        vi:
                            "\(score) điểm là mức \(RatingLevel.forScore(score, bands: settings.bands).label.vi.lowercased()), "
                            + "không phải \(given.label.vi.lowercased()).",
                        en:
                            "\(score) points is \(RatingLevel.forScore(score, bands: settings.bands).label.en.lowercased()), "
                            + "not \(given.label.en.lowercased())."))
                continue
            }
            levels[entry.memberID] = (entry.score, level)
        }
        return levels
    }

    /// Stores the cell's own yearly level; weak when a reason is given, else as the weak-cell test finds it
    /// (rules.md R20).
    func saveCellRating(
        _ level: RatingLevel, weakReason: String?, levels: [RatingLevel], cellID: UUID, year: Int, on db: any Database
    ) async throws {
        var rating = CellRating(year: year, level: level)
        if let reason = weakReason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
            rating.weak = true
            rating.weakReason = reason
        } else {
            rating = WeakCellTest(levels: levels, settings: settings).flagging(rating)
        }
        let row =
            try await CellRatingRecord.query(on: db).filter(\.$organisationID == cellID).filter(\.$year == year)
            .first() ?? CellRatingRecord()
        row.organisationID = cellID
        row.year = year
        row.level = rating.level.rawValue
        row.weak = rating.weak
        row.weakReason = rating.weakReason
        try await row.save(on: db)
    }

    func partyRecords(_ ids: [UUID]) async throws -> [UUID: PartyRecord] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await MemberRecord.query(on: db).filter(\.$id ~~ ids).all().map { record in
                (try record.requireID(), try record.partyRecord)
            }, uniquingKeysWith: { first, _ in first })
    }
}
