import FluentKit
import Foundation
import GanDanCore

/// An introducer as entered: a member and since when they have worked with the candidate (rules.md R22).
public struct IntroducerEntry: Codable, Sendable, Hashable {
    public var memberID: UUID
    public var workedWithSince: CivilDate

    public init(memberID: UUID, workedWithSince: CivilDate) {
        self.memberID = memberID
        self.workedWithSince = workedWithSince
    }
}

/// A decision against the village profile on the education exception, with its reason (rules.md R21).
public struct AreaOverrideDraft: Codable, Sendable, Hashable {
    /// Whether the mountain / ethnic-minority exception applies.
    public var applies: Bool
    public var reason: String

    public init(applies: Bool, reason: String) {
        self.applies = applies
        self.reason = reason
    }
}

/// A candidate to put on a cell's list (rules.md R21–R23).
public struct CandidateDraft: Codable, Sendable, Hashable {
    public var fullName: String
    public var birthDate: CivilDate
    public var education: String
    /// The village the candidate lives in, whose profile decides the education exception; the cell's village when
    /// nil (rules.md R21).
    public var villageID: UUID?
    /// The exception set by hand against the village profile, with why; nil to follow the profile (rules.md R21).
    public var areaOverride: AreaOverrideDraft?
    public var listedOn: CivilDate
    public var introducedOn: CivilDate?
    public var introducers: [IntroducerEntry]
    public var youthUnionResolutionOn: CivilDate?
    public var mentorID: UUID?

    public init(
        fullName: String, birthDate: CivilDate, education: String, villageID: UUID? = nil,
        areaOverride: AreaOverrideDraft? = nil, listedOn: CivilDate, introducedOn: CivilDate? = nil,
        introducers: [IntroducerEntry] = [], youthUnionResolutionOn: CivilDate? = nil, mentorID: UUID? = nil
    ) {
        self.fullName = fullName
        self.birthDate = birthDate
        self.education = education
        self.villageID = villageID
        self.areaOverride = areaOverride
        self.listedOn = listedOn
        self.introducedOn = introducedOn
        self.introducers = introducers
        self.youthUnionResolutionOn = youthUnionResolutionOn
        self.mentorID = mentorID
    }
}

extension CandidateDraft {
    private enum CodingKeys: String, CodingKey {
        case fullName, birthDate, education, villageID, areaOverride, listedOn, introducedOn, introducers
        case youthUnionResolutionOn, mentorID
    }

    /// Reads a draft where the village, the area override, introducers and mentor may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fullName: try container.decode(String.self, forKey: .fullName),
            birthDate: try container.decode(CivilDate.self, forKey: .birthDate),
            education: try container.decode(String.self, forKey: .education),
            villageID: try container.decodeIfPresent(UUID.self, forKey: .villageID),
            areaOverride: try container.decodeIfPresent(AreaOverrideDraft.self, forKey: .areaOverride),
            listedOn: try container.decode(CivilDate.self, forKey: .listedOn),
            introducedOn: try container.decodeIfPresent(CivilDate.self, forKey: .introducedOn),
            introducers: try container.decodeIfPresent([IntroducerEntry].self, forKey: .introducers) ?? [],
            youthUnionResolutionOn: try container.decodeIfPresent(CivilDate.self, forKey: .youthUnionResolutionOn),
            mentorID: try container.decodeIfPresent(UUID.self, forKey: .mentorID))
    }
}

/// The stored candidate: who, and the facts eligibility is checked on.
struct StoredCandidate: Codable, Sendable {
    var fullName: String
    var candidate: AdmissionCandidate
    var hasIntroduction: Bool
    /// Where the education exception comes from; nil for a candidate stored before it was read from the village
    /// profile, whose `candidate.inDifficultArea` was ticked by hand (rules.md R21).
    var area: StoredArea?
}

/// The candidate's village (nil: the cell's) and the exception set by hand, if any (rules.md R21).
struct StoredArea: Codable, Sendable, Hashable {
    var villageID: UUID?
    var override: AreaOverride?
}

/// A candidate as lists show it: eligibility, where the pipeline stands, deadlines ahead (rules.md R21–R23).
public struct CandidateView: Codable, Sendable, Hashable {
    public var id: UUID
    public var cellID: UUID
    public var cellName: String
    public var fullName: String
    public var birthDate: CivilDate
    public var education: String
    /// The mountain / ethnic-minority education exception: the village profile's finding and any override
    /// (rules.md R21).
    public var educationException: EducationException
    /// The finding in plain words, Vietnamese and English.
    public var educationExceptionText: BilingualText
    /// Eligibility problems on the consideration date (the cell's resolution, else the date asked).
    public var eligibility: [String]
    public var pipeline: CandidatePipeline
    public var nextStep: PipelineStep?
    public var deadlines: [PipelineDeadline]
    /// Problems in the recorded dates (out of order, late).
    public var problems: [String]
    public var mentor: NamedID?
    public var introducers: [NamedID]
    /// `eligibility` and `problems` as issues, for pages to tell in their language (not part of the JSON).
    public var eligibilityIssues: [InputIssue] = []
    public var problemIssues: [InputIssue] = []

