import ArgumentParser
import Foundation
import GanDanCore

/// `--meeting-policy FILE`: the province's meeting thresholds and quality checklist (rules.md R8, R11, R12).
struct MeetingPolicyOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A JSON file with the meeting thresholds and quality checklist (see docs/meeting-policy.example.json); "
                + "also GANDAN_MEETING_POLICY. Default: the rules' own numbers.", valueName: "file"))
    var meetingPolicy: String?

    /// The policy read from the file, or the standard one.
    func policy() throws -> MeetingPolicy {
        guard let path = meetingPolicy ?? ProcessInfo.processInfo.environment["GANDAN_MEETING_POLICY"], !path.isEmpty
        else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppRunner.failure("cannot read the meeting policy \(path)")
        }
        do {
            return try MeetingPolicy.read(json: data)
        } catch {
            throw AppRunner.failure("the meeting policy \(path): \(error.description)")
        }
    }
}
