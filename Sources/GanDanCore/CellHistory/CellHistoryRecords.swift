/// One member on a cell's official roll during `validity`, from the membership record (rules.md R4, R10).
public struct HistoryMember: Hashable, Sendable {
    public var id: String
    /// The days the member is on this cell's official roll (until is exclusive).
    public var validity: Validity
    public var party: PartyRecord
    /// A commune key leader; one placed in the cell on or after the placement date drives the effect (rules.md A3, A9).
    public var isKeyLeader: Bool
    /// The cell's secretary, who chairs the meeting when present (rules.md R10).
    public var isSecretary: Bool
    /// What orders the roll, stable from one database to another (ids are not); the id unless given.
    public var key: String

    public init(
        id: String, validity: Validity, party: PartyRecord, isKeyLeader: Bool = false, isSecretary: Bool = false,
        key: String? = nil
    ) {
        self.id = id
        self.key = key ?? id
        self.validity = validity
        self.party = party
        self.isKeyLeader = isKeyLeader
        self.isSecretary = isSecretary
    }
}

/// A village cell with its official roll over time and its village (rules.md A2, A6): what past cell life is
/// entered against.
public struct HistoryCell: Hashable, Sendable {
    /// Unique among the cells of one history.
    public var id: String
    public var villageName: String
    public var profile: VillageProfile?
    public var members: [HistoryMember]
    /// What a generated history draws the cell's life from, stable from one database to another (ids are not): the
    /// same district loaded twice gets the same life. The id unless given.
    public var key: String

    public init(
        id: String, villageName: String, profile: VillageProfile? = nil, members: [HistoryMember], key: String? = nil
    ) {
        self.id = id
        self.key = key ?? id
        self.villageName = villageName
        self.profile = profile
        self.members = members
    }
}

/// A poor or near-poor household of a cell's village, its status per calendar year (rules.md A6, R25).
public struct HistoryHousehold: Hashable, Sendable {
    /// `<cellID>/H<n>`.
    public var id: String
    public var cellID: String
    public var headName: String
    /// People living in the household.
    public var members: Int
    /// Year → status at that year's review; `.escaped` the year it leaves poverty, `.notPoor` after.
    public var statuses: [Int: HouseholdPovertyStatus]

    public init(id: String, cellID: String, headName: String, members: Int, statuses: [Int: HouseholdPovertyStatus]) {
        self.id = id
        self.cellID = cellID
        self.headName = headName
        self.members = members
        self.statuses = statuses
    }
}

/// A task assigned at a meeting, under a key unique in the history (rules.md A6, A7).
public struct HistoryTask: Hashable, Sendable {
    /// `<cellID>/<yyyy-mm>/<n>`: the cell, the month it was assigned and its number that month.
    public var key: String
    public var draft: MemberTaskDraft

    public init(key: String, draft: MemberTaskDraft) {
        self.key = key
        self.draft = draft
    }
}

/// The review, at a later meeting of the same cell, of a task assigned earlier (rules.md A7).
public struct HistoryReview: Hashable, Sendable {
    public var taskKey: String
    /// Its `taskID` is the task's key.
    public var review: MemberTaskReview

    public init(taskKey: String, review: MemberTaskReview) {
        self.taskKey = taskKey
        self.review = review
    }
}

/// One monthly meeting of a cell, regular or combined with a thematic topic (rules.md R7, R9, R10).
public struct HistoryMeeting: Hashable, Sendable {
    public var cellID: String
    /// The start time the cell announces; a later start is late (meeting quality).
    public var scheduledStart: TimeOfDay
    /// The thematic topic's title when the meeting is `.combined` (rules.md R9).
    public var topic: String?
    /// Valid minutes: `issues(cellFullMembers:)` holds at most warnings (notice, short meeting) (rules.md R8, R10, R11).
    public var minutes: MeetingMinutes
    /// Tasks assigned at this meeting; `minutes.tasks` mirrors their descriptions and assignees.
    public var tasks: [HistoryTask]
    /// Reviews of tasks assigned at earlier meetings of the same cell (rules.md A7).
    public var reviews: [HistoryReview]
    /// The upper-level committee member assigned to the cell on the day, when the minutes record them present; it
    /// must be the one assigned then (rules.md R11).
    public var committeeMemberID: String?

    public init(
        cellID: String, scheduledStart: TimeOfDay, topic: String?, minutes: MeetingMinutes, tasks: [HistoryTask],
        reviews: [HistoryReview]
    ) {
        self.cellID = cellID
        self.scheduledStart = scheduledStart
        self.topic = topic
        self.minutes = minutes
        self.tasks = tasks
        self.reviews = reviews
    }

    /// Full members on the roll that day, exempt ones included, as the duration rule counts them (rules.md R4, R8).
    public var cellFullMembers: Int { minutes.roll.full + minutes.roll.exempt }
    /// The month the meeting was held in.
    public var month: YearMonth { YearMonth(minutes.date) }
}

/// Whether one new-rural criterion was met in a cell's village at a year's review (rules.md R24).
public struct HistoryCriterionStatus: Hashable, Sendable {
    public var cellID: String
    public var year: Int
    /// The criteria set in force that year, `"2016-2020"` for 2016–2020.
    public var setID: String
    public var number: Int
    public var met: Bool

    public init(cellID: String, year: Int, setID: String, number: Int, met: Bool) {
        self.cellID = cellID
        self.year = year
        self.setID = setID
        self.number = number
        self.met = met
    }
}
