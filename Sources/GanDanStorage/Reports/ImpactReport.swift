import FluentKit
import Foundation
import GanDanCore

/// What one side of the placement looked like in a set of cells (rules.md A9).
public struct PeriodFigures: Codable, Sendable, Hashable {
    public var from: CivilDate
    /// Exclusive.
    public var until: CivilDate
    public var meetings = 0
    public var onTime = 0
    public var noticeInTime = 0
    public var durationMinutes = 0
    public var expected = 0
    public var present = 0
    public var qualityTotal = 0.0
    public var agendaItems = 0
    public var tasksAssigned = 0
    public var tasksDone = 0
    public var feedbackReceived = 0
    public var feedbackAnswered = 0
    /// Poor households in the villages at the last year-end review inside the period (rules.md R25).
    public var poorHouseholds = 0
    /// New-rural criteria met by the villages at the last year-end review inside the period (rules.md R24).
    public var criteriaMet = 0
    /// The year whose review (31 December) the two figures above read; nil when no year ended inside the period.
    public var reviewYear: Int?
    /// Candidates admitted (ceremony held) in the period (rules.md R23).
    public var admitted = 0

    public init(from: CivilDate, until: CivilDate) {
        self.from = from
        self.until = until
    }

    /// Share of meetings started on time, 0–100.
    public var onTimeRate: Double? { meetings > 0 ? Double(onTime) * 100 / Double(meetings) : nil }
    public var noticeRate: Double? { meetings > 0 ? Double(noticeInTime) * 100 / Double(meetings) : nil }
    public var meanDuration: Double? { meetings > 0 ? Double(durationMinutes) / Double(meetings) : nil }
    public var attendanceRate: Double? { expected > 0 ? Double(present) * 100 / Double(expected) : nil }
    public var meanQuality: Double? { meetings > 0 ? qualityTotal / Double(meetings) : nil }
    /// Topics per meeting: agenda items brought (rules.md A6).
    public var topicsPerMeeting: Double? { meetings > 0 ? Double(agendaItems) / Double(meetings) : nil }
    public var taskCompletion: Double? { tasksAssigned > 0 ? Double(tasksDone) * 100 / Double(tasksAssigned) : nil }
    public var feedbackAnswerRate: Double? {
        feedbackReceived > 0 ? Double(feedbackAnswered) * 100 / Double(feedbackReceived) : nil
    }

    /// A meeting's quality on a grid of 1/1024: sums of such values are exact in a Double, so a report adds up to the
    /// same total whatever order its cells are summed in — on every engine and load, cut or whole (rules.md R26).
    static func exact(_ quality: Double) -> Double { (quality * 1024).rounded() / 1024 }

    static func + (lhs: PeriodFigures, rhs: PeriodFigures) -> PeriodFigures {
        var sum = lhs
        sum.meetings += rhs.meetings
        sum.onTime += rhs.onTime
        sum.noticeInTime += rhs.noticeInTime
        sum.durationMinutes += rhs.durationMinutes
        sum.expected += rhs.expected
        sum.present += rhs.present
        sum.qualityTotal += rhs.qualityTotal
        sum.agendaItems += rhs.agendaItems
        sum.tasksAssigned += rhs.tasksAssigned
        sum.tasksDone += rhs.tasksDone
        sum.feedbackReceived += rhs.feedbackReceived
        sum.feedbackAnswered += rhs.feedbackAnswered
        sum.poorHouseholds += rhs.poorHouseholds
        sum.criteriaMet += rhs.criteriaMet
        sum.admitted += rhs.admitted
        sum.reviewYear = lhs.reviewYear ?? rhs.reviewYear
        return sum
    }
}

/// One cell before and after, and whether its meetings got better.
public struct CellImpact: Codable, Sendable, Hashable {
    public enum Reading: String, Codable, Sendable {
        /// Mean meeting quality rose by at least the threshold.
        case improved
        /// Within the threshold either way.
        case unchanged
        /// Fell by at least the threshold.
        case declined
        /// No meetings on one side to compare.
        case noData
    }

