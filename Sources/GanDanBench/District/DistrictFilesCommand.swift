import ArgumentParser
import Foundation
import GanDanCore
import GanDanDemo
import GanDanInterchange

/// `gandan-bench district-files`: writes bench/scale's generated province as district folders, with cell and commune
/// posts, so bench/district/run can time the product's own imports of a province's organisations, members and posts
/// (issue 18's closing note). `full/` holds everything; `base/` only the units and villages to import the rest onto.
struct DistrictFilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district-files",
        abstract: "Write the generated province as district folders (full/ and base/) for bench/district/run.")

    @Option(help: "Districts in the province.") var districts = ScaleProvinceShape.full.districts
    @Option(help: "Communes per district.") var communes = ScaleProvinceShape.full.communesPerDistrict
    @Option(help: "Villages (village cells) per commune.") var villages = ScaleProvinceShape.full.villagesPerCommune
    @Option(help: "Members in all.") var members = ScaleProvinceShape.full.members
    @Option(help: "Random seed.") var seed: UInt64 = ScaleProvinceShape.full.seed
    @Option(help: "The folder to write full/ and base/ into.") var output: String

    func validate() throws {
        let shape = ScaleProvinceShape(
            districts: districts, communesPerDistrict: communes, villagesPerCommune: villages, members: members,
            seed: seed)
        if let problem = shape.problem { throw ValidationError(problem) }
    }

    func run() throws {
        let shape = ScaleProvinceShape(
            districts: districts, communesPerDistrict: communes, villagesPerCommune: villages, members: members,
            seed: seed)
        var dataset = ScaleProvince.dataset(shape)
        ScalePosts.assign(&dataset)
        let root = URL(fileURLWithPath: output)
        _ = try DistrictFolder.write(dataset, to: root.appendingPathComponent("full"), format: .csv)
        _ = try DistrictFolder.write(
            OrganisationDataset(units: dataset.units), to: root.appendingPathComponent("base"), format: .csv)
        let posts = dataset.members.reduce(0) { $0 + $1.posts.count }
        print(
            "units=\(dataset.units.count) organisations=\(dataset.organisations.count) "
                + "members=\(dataset.members.count) posts=\(posts)")
    }
}

/// The posts a real province's folder would hold, drawn from the members by seniority, not at random: in each village
/// cell a secretary, and a deputy and a committee member where it had 9 full members (rules.md R2, R3); in each
/// commune the party secretary and the People's Committee chairman from its first cell (rules.md A3).
enum ScalePosts {
    /// The day the posts begin: after the 2017 cell congresses.
    static let from = CivilDate.on(2017, 6, 1)

    static func assign(_ dataset: inout OrganisationDataset) {
        let parents = Dictionary(
            dataset.organisations.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { first, _ in first })
        let byCell = Dictionary(grouping: dataset.members.indices, by: { dataset.members[$0].cellCode })
        var communesServed: Set<String> = []
        for cell in byCell.keys.sorted() {
            let full = (byCell[cell] ?? []).filter { index in
                let member = dataset.members[index]
                return member.joinedCellOn <= from && member.party.standing(on: from)?.countsAsFull == true
            }
            .sorted { seniority(dataset.members[$0]) < seniority(dataset.members[$1]) }
            var kinds: [(PostKind, String)] = full.isEmpty ? [] : [(.cellSecretary, cell)]
            if full.count >= 9 { kinds += [(.cellDeputySecretary, cell), (.cellCommitteeMember, cell)] }
            if let committee = parents[cell] ?? nil, full.count >= 5, communesServed.insert(committee).inserted {
                kinds += [(.partySecretary, committee), (.peoplesCommitteeChairman, committee)]
            }
            for (index, (kind, organisation)) in zip(full, kinds) {
                dataset.members[index].posts.append(
                    PostDraft(
                        kind: kind, organisationCode: organisation, validity: Validity(from: from), source: .election))
            }
        }
    }

    static func seniority(_ member: MemberDraft) -> String {
        (member.party.officialOn?.iso ?? "9999") + member.fullName
    }
}
