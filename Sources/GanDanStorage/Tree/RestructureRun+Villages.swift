import FluentKit
import Foundation
import GanDanCore

extension RestructureRun {
    /// Each village of a held old commune goes to the new commune its commune went to whole, or that names it as a
    /// part. A village named by two new communes, a part naming no such village, and a village of a split commune
    /// that no part names are conflicts.
    mutating func assignVillages() async throws {
        var claims: [UUID: [String]] = [:]
        var split: [UUID: [UnitRecord]] = [:]
        var names: [UUID: String] = [:]
        for succession in conversion {
            guard let newUnit = succession.unitID else { continue }
            for predecessor in succession.predecessors {
                guard let oldUnit = predecessor.unitID else { continue }
                if communeSuccessor[oldUnit] == nil || predecessor.whole { communeSuccessor[oldUnit] = newUnit }
                let villages = try await UnitRecord.query(on: db).filter(\.$parentUnitID == oldUnit).inForce(on: eve)
                    .sort(\.$nameSort).all()
                if !predecessor.whole { split[oldUnit] = villages }
                for village in take(villages, of: predecessor, into: succession) {
                    claims[village.unitID, default: []].append(succession.code)
                    names[village.unitID] = "\(village.name) (\(predecessor.name))"
                    villageMoves[village.unitID] = newUnit
                }
            }
        }
        checkClaims(claims, names: names, split: split)
    }

    /// The villages of `predecessor` that go into `succession`: all of a whole commune, the named ones of a part.
    mutating func take(_ villages: [UnitRecord], of predecessor: UnitPredecessor, into succession: UnitSuccession)
        -> [UnitRecord]
    {
        change(
            vi: "\(predecessor.name) (mã \(predecessor.code)) \(predecessor.whole ? "nhập toàn bộ" : "nhập một phần") "
                + "vào \(succession.name) (mã \(succession.code)); kết thúc ngày \(eve.vietnamese).",
            en: "\(predecessor.name) (code \(predecessor.code)) goes \(predecessor.whole ? "whole" : "in part") "
                + "into \(succession.name) (code \(succession.code)); ends on \(eve.vietnamese).")
        var taken = villages
        if !predecessor.whole {
            taken = villages.filter { predecessor.villages.contains($0.name) }
            for name in predecessor.villages where !villages.contains(where: { $0.name == name }) {
                conflict(
                    vi: "\(succession.name): \(predecessor.name) không có thôn, bản nào tên \(name).",
                    en: "\(succession.name): \(predecessor.name) has no village named \(name).",
                    field: "villages", code: succession.code)
            }
        }
        for village in taken {
            change(
                vi: "Thôn \(village.name): từ \(predecessor.name) về \(succession.name) từ ngày \(date.vietnamese).",
                en: "Village \(village.name): from \(predecessor.name) to \(succession.name) from \(date.vietnamese).")
        }
        return taken
    }

    /// A village claimed by two new communes, or of a split commune and claimed by none, is a conflict.
    mutating func checkClaims(_ claims: [UUID: [String]], names: [UUID: String], split: [UUID: [UnitRecord]]) {
        for (village, codes) in claims.sorted(by: { $0.value.first ?? "" < $1.value.first ?? "" }) where codes.count > 1
        {
            let communes = codes.compactMap { code in conversion.first { $0.code == code }?.name }
            let name = names[village] ?? village.uuidString
            conflict(
                vi: "Thôn \(name) được hai xã mới nhận: \(communes.joined(separator: ", ")).",
                en: "Village \(name) is claimed by two new communes: \(communes.joined(separator: ", ")).",
                field: "villages", code: codes[1])
        }
        for village in split.values.joined() where claims[village.unitID] == nil {
            conflict(
                vi: "Thôn \(village.name) của xã bị chia không được xã mới nào nhận.",
                en: "Village \(village.name) of a split commune goes into no new commune.", field: "villages")
        }
    }

    /// Ends the districts and old communes on the date and moves each village under its new commune from the date.
    mutating func writeUnits(districts: [UnitRecord]) async throws {
        let moving = Array(villageMoves.keys)
        for village in try await UnitRecord.query(on: db).filter(\.$unitID ~~ moving).inForce(on: eve).all() {
            guard let target = villageMoves[village.unitID] else { continue }
            try await end(village)
            let next = UnitRecord()
            next.id = UUID()
            next.unitID = village.unitID
            next.code = village.code
            next.kind = village.kind
            next.name = village.name
            next.nameSort = village.nameSort
            next.nameSearch = village.nameSearch
            next.parentUnitID = target
            next.validFrom = date.iso
            next.apply(try UnitSnapshot(village).profile)
            try await next.create(on: db)
            report.villagesMoved += 1
            events.append(unitEvent(village, after: next))
        }
        let communes = Array(communeSuccessor.keys)
        for commune in try await UnitRecord.query(on: db).filter(\.$unitID ~~ communes).inForce(on: eve).all() {
            try await end(commune)
            report.communesEnded += 1
            events.append(unitEvent(commune, after: nil))
        }
        for district in districts {
            try await end(district)
            report.districtsEnded += 1
            events.append(unitEvent(district, after: nil))
            change(
                vi: "Huyện \(district.name) kết thúc ngày \(eve.vietnamese).",
                en: "District \(district.name) ends on \(eve.vietnamese).")
        }
    }

    /// Closes an open unit version on the date; one already closed is history that is not rewritten.
    func end(_ unit: UnitRecord) async throws {
        guard unit.validUntil == nil else {
            throw InputError.invalid(
                vi:
                    "\(unit.name) (mã \(unit.code)) đã có thay đổi từ ngày \(unit.validUntil ?? ""): không ghi đè lịch sử.",
                en:
                    "\(unit.name) (code \(unit.code)) already changes on \(unit.validUntil ?? ""): history is not rewritten."
            )
        }
        unit.validUntil = date.iso
        try await unit.update(on: db)
    }

    func unitEvent(_ before: UnitRecord, after: UnitRecord?) -> AuditEvent {
        AuditEvent(
            actor: actor.name, action: "restructure", entity: "unit", entityID: before.unitID.uuidString,
            before: AuditTrail.json(try? UnitSnapshot(before)),
            after: after.flatMap { AuditTrail.json(try? UnitSnapshot($0)) }, requestID: actor.requestID,
            unitID: before.unitID)
    }
}
