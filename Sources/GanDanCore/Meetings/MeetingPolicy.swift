/// The meeting rules and the quality checklist a province sets; one value configures the whole app (rules.md R8, R11, R12).
public struct MeetingPolicy: Hashable, Sendable, Codable {
    public var meetings: MeetingSettings
    public var quality: MeetingQualitySettings

    public init(meetings: MeetingSettings = .standard, quality: MeetingQualitySettings = .standard) {
        self.meetings = meetings
        self.quality = quality
    }

    public static let standard = MeetingPolicy()
}
