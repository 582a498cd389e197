import FluentKit
import Foundation
import GanDanCore

extension UnitRecord {
    convenience init(_ draft: UnitDraft, unitID: UUID, parentID: UUID?) {
        self.init()
        id = UUID()
        self.unitID = unitID
        code = draft.code
        kind = draft.kind.rawValue
        name = MemberValidation.normalisedName(draft.name)
        nameSort = VietnameseText.sortKey(name)
        nameSearch = VietnameseText.searchKey(name)
        parentUnitID = parentID
        validFrom = draft.validity.from.iso
        validUntil = draft.validity.until?.iso
        apply(draft.profile)
    }
}
