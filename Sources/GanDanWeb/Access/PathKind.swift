import Foundation
import Vapor

/// The kinds of object a path parameter names, each with one resolver; the parameter is named after the kind
/// (`/cells/:cell`), except that a village is a unit (`/units/:unit/households`) whose group asks for a village.
enum PathKind: String, Sendable, CaseIterable {
    case unit, village, cell, committee, member, meeting, plan, directive, feedback, supervision, candidate, household,
        upload, token, user

    /// Path parameters that carry a value (a year, a rating period), not an object: the handler parses them.
    static let values: Set<String> = ["year", "period"]

    /// The path parameter that names an object of this kind.
    var parameter: String { self == .village ? "unit" : rawValue }

    /// The kind a parameter names by default (`unit` is a unit unless the group asks for a village).
    init?(parameter: String) {
        guard let kind = PathKind(rawValue: parameter), kind != .village else { return nil }
        self = kind
    }

    /// Resolves `id` with this kind's resolver, checking `action` on the object.
    func resolve(_ id: UUID, _ req: Request, for action: Action) async throws {
        switch self {
        case .unit: try await req.resolve(UnitResolver.self, id, for: action)
        case .village: try await req.resolve(VillageResolver.self, id, for: action)
        case .cell: try await req.resolve(CellResolver.self, id, for: action)
        case .committee: try await req.resolve(CommitteeResolver.self, id, for: action)
        case .member: try await req.resolve(MemberResolver.self, id, for: action)
        case .meeting: try await req.resolve(MeetingResolver.self, id, for: action)
        case .plan: try await req.resolve(PlanResolver.self, id, for: action)
        case .directive: try await req.resolve(DirectiveResolver.self, id, for: action)
        case .feedback: try await req.resolve(FeedbackResolver.self, id, for: action)
        case .supervision: try await req.resolve(SupervisionResolver.self, id, for: action)
        case .candidate: try await req.resolve(CandidateResolver.self, id, for: action)
        case .household: try await req.resolve(HouseholdResolver.self, id, for: action)
        case .upload: try await req.resolve(UploadResolver.self, id, for: action)
        case .token: try await req.resolve(TokenResolver.self, id, for: action)
        case .user: try await req.resolve(UserResolver.self, id, for: action)
        }
    }
}