    public var cell: NamedID
    public var before: PeriodFigures
    public var after: PeriodFigures
    public var qualityChange: Double?
    public var reading: Reading
    /// A commune key leader joined the cell's roll inside the period after the placement (rules.md A3, A9).
    public var receivedKeyLeader = false
}

/// The cells of one side of the comparison: those that received a key leader, or those that did not (rules.md A9).
public struct ImpactGroup: Codable, Sendable, Hashable {
    public var cells = 0
    public var before: PeriodFigures
    public var after: PeriodFigures
}

/// Before vs after the placement for the cells under a unit, the same length each side (rules.md A9).
public struct ImpactReport: Codable, Sendable, Hashable {
    public var unitID: UUID
    public var placementDate: CivilDate
    public var months: Int
    public var before: PeriodFigures
    public var after: PeriodFigures
    /// Cells sorted by their change in meeting quality, largest first.
    public var cells: [CellImpact]
    /// Points of mean quality a cell must gain (or lose) to count as improved (or declined).
    public var threshold: Double
    /// Cells that received a key leader, and cells that did not: whether the change came with the placement.
    public var withKeyLeader: ImpactGroup
    public var withoutKeyLeader: ImpactGroup

    public func cells(_ reading: CellImpact.Reading) -> [CellImpact] { cells.filter { $0.reading == reading } }
}

