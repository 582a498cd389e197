import Foundation

/// What a member's task works on, as the article names them (rules.md A6).
public enum MemberTaskKind: String, Sendable, CaseIterable, Codable {
    /// Helping named poor households of the village out of poverty.
    case poorHouseholds
    /// Advancing one new-rural criterion of the village, environment first (rules.md R24).
    case ruralCriterion
    /// Persuading households to join a production drive (Khuổi Phầy's pear-growing).
    case persuasion
    case other

    public var label: BilingualText {
        switch self {
        case .poorHouseholds: return BilingualText(vi: "Giúp đỡ hộ nghèo", en: "Helping poor households")
        case .ruralCriterion: return BilingualText(vi: "Tiêu chí nông thôn mới", en: "New-rural criterion")
        case .persuasion: return BilingualText(vi: "Vận động hộ dân", en: "Persuading households")
        case .other: return BilingualText(vi: "Nhiệm vụ khác", en: "Other task")
        }
    }
}

/// Where a task stands after review at a meeting (rules.md A7).
public enum MemberTaskStatus: String, Sendable, CaseIterable, Codable {
    case open
    case done
    case partlyDone
    case notDone

    /// Whether the task still waits for review.
    public var isOpen: Bool { self == .open }

    public var label: BilingualText {
        switch self {
        case .open: return BilingualText(vi: "Đang thực hiện", en: "Open")
        case .done: return BilingualText(vi: "Hoàn thành", en: "Done")
        case .partlyDone: return BilingualText(vi: "Hoàn thành một phần", en: "Partly done")
        case .notDone: return BilingualText(vi: "Không hoàn thành", en: "Not done")
        }
    }
}

/// A production drive's figures: households to persuade, persuaded so far, and area planted (rules.md A6).
public struct PersuasionProgress: Hashable, Sendable, Codable {
    public var householdsTarget: Int
    public var householdsPersuaded: Int
    /// Hectares planted by the persuaded households.
    public var areaPlantedHectares: Double

    public init(householdsTarget: Int, householdsPersuaded: Int = 0, areaPlantedHectares: Double = 0) {
        self.householdsTarget = householdsTarget
        self.householdsPersuaded = householdsPersuaded
        self.areaPlantedHectares = areaPlantedHectares
    }
}

/// A task assigned at a meeting to named members, due in a month, reviewed at a later meeting (rules.md R10, A7).
public struct MemberTaskDraft: Hashable, Sendable, Codable {
    public var kind: MemberTaskKind
    public var description: String
    public var assigneeIDs: [String]
    public var due: YearMonth
    /// Poor households helped, by register id (kind `.poorHouseholds`).
    public var householdIDs: [String]
    /// The criteria set and the criterion's number in it (kind `.ruralCriterion`, rules.md R24).
    public var criterionSetID: String?
    public var criterionNumber: Int?
    /// The drive's targets (kind `.persuasion`).
    public var persuasion: PersuasionProgress?

    public init(
        kind: MemberTaskKind, description: String, assigneeIDs: [String], due: YearMonth,
        householdIDs: [String] = [], criterionSetID: String? = nil, criterionNumber: Int? = nil,
        persuasion: PersuasionProgress? = nil
    ) {
        self.kind = kind
        self.description = description
        self.assigneeIDs = assigneeIDs
        self.due = due
        self.householdIDs = householdIDs
        self.criterionSetID = criterionSetID
        self.criterionNumber = criterionNumber
        self.persuasion = persuasion
    }

    static let targetVI = "Phong trào sản xuất phải ghi số hộ cần vận động."
    static let targetEN = "A production drive names how many households to persuade."

