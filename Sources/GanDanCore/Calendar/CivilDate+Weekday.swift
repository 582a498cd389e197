extension CivilDate {
    /// The ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday); working days follow from it (rules.md R23).
    public var weekday: Int {
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }

    /// Saturday or Sunday, the weekly rest days of public offices.
    public var isWeekend: Bool { weekday >= 6 }

    /// Calendar days from `self` to `later`; negative when `later` is earlier.
    public func days(until later: CivilDate) -> Int {
        later.dayNumber - dayNumber
    }
}
