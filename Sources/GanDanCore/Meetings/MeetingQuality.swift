import Foundation

/// The items of the meeting-quality checklist a province scores.
public enum MeetingQualityItem: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    case onTime
    case durationMet
    case attendanceRate
    case topicsPrepared
    case tasksReviewed
    case resolutionAdopted

    public var label: BilingualText {
        switch self {
        case .onTime: return BilingualText(vi: "Đúng giờ", en: "Started on time")
        case .durationMet: return BilingualText(vi: "Đủ thời gian", en: "Duration met")
        case .attendanceRate: return BilingualText(vi: "Tỷ lệ đảng viên dự họp", en: "Attendance rate")
        case .topicsPrepared: return BilingualText(vi: "Chuẩn bị nội dung", en: "Topics prepared")
        case .tasksReviewed:
            return BilingualText(vi: "Kiểm điểm nhiệm vụ tháng trước", en: "Last month's tasks reviewed")
        case .resolutionAdopted: return BilingualText(vi: "Thông qua nghị quyết", en: "Resolution adopted")
        }
    }
}

/// A grading band: scores at or above `minimumScore` (out of 100) get `label`.
public struct MeetingQualityBand: Hashable, Sendable, Codable {
    public var minimumScore: Double
    public var label: BilingualText

    public init(minimumScore: Double, label: BilingualText) {
        self.minimumScore = minimumScore
        self.label = label
    }
}

/// The checklist weights and grading bands, set by a province; defaults sum to 100.
public struct MeetingQualitySettings: Hashable, Sendable, Codable {
    /// The weight of each item; missing items weigh nothing.
    public var weights: [MeetingQualityItem: Double]
    /// Attendance at or above this rate earns the full attendance weight; below it, a proportional share.
    public var attendanceTarget: Double
    /// Bands in any order; a score takes the highest band it reaches, else the lowest band.
    public var bands: [MeetingQualityBand]

    public init(
        weights: [MeetingQualityItem: Double] = MeetingQualitySettings.defaultWeights,
        attendanceTarget: Double = 0.9, bands: [MeetingQualityBand] = MeetingQualitySettings.defaultBands
    ) {
        self.weights = weights
        self.attendanceTarget = attendanceTarget
        self.bands = bands
    }

    public static let defaultWeights: [MeetingQualityItem: Double] = [
        .onTime: 10, .durationMet: 20, .attendanceRate: 20, .topicsPrepared: 15, .tasksReviewed: 15,
        .resolutionAdopted: 20,
    ]

    public static let defaultBands: [MeetingQualityBand] = [
        MeetingQualityBand(minimumScore: 90, label: BilingualText(vi: "Tốt", en: "Good")),
        MeetingQualityBand(minimumScore: 70, label: BilingualText(vi: "Khá", en: "Fairly good")),
        MeetingQualityBand(minimumScore: 50, label: BilingualText(vi: "Trung bình", en: "Average")),
        MeetingQualityBand(minimumScore: 0, label: BilingualText(vi: "Kém", en: "Poor")),
    ]

    public static let standard = MeetingQualitySettings()
}

/// The facts the checklist scores, entered by hand or read from minutes.
public struct MeetingQualityChecklist: Hashable, Sendable, Codable {
    public var onTime: Bool
    public var durationMet: Bool
    /// Present over expected members, 0...1.
    public var attendanceRate: Double
    public var topicsPrepared: Bool
    public var tasksReviewed: Bool
    public var resolutionAdopted: Bool

    public init(
        onTime: Bool, durationMet: Bool, attendanceRate: Double, topicsPrepared: Bool, tasksReviewed: Bool,
        resolutionAdopted: Bool
    ) {
        self.onTime = onTime
        self.durationMet = durationMet
        self.attendanceRate = attendanceRate
        self.topicsPrepared = topicsPrepared
        self.tasksReviewed = tasksReviewed
        self.resolutionAdopted = resolutionAdopted
    }

    /// Reads the checklist from minutes: topics prepared means an agenda sent with timely notice (rules.md R11).
    public init(
        minutes: MeetingMinutes, scheduledStart: TimeOfDay, settings: MeetingSettings = .standard,
        cellFullMembers: Int
    ) {
        let minimum = settings.minimumDuration(for: minutes.kind, cellFullMembers: cellFullMembers)
        let voters = minutes.presentVoters
        self.init(
            onTime: minutes.startTime <= scheduledStart,
            durationMet: minutes.durationMinutes >= minimum,
            attendanceRate: minutes.roll.expected > 0
                ? Double(minutes.presentCount) / Double(minutes.roll.expected) : 0,
            topicsPrepared: !minutes.agenda.isEmpty
                && MeetingBreach.notice(date: minutes.date, noticeSentOn: minutes.noticeSentOn, settings: settings)
                    == nil,
            tasksReviewed: !minutes.lastMonthReview.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            resolutionAdopted: !minutes.conclusion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                && minutes.votes.allSatisfy { $0.isAdopted(voters: voters) })
    }
}

/// A checklist score out of 100 and its band.
public struct MeetingQualityScore: Hashable, Sendable, Codable {
    public var score: Double
    public var band: MeetingQualityBand

    /// Scores `checklist` with the province's weights and bands.
    public init(_ checklist: MeetingQualityChecklist, settings: MeetingQualitySettings = .standard) {
        var earned = 0.0
        var total = 0.0
        for item in MeetingQualityItem.allCases {
            let weight = max(0, settings.weights[item] ?? 0)
            total += weight
            let share: Double
            switch item {
            case .onTime: share = checklist.onTime ? 1 : 0
            case .durationMet: share = checklist.durationMet ? 1 : 0
            case .attendanceRate:
                let target = settings.attendanceTarget
                share = target > 0 ? min(1, max(0, checklist.attendanceRate) / target) : 1
            case .topicsPrepared: share = checklist.topicsPrepared ? 1 : 0
            case .tasksReviewed: share = checklist.tasksReviewed ? 1 : 0
            case .resolutionAdopted: share = checklist.resolutionAdopted ? 1 : 0
            }
            earned += weight * share
        }
        let score = total > 0 ? (earned / total * 1000).rounded() / 10 : 0
        self.score = score
        let ordered = settings.bands.sorted { $0.minimumScore > $1.minimumScore }
        self.band =
            ordered.first { score >= $0.minimumScore } ?? ordered.last
            ?? MeetingQualityBand(minimumScore: 0, label: BilingualText(vi: "Chưa xếp loại", en: "Ungraded"))
    }
}
