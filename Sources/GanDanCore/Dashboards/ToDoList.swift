import Foundation

/// Where a cell's meeting of the month stands on a day (rules.md R7, R10).
public enum MonthMeetingState: Codable, Sendable, Hashable {
    /// No monthly meeting planned or held in the month.
    case notPlanned
    /// Planned for a day of the month, not yet held.
    case planned(CivilDate)
    /// Held, but no minutes recorded yet.
    case minutesMissing(CivilDate)
    /// Held with minutes: nothing left to do.
    case done(CivilDate)

    /// Whether the secretary still has something to do for the month's meeting: plan it, or record its minutes (a
    /// meeting planned and not yet due is shown, but is not a to-do).
    public var needsAction: Bool {
        switch self {
        case .notPlanned, .minutesMissing: return true
        case .planned, .done: return false
        }
    }
}

/// What one cell has to do, as seen on a day: the secretary's to-do list, and one line of a planner's count.
public struct CellToDo: Codable, Sendable, Hashable {
    public var cellID: UUID
    public var cellName: String
    public var meeting: MonthMeetingState
    /// Open tasks whose month ends within the look-ahead (rules.md A7).
    public var tasksDueSoon: Int
    /// Open tasks whose month has ended.
    public var tasksOverdue: Int
    /// Citizens' feedback whose stage is due within the look-ahead (rules.md A8).
    public var feedbackDueSoon: Int
    /// Citizens' feedback past its stage's deadline.
    public var feedbackOverdue: Int
    /// The quarter has no thematic topic planned and no thematic meeting held (rules.md R9).
    public var thematicTopicMissing: Bool
    /// Members one unexcused absence or less away from the removal flag this year, flagged ones included (rules.md
    /// R12).
    public var membersNearAbsenceFlag: Int
    /// Candidates with a pipeline deadline within the look-ahead or past it (rules.md R23).
    public var candidateDeadlines: Int
    /// The earliest of those deadlines.
    public var nextCandidateDeadline: CivilDate?
    /// Official transfers into the cell waiting to be received (rules.md R13, R14).
    public var transfersWaiting: Int
    /// Of those, the ones past their deadline.
    public var transfersOverdue: Int
    /// Where the cell stands with its next congress (rules.md R6); `unknown` when none is recorded.
    public var congress: CongressTerm.Standing = .unknown
    /// The window of the next congress after the last recorded one.
    public var nextCongress: CongressTerm.Next?

    public init(
        cellID: UUID, cellName: String, meeting: MonthMeetingState, tasksDueSoon: Int = 0, tasksOverdue: Int = 0,
        feedbackDueSoon: Int = 0, feedbackOverdue: Int = 0, thematicTopicMissing: Bool = false,
        membersNearAbsenceFlag: Int = 0, candidateDeadlines: Int = 0, nextCandidateDeadline: CivilDate? = nil,
        transfersWaiting: Int = 0, transfersOverdue: Int = 0
    ) {
        self.transfersWaiting = transfersWaiting
        self.transfersOverdue = transfersOverdue
        self.cellID = cellID
        self.cellName = cellName
        self.meeting = meeting
        self.tasksDueSoon = tasksDueSoon
        self.tasksOverdue = tasksOverdue
        self.feedbackDueSoon = feedbackDueSoon
        self.feedbackOverdue = feedbackOverdue
        self.thematicTopicMissing = thematicTopicMissing
        self.membersNearAbsenceFlag = membersNearAbsenceFlag
        self.candidateDeadlines = candidateDeadlines
        self.nextCandidateDeadline = nextCandidateDeadline
    }

    /// Whether nothing is left to do in the cell.
    public var isEmpty: Bool {
        !meeting.needsAction && tasksDueSoon == 0 && tasksOverdue == 0 && feedbackDueSoon == 0 && feedbackOverdue == 0
            && !thematicTopicMissing && membersNearAbsenceFlag == 0 && candidateDeadlines == 0 && transfersWaiting == 0
            && !congressNeedsAction
    }

    /// The window for the next congress is open, or has closed with none recorded.
    public var congressNeedsAction: Bool { congress == .due || congress == .overdue }
}

/// How far ahead the to-do list looks.
public struct ToDoHorizon: Codable, Sendable, Hashable {
    /// Tasks due within this many days.
    public var taskDays: Int
    /// Feedback due within this many days.
    public var feedbackDays: Int
    /// Candidates' deadlines within this many days.
    public var candidateDays: Int

    public init(taskDays: Int = 7, feedbackDays: Int = 3, candidateDays: Int = 14) {
        self.taskDays = taskDays
        self.feedbackDays = feedbackDays
        self.candidateDays = candidateDays
    }

    public static let standard = ToDoHorizon()
}

/// A to-do list on a day: one entry per cell, and the totals a planner sees (counted over the cells under them).
public struct ToDoList: Codable, Sendable, Hashable {
    public var asOf: CivilDate
    public var cells: [CellToDo]

    public init(asOf: CivilDate, cells: [CellToDo]) {
        self.asOf = asOf
        self.cells = cells
    }

    /// Whether no cell has anything to do.
    public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }

    /// The counts over all cells.
    public var totals: ToDoTotals { ToDoTotals(cells) }
}

/// The counts of a to-do list over many cells.
public struct ToDoTotals: Codable, Sendable, Hashable {
    public var cells: Int
    public var meetingNotPlanned: Int
    public var meetingPlanned: Int
    public var minutesMissing: Int
    public var tasksDueSoon: Int
    public var tasksOverdue: Int
    public var feedbackDueSoon: Int
    public var feedbackOverdue: Int
    public var thematicTopicMissing: Int
    public var membersNearAbsenceFlag: Int
    public var candidateDeadlines: Int
    public var transfersWaiting: Int
    public var transfersOverdue: Int
    /// Cells whose congress window is open, and cells past its latest day (rules.md R6).
    public var congressDue: Int
    public var congressOverdue: Int

    public init(_ cells: [CellToDo]) {
        func count(_ test: (CellToDo) -> Bool) -> Int { cells.filter(test).count }
        func sum(_ value: (CellToDo) -> Int) -> Int { cells.reduce(0) { $0 + value($1) } }
        self.cells = cells.count
        meetingNotPlanned = count { $0.meeting == .notPlanned }
        meetingPlanned = count {
            if case .planned = $0.meeting { return true }
            return false
        }
        minutesMissing = count {
            if case .minutesMissing = $0.meeting { return true }
            return false
        }
        tasksDueSoon = sum(\.tasksDueSoon)
        tasksOverdue = sum(\.tasksOverdue)
        feedbackDueSoon = sum(\.feedbackDueSoon)
        feedbackOverdue = sum(\.feedbackOverdue)
        thematicTopicMissing = count(\.thematicTopicMissing)
        membersNearAbsenceFlag = sum(\.membersNearAbsenceFlag)
        candidateDeadlines = sum(\.candidateDeadlines)
        transfersWaiting = sum(\.transfersWaiting)
        transfersOverdue = sum(\.transfersOverdue)
        congressDue = count { $0.congress == .due }
        congressOverdue = count { $0.congress == .overdue }
    }

    /// Whether every count is zero (a planned meeting alone is not a to-do).
    public var isEmpty: Bool {
        meetingNotPlanned + minutesMissing + tasksDueSoon + tasksOverdue + feedbackDueSoon + feedbackOverdue
            + thematicTopicMissing + membersNearAbsenceFlag + candidateDeadlines + transfersWaiting + congressDue
            + congressOverdue == 0
    }
}
