import FluentKit
import Foundation
import GanDanCore

/// A grassroots committee's rating round: each of its cells' member levels and own level for one period, and the
/// "excellent within 20 % of good" warnings per cell and per committee (rules.md R18).
public struct CommitteeRatingRound: Codable, Sendable, Hashable {
    public var committeeID: UUID
    public var committeeName: String
    /// `2019`, `2019-Q2`, `term-…`, `adhoc-…`.
    public var period: String
    public var cells: [CellRound]
    public var warnings: [String]
}

extension Ratings {
    /// The round of the committee's cells (those in force at some day of the period) for `period`, when the committee
    /// lies in the scope; the cells' own levels are yearly, so only a year's round holds them (rules.md R18).
    public func committeeRound(committeeID: UUID, period: RatingPeriod) async throws -> CommitteeRatingRound? {
        guard scope.contains(organisation: committeeID),
            let committee = try await OrganisationRecord.find(committeeID, on: db)
        else { return nil }
        let cells = try await OrganisationRecord.query(on: db).filter(\.$parentID == committeeID).all().filter {
            $0.validFrom <= period.end.iso && ($0.validUntil.map { $0 > period.start.iso } ?? true)
        }.sorted { ($0.name, $0.id?.uuidString ?? "") < ($1.name, $1.id?.uuidString ?? "") }
        let ids = try cells.map { try $0.requireID() }
        var members: [UUID: [RatingLevel]] = [:]
        var own: [UUID: RatingLevel] = [:]
        if !ids.isEmpty {
            for row in try await MemberRatingRecord.query(on: db).filter(\.$organisationID ~~ ids)
                .filter(\.$period == period.key).all()
            {
                guard let text = row.level else { continue }
                guard let level = RatingLevel(rawValue: text) else {
                    throw StorageError.corrupt(table: MemberRatingRecord.schema, column: "level", value: text)
                }
                members[row.organisationID, default: []].append(level)
            }
            if period.kind == .year {
                for row in try await CellRatingRecord.query(on: db).filter(\.$organisationID ~~ ids)
                    .filter(\.$year == period.start.year).all()
                {
                    own[row.organisationID] = try row.decode(\.$level, as: RatingLevel.self)
                }
            }
        }
        let rounds = try cells.map { cell in
            let id = try cell.requireID()
            return CellRound(cellName: cell.name, memberLevels: members[id] ?? [], cellLevel: own[id])
        }
        let warnings = RatingRules.committeeQuotaWarnings(committee: committee.name, cells: rounds, settings: settings)
        return CommitteeRatingRound(
            committeeID: committeeID, committeeName: committee.name, period: period.key, cells: rounds,
            warnings: warnings.map(\.description))
    }

    /// The committee-wide warnings a cell's sheet shows: its committee's members together and its cells' own levels,
    /// when the committee lies in the scope (a cell's secretary sees only the cell's own warning).
    func committeeWarnings(of cell: OrganisationRecord, period: RatingPeriod) async throws -> [InputIssue] {
        guard let parent = cell.parentID, let round = try await committeeRound(committeeID: parent, period: period)
        else { return [] }
        return RatingRules.committeeGroupWarnings(
            committee: round.committeeName, cells: round.cells, settings: settings)
    }
}
