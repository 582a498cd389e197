import Foundation

/// The meeting rules and the quality checklist a province sets; one value configures the whole app (rules.md R8, R11, R12).
public struct MeetingPolicy: Hashable, Sendable, Codable {
    public var meetings: MeetingSettings
    public var quality: MeetingQualitySettings

    public init(meetings: MeetingSettings = .standard, quality: MeetingQualitySettings = .standard) {
        self.meetings = meetings
        self.quality = quality
    }

    public static let standard = MeetingPolicy()

    /// Reads a policy from snake_case JSON (see `docs/meeting-policy.example.json`); every problem names its field.
    public static func read(json data: Data) throws(InputError) -> MeetingPolicy {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let policy: MeetingPolicy
        do {
            policy = try decoder.decode(MeetingPolicy.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(Self.describe(error))
        } catch {
            throw .malformed("\(error)")
        }
        let issues = policy.issues
        guard issues.isEmpty else { throw .invalid(issues) }
        return policy
    }

    /// Thresholds that cannot work: non-positive durations, negative weights, no bands.
    public var issues: [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ message: String) { issues.append(InputIssue(field: field, message: message)) }
        if meetings.minimumMinutes <= 0 { add("meetings.minimum_minutes", "must be more than 0") }
        if meetings.combinedMinimumMinutes < meetings.minimumMinutes {
            add("meetings.combined_minimum_minutes", "cannot be shorter than minimum_minutes (rules.md R8)")
        }
        if meetings.minimumNoticeDays < 0 { add("meetings.minimum_notice_days", "cannot be negative") }
        if meetings.unexcusedAbsenceThreshold < 1 { add("meetings.unexcused_absence_threshold", "must be at least 1") }
        let choices = MeetingSettings.meetingsPerYearChoices.sorted().map(String.init).joined(separator: ", ")
        if !MeetingSettings.meetingsPerYearChoices.contains(meetings.committeeMeetingsPerYear) {
            add("meetings.committee_meetings_per_year", "is one of \(choices), to split the year evenly (rules.md R7)")
        }
        if !MeetingSettings.meetingsPerYearChoices.contains(meetings.standingBodyMeetingsPerYear) {
            add(
                "meetings.standing_body_meetings_per_year",
                "is one of \(choices), to split the year evenly (rules.md R7)")
        }
        for (item, weight) in quality.weights where weight < 0 {
            let key = item.rawValue.reduce(into: "") { text, character in
                text += character.isUppercase ? "_" + character.lowercased() : String(character)
            }
            add("quality.weights.\(key)", "cannot be negative")
        }
        if quality.weights.values.reduce(0, +) <= 0 { add("quality.weights", "at least one weight must be positive") }
        if quality.bands.isEmpty { add("quality.bands", "name at least one grading band") }
        if !(0...1).contains(quality.attendanceTarget) { add("quality.attendance_target", "is a rate between 0 and 1") }
        return issues
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)).\(key.stringValue): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
