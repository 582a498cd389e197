import Foundation

/// A moment as people in Vietnam read it: `dd/mm/yyyy HH:mm` in Vietnam's time (UTC+7, no daylight saving), so that
/// a save at 05:17 on 5 December is not shown as `2026-12-04T22:17:09Z`, the day before.
public enum VietnamTime {
    /// Vietnam's offset from UTC.
    public static let offsetSeconds = 7 * 3600

    /// `dd/mm/yyyy HH:mm` in Vietnam's time.
    public static func text(_ moment: Date) -> String {
        let seconds = Int((moment.timeIntervalSince1970 + Double(offsetSeconds)).rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let minuteOfDay = (seconds - days * 86_400) / 60
        let day = CivilDate(dayNumber: days)
        return day.vietnamese + " " + CivilDate.text([(minuteOfDay / 60, 2), (minuteOfDay % 60, 2)], separator: ":")
    }

    /// `HH:mm dd/mm/yyyy` (or `HH:mm:ss dd/mm/yyyy` with `seconds`) in Vietnam's time: a clock reading first, as a
    /// notice that something holds "until 10:30 today" reads.
    public static func clock(_ moment: Date, seconds: Bool = false) -> String {
        let total = Int((moment.timeIntervalSince1970 + Double(offsetSeconds)).rounded(.down))
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondOfDay = total - days * 86_400
        var parts = [(secondOfDay / 3600, 2), (secondOfDay / 60 % 60, 2)]
        if seconds { parts.append((secondOfDay % 60, 2)) }
        return CivilDate.text(parts, separator: ":") + " " + CivilDate(dayNumber: days).vietnamese
    }

    /// A stored ISO 8601 timestamp (`2026-12-04T22:17:09.123Z`, with or without fractions) in Vietnam's time; the
    /// text as it is when it is not one.
    public static func text(iso: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let moment = formatter.date(from: iso) { return text(moment) }
        formatter.formatOptions = [.withInternetDateTime]
        if let moment = formatter.date(from: iso) { return text(moment) }
        return iso
    }
}