/// Builds the impact report from stored meetings, tasks, feedback, households, criteria and candidates.
public struct ImpactReports: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The decision date of the latest approved placement plan for the unit, one above it, or one below it.
    public func placementDate(for unitID: UUID, on date: CivilDate) async throws -> CivilDate? {
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        var units = Set(try await tree.path(to: unitID, on: date).map(\.id))
        units.insert(unitID)
        units.formUnion(try await tree.subtree(of: unitID, on: date))
        let plans = try await PlacementPlanRecord.query(on: db)
            .filter(\.$status == PlacementPlan.Status.approved.rawValue).all()
        return plans.filter { units.contains($0.unitID) }.compactMap { $0.decisionDate.flatMap(CivilDate.init) }.max()
    }

    /// The report for the village cells under `unitID`, `months` each side of `placementDate`.
    public func report(
        unitID: UUID, placementDate: CivilDate, months: Int, threshold: Double = 5
    ) async throws -> ImpactReport {
        let tree = OrganisationTree(db: db, scope: scope)
        let units = try await OrganisationTree(db: db, scope: .storageInternal).subtree(of: unitID, on: placementDate)
        let cells = try await tree.organisations(atUnits: units, on: placementDate).filter {
            $0.kind == .villageCell && scope.contains(organisation: $0.id)
        }
        // Above a commune, cells are named with their commune (rules.md R27).
        let level = try await OrganisationTree(db: db, scope: .storageInternal).unit(unitID, on: placementDate)?.kind
            .level
        let names = (level ?? 3) < 3 ? try await tree.namesWithCommune(cells, on: placementDate) : [:]
        let beforeRange = (placementDate.adding(months: -months), placementDate)
        let afterRange = (placementDate, placementDate.adding(months: months))
        var impacts: [CellImpact] = []
        var before = PeriodFigures(from: beforeRange.0, until: beforeRange.1)
        var after = PeriodFigures(from: afterRange.0, until: afterRange.1)
        let earlier = try await figures(cells: cells, from: beforeRange.0, until: beforeRange.1)
        let later = try await figures(cells: cells, from: afterRange.0, until: afterRange.1)
        let receivers = try await cellsReceivingKeyLeaders(cells.map(\.id), from: afterRange.0, until: afterRange.1)
        var withLeader = ImpactGroup(before: before, after: after)
        var withoutLeader = withLeader
        for cell in cells {
            let old = earlier[cell.id] ?? PeriodFigures(from: beforeRange.0, until: beforeRange.1)
            let new = later[cell.id] ?? PeriodFigures(from: afterRange.0, until: afterRange.1)
            before = before + old
            after = after + new
            let received = receivers.contains(cell.id)
            if received {
                withLeader.add(old, new)
            } else {
                withoutLeader.add(old, new)
            }
            var change: Double?
            var reading = CellImpact.Reading.noData
            if let oldQuality = old.meanQuality, let newQuality = new.meanQuality {
                let delta = ((newQuality - oldQuality) * 10).rounded() / 10
                change = delta
                reading = delta >= threshold ? .improved : delta <= -threshold ? .declined : .unchanged
            }
            impacts.append(
                CellImpact(
                    cell: NamedID(id: cell.id, name: names[cell.id] ?? cell.name), before: old, after: new,
                    qualityChange: change,
                    reading: reading, receivedKeyLeader: received))
        }
        impacts.sort { ($0.qualityChange ?? -.infinity, $1.cell.name) > ($1.qualityChange ?? -.infinity, $0.cell.name) }
        return ImpactReport(
            unitID: unitID, placementDate: placementDate, months: months, before: before, after: after, cells: impacts,
            threshold: threshold, withKeyLeader: withLeader, withoutKeyLeader: withoutLeader)
    }

    /// Each cell's figures for one period, read in a few batched queries.
    func figures(cells: [OrganisationSnapshot], from: CivilDate, until: CivilDate) async throws
        -> [UUID: PeriodFigures]
    {
        var result = Dictionary(uniqueKeysWithValues: cells.map { ($0.id, PeriodFigures(from: from, until: until)) })
        let cellIDs = cells.map(\.id)
        try await addMeetingFigures(of: cellIDs, from: from, until: until, to: &result)
        try await addCitizenFigures(of: cellIDs, from: from, until: until, to: &result)
        // The last year-end review inside the period: for 25-4-2019 to 25-4-2020, the review of 31-12-2019.
        let year = CellRating.lastRatedYear(on: until.adding(days: -1))
        if CivilDate(year: year, month: 12, day: 31).map({ $0 >= from }) == true {
            try await addVillageFigures(of: cells, year: year, to: &result)
        }
        return result
    }

    /// Citizens' feedback received and answered in the period, and candidates admitted in it.
    func addCitizenFigures(
        of cellIDs: [UUID], from: CivilDate, until: CivilDate, to result: inout [UUID: PeriodFigures]
    ) async throws {
        let decoder = JSONDecoder()
        for chunk in cellIDs.chunked(500) {
            for item in try await FeedbackRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$receivedOn >= from.iso).filter(\.$receivedOn < until.iso)
                .field(\.$organisationID).field(\.$answeredOn).all()
            {
                result[item.organisationID]?.feedbackReceived += 1
                // Answered by the end of the period: an answer given later is not this period's (rules.md R26).
                if let answered = item.answeredOn, answered < until.iso {
                    result[item.organisationID]?.feedbackAnswered += 1
                }
            }
            for candidate in try await CandidateRecord.query(on: db).filter(\.$organisationID ~~ chunk).all() {
                guard let pipeline = try? decoder.decode(CandidatePipeline.self, from: Data(candidate.pipeline.utf8)),
                    let ceremony = pipeline.ceremonyOn, ceremony >= from, ceremony < until
                else { continue }
                result[candidate.organisationID]?.admitted += 1
            }
        }
    }

    /// Each cell's village in the period's last year: poor households and rural criteria met.
    func addVillageFigures(of cells: [OrganisationSnapshot], year: Int, to result: inout [UUID: PeriodFigures])
        async throws
    {
        let villages = Array(Set(cells.map(\.unitID)))
        let poor = try await HouseholdRegister(db: db, scope: .storageInternal).counts(ofVillages: villages, year: year)
        var met: [UUID: Int] = [:]
        for chunk in villages.chunked(500) {
            for row in try await VillageCriterionRecord.query(on: db).filter(\.$unitID ~~ chunk)
                .filter(\.$year == year).filter(\.$met == true).all()
            {
                met[row.unitID, default: 0] += 1
            }
        }
        for cell in cells {
            result[cell.id]?.poorHouseholds = poor[cell.unitID]?.poor ?? 0
            result[cell.id]?.criteriaMet = met[cell.unitID] ?? 0
            result[cell.id]?.reviewYear = year
        }
    }
}
