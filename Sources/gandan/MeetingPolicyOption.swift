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

    func validate() throws {
        if let meetingPolicy, !FileManager.default.isReadableFile(atPath: meetingPolicy) {
            throw ValidationError("--meeting-policy: cannot read \(meetingPolicy)")
        }
    }
}
