/// A rule the meeting broke that the minutes record rather than refuse: the meeting stands, the breach is reported,
/// counts against its quality and shows on the commune's dashboard (rules.md R8, R11).
public enum MeetingBreach: Hashable, Sendable, Codable {
    /// Shorter than the minimum for its kind and cell (rules.md R8).
    case short(minutes: Int, minimum: Int)
    /// Notice went out fewer days ahead than required (rules.md R11).
    case lateNotice(daysAhead: Int, required: Int)
    /// The day notice went out is not recorded (rules.md R11).
    case noticeNotRecorded

    /// Short or late: the breaches the commune dashboard counts; a missing notice day is only shown on the meeting.
    public var isReported: Bool { self != .noticeNotRecorded }

    /// The form field the breach belongs to.
    public var field: String {
        switch self {
        case .short: return "endTime"
        case .lateNotice, .noticeNotRecorded: return "noticeSentOn"
        }
    }

    /// The breach in plain words, no rule codes.
    public var label: BilingualText {
        switch self {
        case .short(let minutes, let minimum):
            return BilingualText(
                vi: "Họp ngắn: \(minutes) phút, ít hơn \(minimum) phút tối thiểu",
                en: "Short meeting: \(minutes) minutes, less than the \(minimum)-minute minimum")
        case .lateNotice(let daysAhead, let required):
            let ahead = daysAhead <= 0 ? "trong ngày họp hoặc sau đó" : "trước \(daysAhead) ngày"
            let aheadEN =
                daysAhead <= 0
                ? "on or after the meeting day" : "\(daysAhead) day\(daysAhead == 1 ? "" : "s") before"
            return BilingualText(
                vi: "Báo họp muộn: gửi \(ahead), cần trước ít nhất \(required) ngày",
                en: "Late notice: sent \(aheadEN), at least \(required) day\(required == 1 ? "" : "s") needed")
        case .noticeNotRecorded:
            return BilingualText(vi: "Chưa ghi ngày gửi giấy báo họp", en: "The day notice was sent is not recorded")
        }
    }

    /// The short short label for a list: "Họp ngắn" / "Báo họp muộn".
    public var kindLabel: BilingualText {
        switch self {
        case .short: return BilingualText(vi: "Họp ngắn", en: "Short meeting")
        case .lateNotice: return BilingualText(vi: "Báo họp muộn", en: "Late notice")
        case .noticeNotRecorded: return BilingualText(vi: "Chưa ghi ngày báo họp", en: "Notice day not recorded")
        }
    }

    /// The notice breach of a meeting on `date`, or nil when notice went out in time (rules.md R11).
    public static func notice(date: CivilDate, noticeSentOn: CivilDate?, settings: MeetingSettings) -> MeetingBreach? {
        guard let noticeSentOn else { return .noticeNotRecorded }
        let daysAhead = date.dayNumber - noticeSentOn.dayNumber
        guard daysAhead >= settings.minimumNoticeDays else {
            return .lateNotice(daysAhead: daysAhead, required: settings.minimumNoticeDays)
        }
        return nil
    }
}

extension MeetingMinutes {
    /// The full members the minimum duration is judged by: full members of the roll, exempt ones included (rules.md R8).
    public var cellFullMembers: Int { roll.full + roll.exempt }

    /// What the meeting broke that is recorded, not refused: too short, late or unrecorded notice (rules.md R8, R11).
    /// A meeting ending before it starts is an error, not a breach.
    public func breaches(settings: MeetingSettings = .standard, cellFullMembers: Int? = nil) -> [MeetingBreach] {
        MeetingBreach.of(
            MeetingBreach.Timing(
                date: date, kind: kind, startTime: startTime, endTime: endTime, noticeSentOn: noticeSentOn,
                cellFullMembers: cellFullMembers ?? self.cellFullMembers), settings: settings)
    }
}

extension MeetingBreach {
    /// The few facts of a meeting its breaches are judged by, so a list of many meetings need not read whole minutes.
    public struct Timing: Sendable, Hashable {
        public var date: CivilDate
        public var kind: MeetingKind
        public var startTime: TimeOfDay
        public var endTime: TimeOfDay
        public var noticeSentOn: CivilDate?
        /// Full members of the roll, exempt ones included (rules.md R8).
        public var cellFullMembers: Int

        public init(
            date: CivilDate, kind: MeetingKind, startTime: TimeOfDay, endTime: TimeOfDay, noticeSentOn: CivilDate?,
            cellFullMembers: Int
        ) {
            self.date = date
            self.kind = kind
            self.startTime = startTime
            self.endTime = endTime
            self.noticeSentOn = noticeSentOn
            self.cellFullMembers = cellFullMembers
        }
    }

    /// Too short, late or unrecorded notice (rules.md R8, R11); a meeting ending before it starts is an error, judged
    /// elsewhere, not a breach.
    public static func of(_ meeting: Timing, settings: MeetingSettings = .standard) -> [MeetingBreach] {
        var result: [MeetingBreach] = []
        let minimum = settings.minimumDuration(for: meeting.kind, cellFullMembers: meeting.cellFullMembers)
        let duration = meeting.endTime.minutesSinceMidnight - meeting.startTime.minutesSinceMidnight
        if meeting.endTime > meeting.startTime && duration < minimum {
            result.append(.short(minutes: duration, minimum: minimum))
        }
        if let notice = notice(date: meeting.date, noticeSentOn: meeting.noticeSentOn, settings: settings) {
            result.append(notice)
        }
        return result
    }
}

extension MeetingBreach {
    private enum CodingKeys: String, CodingKey {
        case kind, minutes, minimum, daysAhead, required
    }

    /// Reads `{"kind": "short", "minutes": 30, "minimum": 90}` and its siblings; an unknown kind is an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "short":
            self = .short(
                minutes: try container.decode(Int.self, forKey: .minutes),
                minimum: try container.decode(Int.self, forKey: .minimum))
        case "lateNotice":
            self = .lateNotice(
                daysAhead: try container.decode(Int.self, forKey: .daysAhead),
                required: try container.decode(Int.self, forKey: .required))
        case "noticeNotRecorded":
            self = .noticeNotRecorded
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "\(kind) is not a meeting breach")
        }
    }

    /// Writes the breach as a flat object with its `kind`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .short(let minutes, let minimum):
            try container.encode("short", forKey: .kind)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(minimum, forKey: .minimum)
        case .lateNotice(let daysAhead, let required):
            try container.encode("lateNotice", forKey: .kind)
            try container.encode(daysAhead, forKey: .daysAhead)
            try container.encode(required, forKey: .required)
        case .noticeNotRecorded:
            try container.encode("noticeNotRecorded", forKey: .kind)
        }
    }
}
