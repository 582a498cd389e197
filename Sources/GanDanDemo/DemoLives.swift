import Foundation
import GanDanCore
import GanDanStorage

/// Members' lives after the placement story (issue 19): in a few cells a member dies or moves away, in a few others
/// a young villager is admitted, so today's rolls differ from 2019's. Written with the registry's own writers and
/// reasons (rules.md R13, R21–R23, R28), drawn from each cell's code so the same demo gets the same lives.
struct DemoLives: Sendable {
    let db: DatabaseHandle
    let actor: Actor

    static let seed: UInt64 = 0x4C69_7665_7320_2019

    /// What the lives changed.
    struct Summary: Sendable, Equatable {
        var died = 0
        var movedOut = 0
        var admitted = 0
    }

    /// Events dated from `from` through `today` (nothing later: the registry records only what has happened).
    func write(cells: [HistoryCell], from: CivilDate, through today: CivilDate) async throws -> Summary {
        var summary = Summary()
        guard from < today else { return summary }
        var usedNames = NaHangDemoBuilder.reservedNames
        for cell in cells {
            var random = SeededRandom(seed: SeededRandom.seed(Self.seed, cell.key))
            let ordinary = cell.members.filter {
                !$0.isSecretary && !$0.isKeyLeader && $0.party.status == .full && $0.validity.until == nil
                    && $0.validity.from < from
            }.sorted { ($0.party.admittedOn, $0.key) < ($1.party.admittedOn, $1.key) }
            // The oldest member on the roll, by admission, is the one who may die; another may move away. Neither
            // introduces a candidate afterwards (`cell` is the roll as read before).
            var gone: Set<String> = []
            if let oldest = ordinary.first, random.chance(0.2) {
                try await record(.deceased, of: oldest, on: random.date(from: from, through: today), today: today)
                gone.insert(oldest.id)
                summary.died += 1
            }
            if ordinary.count > 2, random.chance(0.12) {
                let mover = ordinary[random.int(1...(ordinary.count - 1))]
                try await record(.movedOut, of: mover, on: random.date(from: from, through: today), today: today)
                gone.insert(mover.id)
                summary.movedOut += 1
            }
            var staying = cell
            staying.members.removeAll { gone.contains($0.id) }
            if random.chance(0.15),
                try await admit(into: staying, random: &random, from: from, today: today, usedNames: &usedNames)
            {
                summary.admitted += 1
            }
        }
        return summary
    }

    /// A death or a move out of the district, with its reason, as the registry records it.
    private func record(_ kind: StatusChangeKind, of member: HistoryMember, on day: CivilDate, today: CivilDate)
        async throws
    {
        guard let id = UUID(uuidString: member.id) else { return }
        let reason = kind == .deceased ? "Từ trần do tuổi cao, bệnh nặng" : "Chuyển đi làm ăn, sinh sống ở tỉnh khác"
        try await MemberRegistryWriter(db: db, scope: .everything).recordStatus(
            id, MemberStatusChange(status: kind.rawValue, since: day.iso, reason: reason), today: today, actor: actor)
    }

    /// A young villager introduced by two full members of the cell (rules.md R21, R22), taken through the steps to
    /// the admission ceremony, then added to the cell's roll as a probationary member from that day. False when the
    /// cell has no two full members to introduce or the ceremony would fall after `today`.
    private func admit(
        into cell: HistoryCell, random: inout SeededRandom, from: CivilDate, today: CivilDate,
        usedNames: inout Set<String>
    ) async throws -> Bool {
        let listed = random.date(from: from, through: from.adding(months: 36))
        let ceremony = listed.adding(days: random.int(150...240))
        let full = cell.members.filter {
            $0.party.standing(on: listed)?.countsAsFull == true && $0.validity.contains(listed)
                && $0.party.admittedOn < listed.adding(months: -12)
        }
        guard full.count >= 2, ceremony <= today, let cellID = UUID(uuidString: cell.id) else { return false }
        let sex: Sex = random.chance(0.5) ? .female : .male
        var name = ""
        repeat {
            let family = random.pick(NaHangNames.familyNames(of: "Tày"))
            let middle = random.weighted(sex == .male ? NaHangNames.maleMiddleNames : NaHangNames.femaleMiddleNames)
            let given = random.pick(sex == .male ? NaHangNames.maleGivenNames : NaHangNames.femaleGivenNames)
            name = "\(family) \(middle) \(given)"
        } while !usedNames.insert(name).inserted
        let born = random.date(from: listed.adding(months: -360), through: listed.adding(months: -240))
        let introducers = full.prefix(2).compactMap { member in
            UUID(uuidString: member.id).map {
                IntroducerEntry(memberID: $0, workedWithSince: listed.adding(months: -random.int(14...48)))
            }
        }
        let register = CandidateRegister(db: db, scope: .everything)
        let candidate = try await register.add(
            cellID: cellID,
            CandidateDraft(
                fullName: name, birthDate: born, education: "12/12", listedOn: listed,
                introducedOn: listed.adding(days: 5), introducers: introducers, mentorID: introducers.first?.memberID),
            actor: actor)
        let steps: [(PipelineStep, Int)] = [
            (.awarenessCertificate, 30), (.backgroundCheck, 75), (.cellResolution, 100), (.decision, 130),
        ]
        for (step, days) in steps {
            _ = try await register.record(step, on: listed.adding(days: days), for: candidate.id, actor: actor)
        }
        _ = try await register.record(.ceremony, on: ceremony, for: candidate.id, actor: actor)
        _ = try await MemberRegistryWriter(db: db, scope: .everything).add(
            NewMember(
                fullName: name, birthDate: born.iso, sex: sex.rawValue, ethnicity: "Tày", admittedOn: ceremony.iso,
                joinedOn: ceremony.iso),
            to: cellID, today: today, actor: actor)
        return true
    }
}