    /// Every problem with the task, fields prefixed with `field` (for example `tasks[1]`).
    ///
    /// `meetingMonth` is when the task is assigned: it cannot fall due before it.
    public func issues(field: String, meetingMonth: YearMonth, criteriaSets: [RuralCriteriaSet] = RuralCriteriaSet.all)
        -> [InputIssue]
    {
        var issues: [InputIssue] = []
        func add(_ name: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: "\(field).\(name)", vi: vi, en: en))
        }
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add("description", "Nhiệm vụ chưa ghi việc phải làm.", "The task does not say what is to be done.")
        }
        if assigneeIDs.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            // rules.md R10: every task names its members.
            add("assigneeIDs", "Nhiệm vụ chưa giao cho đảng viên nào.", "The task is assigned to no member.")
        }
        if due < meetingMonth {
            add(
                "due", "Hạn hoàn thành \(due.vietnamese) sớm hơn tháng họp \(meetingMonth.vietnamese).",
                "The task falls due in \(due.vietnamese), before the meeting's month \(meetingMonth.vietnamese).")
        }
        switch kind {
        case .ruralCriterion:
            guard let setID = criterionSetID, let number = criterionNumber else {
                // rules.md R24: a new-rural task names the criterion it advances.
                add(
                    "criterionNumber", "Nhiệm vụ nông thôn mới phải chọn tiêu chí mà nó góp phần thực hiện.",
                    "A new-rural task names the criterion it helps to meet.")
                break
            }
            guard let set = criteriaSets.first(where: { $0.id == setID }) else {
                add(
                    "criterionSetID", "Không có bộ tiêu chí \(setID).", "There is no criteria set \(setID).")
                break
            }
            if set.criterion(number: number) == nil {
                add(
                    "criterionNumber",
                    "Bộ tiêu chí \(setID) không có tiêu chí số \(number) (bộ có \(set.criteria.count) tiêu chí).",
                    "The \(setID) set has no criterion \(number) (it has \(set.criteria.count)).")
            }
        case .persuasion:
            if let persuasion = persuasion {
                if persuasion.householdsTarget <= 0 {
                    add("persuasion.householdsTarget", Self.targetVI, Self.targetEN)
                }
                if persuasion.householdsPersuaded < 0 || persuasion.areaPlantedHectares < 0 {
                    add("persuasion", "Các số liệu không được là số âm.", "The figures cannot be negative.")
                }
            } else {
                add("persuasion.householdsTarget", Self.targetVI, Self.targetEN)
            }
        case .poorHouseholds, .other:
            break
        }
        return issues
    }
}

/// The outcome of a task as reviewed at a meeting (rules.md A7).
public struct MemberTaskReview: Hashable, Sendable, Codable {
    public var taskID: String
    public var status: MemberTaskStatus
    public var outcome: String
    /// Updated drive figures for a persuasion task.
    public var persuasion: PersuasionProgress?

    public init(taskID: String, status: MemberTaskStatus, outcome: String, persuasion: PersuasionProgress? = nil) {
        self.taskID = taskID
        self.status = status
        self.outcome = outcome
        self.persuasion = persuasion
    }

    /// A review decides the task: it cannot leave it open, and a task not done says why.
    public func issues(field: String) -> [InputIssue] {
        var issues: [InputIssue] = []
        if status == .open {
            issues.append(
                InputIssue(
                    field: "\(field).status",
                    vi: "Hãy đánh giá nhiệm vụ: hoàn thành, hoàn thành một phần hay chưa hoàn thành.",
                    en: "Mark the task done, partly done or not done."))
        }
        if status != .done && outcome.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(
                InputIssue(
                    field: "\(field).outcome", vi: "Hãy ghi việc đã làm được và việc chưa làm được.",
                    en: "Say what was achieved and what was not."))
        }
        return issues
    }
}

extension MemberTaskDraft {
    private enum CodingKeys: String, CodingKey {
        case kind, description, assigneeIDs, due, householdIDs, criterionSetID, criterionNumber, persuasion
    }

    /// Reads a task where households, criterion and drive figures may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(MemberTaskKind.self, forKey: .kind),
            description: try container.decode(String.self, forKey: .description),
            assigneeIDs: try container.decode([String].self, forKey: .assigneeIDs),
            due: try container.decode(YearMonth.self, forKey: .due),
            householdIDs: try container.decodeIfPresent([String].self, forKey: .householdIDs) ?? [],
            criterionSetID: try container.decodeIfPresent(String.self, forKey: .criterionSetID),
            criterionNumber: try container.decodeIfPresent(Int.self, forKey: .criterionNumber),
            persuasion: try container.decodeIfPresent(PersuasionProgress.self, forKey: .persuasion))
    }
}