    enum CodingKeys: String, CodingKey {
        case id, cellID, cellName, fullName, birthDate, education, educationException, educationExceptionText,
            eligibility, pipeline, nextStep, deadlines, problems, mentor, introducers
    }
}

/// Each cell's candidates for admission and their way to full membership (rules.md R21–R23).
public struct CandidateRegister: Sendable {
    let db: any Database
    let scope: AccessScope
    let settings: AdmissionSettings
    let calendar: WorkingCalendar

    public init(
        db: any Database, scope: AccessScope, settings: AdmissionSettings = .standard,
        calendar: WorkingCalendar = .vietnam
    ) {
        self.db = db
        self.scope = scope
        self.settings = settings
        self.calendar = calendar
    }

    /// Puts a candidate on the cell's list; eligibility problems are shown, not refused (the list is where they start).
    public func add(cellID: UUID, _ draft: CandidateDraft, actor: Actor) async throws -> CandidateView {
        guard scope.contains(organisation: cellID), let cell = try await OrganisationRecord.find(cellID, on: db) else {
            throw StorageError.notFound("no cell \(cellID)")
        }
        var issues: [InputIssue] = []
        let name = MemberValidation.normalisedName(draft.fullName)
        if name.isEmpty {
            issues.append(InputIssue(field: "fullName", vi: "Chưa ghi họ tên quần chúng.", en: "Name the candidate."))
        }
        if draft.birthDate >= draft.listedOn {
            issues.append(
                InputIssue(
                    field: "birthDate", vi: "Ngày sinh phải trước ngày đưa vào danh sách.",
                    en: "The date of birth is not before the day the candidate was listed."))
        }
        let introducers = try await checkedIntroducers(draft, cellID: cellID, issues: &issues)
        if let village = draft.villageID { issues += try await villageIssues(village, field: "villageID") }
        let override = draft.areaOverride.map {
            AreaOverride(
                applies: $0.applies, reason: $0.reason.trimmingCharacters(in: .whitespacesAndNewlines),
                recordedBy: actor.name, recordedOn: CivilDate.today())
        }
        if let override { issues += Self.overrideIssues(override, field: "areaOverride.reason") }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        let stored = StoredCandidate(
            fullName: name,
            candidate: AdmissionCandidate(
                birthDate: draft.birthDate, education: draft.education, inDifficultArea: override?.applies ?? false,
                introducedOn: draft.introducedOn ?? draft.listedOn, introducers: introducers,
                youthUnionResolutionOn: draft.youthUnionResolutionOn),
            hasIntroduction: draft.introducedOn != nil || !draft.introducers.isEmpty,
            area: StoredArea(villageID: draft.villageID, override: override))
        var pipeline = CandidatePipeline(listedOn: draft.listedOn)
        if draft.mentorID != nil { pipeline.mentorAssignedOn = draft.listedOn }
        let record = CandidateRecord()
        record.id = UUID()
        record.organisationID = cellID
        record.fullName = name
        record.nameSort = VietnameseText.personNameSortKey(name)
        record.candidate = String(decoding: try CellMeetings.encoder.encode(stored), as: UTF8.self)
        record.mentorID = draft.mentorID
        record.createdBy = actor.name
        record.createdAt = Date()
        try store(pipeline, in: record)
        try await db.writeTransaction { db in
            try await record.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "candidate", entityID: record.id?.uuidString,
                    after: record.candidate, requestID: actor.requestID, unitID: cell.unitID))
        }
        return try await views([record], on: draft.listedOn).first!
    }

    /// The draft's introducers as Core sees them; introducers and the mentor are members of this cell
    /// (rules.md R22, R23), and anyone else is an issue.
    func checkedIntroducers(_ draft: CandidateDraft, cellID: UUID, issues: inout [InputIssue]) async throws
        -> [Introducer]
    {
        let roster = try await CellDirectory(db: db, scope: .storageInternal).roster(
            of: cellID, on: draft.introducedOn ?? draft.listedOn)
        let onRoll = Set(roster.map(\.member.id))
        var introducers: [Introducer] = []
        for (index, entry) in draft.introducers.enumerated() {
            guard onRoll.contains(entry.memberID), let member = try await MemberRecord.find(entry.memberID, on: db)
            else {
                issues.append(
                    InputIssue(
                        field: "introducers[\(index)]", vi: "Người giới thiệu không phải đảng viên của chi bộ.",
                        en: "The introducer is not a member of this cell."))
                continue
            }
            introducers.append(
                Introducer(
                    memberID: entry.memberID.uuidString, party: try member.partyRecord,
                    workedWithCandidateSince: entry.workedWithSince))
        }
        if let mentor = draft.mentorID,
            roster.first(where: { $0.member.id == mentor })?.member.standing?.countsAsFull != true
        {
            issues.append(
                // rules.md R23: the mentor is a full member of the cell.
                InputIssue(
                    field: "mentorID", vi: "Người giúp đỡ phải là đảng viên chính thức của chi bộ.",
                    en: "The mentor must be a full member of this cell."))
        }
        return introducers
    }

    /// Records the date of one step; a vote is recorded with `recordVote`.
    public func record(_ step: PipelineStep, on date: CivilDate, for id: UUID, actor: Actor) async throws
        -> CandidateView
    {
        try date.requireSupported(field: "date")
        return try await change(id, actor: actor, on: date) { pipeline in
            switch step {
            case .listed: pipeline.listedOn = date
            case .awarenessCertificate: pipeline.awarenessCertificateOn = date
            case .mentorAssigned: pipeline.mentorAssignedOn = date
            case .backgroundCheck: pipeline.backgroundCheckedOn = date
            case .cellResolution: pipeline.cellResolutionOn = date
            case .decision: pipeline.decisionOn = date
            case .ceremony: pipeline.ceremonyOn = date
            case .probation: pipeline.probationMentorAssignedOn = date
            case .official: pipeline.officialOn = date
            case .vote:
                throw InputError.invalid(
                    field: "step", vi: "Biểu quyết phải ghi số phiếu.", en: "A vote is recorded with its counts.")
            }
        }
    }

    /// Records a vote on full membership; it passes with two thirds of the full members (rules.md R23).
    ///
    /// The base of the majority is the cell's full members on the vote day as the registry has them; a different
    /// number given with the vote is refused.
    public func recordVote(_ given: CandidateVote, for id: UUID, actor: Actor) async throws -> CandidateView {
        try given.date.requireSupported(field: "date")
        guard let record = try await CandidateRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { throw StorageError.notFound("no candidate \(id)") }
        let full = try await CellDirectory(db: db, scope: .storageInternal).roster(
            of: record.organisationID, on: given.date
        ).filter {
            $0.membership == .official && $0.member.standing?.countsAsFull == true
        }.count
        if given.fullMembers > 0 && given.fullMembers != full {
            throw InputError.invalid([
                InputIssue(
                    field: "fullMembers",
                    vi:
                        "Ngày \(given.date.vietnamese) chi bộ có \(full) đảng viên chính thức, không phải \(given.fullMembers).",
                    en: "The cell had \(full) full members on \(given.date.vietnamese), not \(given.fullMembers).")
            ])
        }
        var vote = given
        vote.fullMembers = full
        guard vote.inFavour >= 0, vote.fullMembers > 0, vote.inFavour <= vote.fullMembers else {
            throw InputError.invalid([
                InputIssue(
                    field: "vote", vi: "Số phiếu tán thành phải từ 0 đến số đảng viên chính thức.",
                    en: "Votes in favour must be between 0 and the number of full members.")
            ]
            )
        }
        return try await change(id, actor: actor, on: vote.date) { pipeline in
            pipeline.votes.append(vote)
            if vote.passes(settings: settings), pipeline.officialOn == nil {
                pipeline.officialOn = pipeline.probationEnd(settings: settings)
            }
        }
    }

    func change(
        _ id: UUID, actor: Actor, on date: CivilDate, _ apply: (inout CandidatePipeline) throws -> Void
    ) async throws -> CandidateView {
        guard let record = try await CandidateRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { throw StorageError.notFound("no candidate \(id)") }
        var pipeline = try JSONDecoder().decode(CandidatePipeline.self, from: Data(record.pipeline.utf8))
        let before = record.pipeline
        try apply(&pipeline)
        let errors = pipeline.issues(calendar: calendar, settings: settings).filter {
            !$0.isWarning
        }
        guard errors.isEmpty else { throw InputError.invalid(errors) }
        try store(pipeline, in: record)
        let unit = try await OrganisationRecord.find(record.organisationID, on: db)?.unitID
        try await db.writeTransaction { db in
            try await record.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "candidate", entityID: id.uuidString, before: before,
                    after: record.pipeline, requestID: actor.requestID, unitID: unit))
        }
        return try await views([record], on: max(date, CivilDate.today())).first!
    }

    func store(_ pipeline: CandidatePipeline, in record: CandidateRecord) throws {
        record.pipeline = String(decoding: try CellMeetings.encoder.encode(pipeline), as: UTF8.self)
        record.nextDue =
            pipeline.status(on: pipeline.listedOn ?? CivilDate.today(), calendar: calendar, settings: settings)
            .map(\.due).min()?.iso
    }

    /// The candidate, when its cell lies in the scope.
    public func candidate(_ id: UUID, on date: CivilDate) async throws -> CandidateView? {
        guard let record = try await CandidateRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { return nil }
        return try await views([record], on: date).first
    }

    /// The candidates of the given cells, the most urgent deadline first.
    public func list(cells: [UUID], on date: CivilDate) async throws -> [CandidateView] {
        let visible = cells.filter { scope.contains(organisation: $0) }
        guard !visible.isEmpty else { return [] }
        var records: [CandidateRecord] = []
        for chunk in visible.chunked(500) {
            records += try await CandidateRecord.query(on: db)
                .filter(\.$organisationID ~~ chunk)
                .sort(\.$nameSort).all()
        }
        return try await views(records, on: date).sorted {
            ($0.deadlines.map(\.due).min() ?? CivilDate(dayNumber: Int.max / 4), $0.fullName)
                < ($1.deadlines.map(\.due).min() ?? CivilDate(dayNumber: Int.max / 4), $1.fullName)
        }
    }

    func views(_ records: [CandidateRecord], on date: CivilDate) async throws -> [CandidateView] {
        guard !records.isEmpty else { return [] }
        var ids: Set<UUID> = Set(records.compactMap(\.mentorID))
        var stored: [UUID: StoredCandidate] = [:]
        var pipelines: [UUID: CandidatePipeline] = [:]
        for record in records {
            let candidate = try JSONDecoder().decode(StoredCandidate.self, from: Data(record.candidate.utf8))
            stored[try record.requireID()] = candidate
            pipelines[try record.requireID()] = try JSONDecoder().decode(
                CandidatePipeline.self, from: Data(record.pipeline.utf8))
            ids.formUnion(candidate.candidate.introducers.compactMap { UUID(uuidString: $0.memberID) })
        }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(Array(ids))
        let cellRecords = try await OrganisationRecord.query(on: db)
            .filter(\.$id ~~ Array(Set(records.map(\.organisationID)))).all()
        let cells = Dictionary(
            try cellRecords.map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { first, _ in first })
        let cellUnits = Dictionary(
            try cellRecords.map { (try $0.requireID(), $0.unitID) }, uniquingKeysWith: { first, _ in first })
        let villages = try await villageVersions(
            Set(records.compactMap { $0.id.flatMap { stored[$0] }?.area?.villageID ?? cellUnits[$0.organisationID] }))
        return try records.compactMap { record in
            guard var candidate = stored[try record.requireID()], let pipeline = pipelines[try record.requireID()]
            else { return nil }
            let considered = pipeline.cellResolutionOn ?? date
            let exception = Self.exception(
                candidate, record: record, listedOn: pipeline.listedOn ?? considered,
                village: (candidate.area?.villageID ?? cellUnits[record.organisationID]).flatMap { id in
                    villages[id]?.first { $0.validity.contains(considered) }
                })
            candidate.candidate.inDifficultArea = exception.applies
            var eligibility = AdmissionEligibility.issues(
                for: candidate.candidate, consideredOn: considered, settings: settings)
            if !candidate.hasIntroduction {
                eligibility = eligibility.filter { !($0.field ?? "").hasPrefix("introducers") }
            }
            let problems = pipeline.issues(calendar: calendar, settings: settings)
            var view = CandidateView(
                id: try record.requireID(), cellID: record.organisationID, cellName: cells[record.organisationID] ?? "",
                fullName: candidate.fullName, birthDate: candidate.candidate.birthDate,
                education: candidate.candidate.education, educationException: exception,
                educationExceptionText: exception.explanation(settings: settings),
                eligibility: eligibility.map(\.description),
                pipeline: pipeline, nextStep: pipeline.nextStep(settings: settings),
                deadlines: pipeline.status(on: date, calendar: calendar, settings: settings),
                problems: problems.map(\.description),
                mentor: record.mentorID.map { NamedID(id: $0, name: names[$0] ?? "") },
                introducers: candidate.candidate.introducers.compactMap { introducer in
                    UUID(uuidString: introducer.memberID).map { NamedID(id: $0, name: names[$0] ?? "") }
                })
            view.eligibilityIssues = eligibility
            view.problemIssues = problems
            return view
        }
    }
}
