/// A member's recorded status (rules.md R28). Probationary and full are derived from dates; see `PartyStanding`.
public enum PartyStatus: String, Sendable, CaseIterable, Codable {
    case probationary
    case full
    case exempt
    case suspended
    case left
    case deceased

    public var label: BilingualText {
        switch self {
        case .probationary: return BilingualText(vi: "Dự bị", en: "Probationary")
        case .full: return BilingualText(vi: "Chính thức", en: "Full")
        case .exempt: return BilingualText(vi: "Miễn sinh hoạt", en: "Exempt")
        case .suspended: return BilingualText(vi: "Đình chỉ sinh hoạt", en: "Suspended")
        case .left: return BilingualText(vi: "Ra khỏi Đảng", en: "Left")
        case .deceased: return BilingualText(vi: "Từ trần", en: "Deceased")
        }
    }
}

/// The dates that decide a member's standing on any day.
public struct PartyRecord: Hashable, Sendable, Codable {
    public var admittedOn: CivilDate
    /// The day the member became a full member; nil while probationary (rules.md R23).
    public var officialOn: CivilDate?
    /// The current status and since when it holds (for exempt, suspended, left, deceased).
    public var status: PartyStatus
    public var statusSince: CivilDate?

    public init(admittedOn: CivilDate, officialOn: CivilDate?, status: PartyStatus, statusSince: CivilDate? = nil) {
        self.admittedOn = admittedOn
        self.officialOn = officialOn
        self.status = status
        self.statusSince = statusSince
    }

    /// The member's standing on `date`, or nil when not a member that day (not yet admitted, left, deceased).
    public func standing(on date: CivilDate) -> PartyStanding? {
        guard admittedOn <= date else { return nil }
        let statusApplies = statusSince.map { $0 <= date } ?? true
        if statusApplies && (status == .left || status == .deceased) { return nil }
        let isFull = officialOn.map { $0 <= date } ?? false
        if statusApplies && status == .suspended { return .suspended }
        if statusApplies && status == .exempt && isFull { return .exempt }
        return isFull ? .full : .probationary
    }
}

extension PartyRecord {
    /// The record as it stood on `date`: an official date or a status that came later is not yet known then, so an
    /// export or view "as of" a day never shows it (rules.md R26). A status with no date is taken as of admission.
    public func asOf(_ date: CivilDate) -> PartyRecord {
        let official = officialOn.flatMap { $0 <= date ? $0 : nil }
        let derived: PartyStatus = official == nil ? .probationary : .full
        guard status != .probationary && status != .full else {
            return PartyRecord(admittedOn: admittedOn, officialOn: official, status: derived)
        }
        if let since = statusSince, since > date {
            return PartyRecord(admittedOn: admittedOn, officialOn: official, status: derived)
        }
        return PartyRecord(admittedOn: admittedOn, officialOn: official, status: status, statusSince: statusSince)
    }
}

/// Standing on a given day, as counted on a cell's roll (rules.md R4, R10).
public enum PartyStanding: String, Sendable, Codable {
    /// A full member taking part in activities.
    case full
    /// A full member exempt from activities: still a full member for thresholds (rules.md R4).
    case exempt
    case probationary
    case suspended

    /// Whether this standing counts toward the full-member thresholds of rules.md R1–R4.
    public var countsAsFull: Bool { self == .full || self == .exempt }
}

extension PartyStanding {
    /// The standing's name, the same words as the status it derives from.
    public var label: BilingualText {
        switch self {
        case .full: return PartyStatus.full.label
        case .exempt: return PartyStatus.exempt.label
        case .probationary: return PartyStatus.probationary.label
        case .suspended: return PartyStatus.suspended.label
        }
    }
}
