import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// The new-rural criteria sets in use: built in, or a province's file over them (rules.md R24).
    var criteriaSets: [RuralCriteriaSet] { application.settings.criteriaSets }
    /// The poverty standards in use: built in, or a province's file over them (rules.md R25).
    var povertyStandards: [PovertyStandard] { application.settings.povertyStandards }

    /// The household register in the user's scope for `action`, under the standards in use (rules.md R25).
    func householdRegister(_ action: Action = .read) async throws -> HouseholdRegister {
        HouseholdRegister(db: store, scope: try await scope(action), standards: povertyStandards)
    }

    /// The villages' criteria in the user's scope for `action`, under the sets in use (rules.md R24).
    func villageCriteria(_ action: Action = .read) async throws -> VillageCriteria {
        VillageCriteria(db: store, scope: try await scope(action), sets: criteriaSets)
    }
}
