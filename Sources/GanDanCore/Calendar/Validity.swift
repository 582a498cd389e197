/// The dated life of a record: valid from `from` (inclusive) until `until` (exclusive), open when `until` is nil.
///
/// History is never overwritten (rules.md R26): a change closes one validity and opens another.
public struct Validity: Hashable, Sendable, Codable {
    public var from: CivilDate
    public var until: CivilDate?

    public init(from: CivilDate, until: CivilDate? = nil) {
        self.from = from
        self.until = until
    }

    /// Whether the record is in force on `date`.
    public func contains(_ date: CivilDate) -> Bool {
        from <= date && (until.map { date < $0 } ?? true)
    }

    /// Whether two validities share at least one day.
    public func overlaps(_ other: Validity) -> Bool {
        let startsBeforeOtherEnds = other.until.map { from < $0 } ?? true
        let otherStartsBeforeEnd = until.map { other.from < $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeEnd
    }
}
