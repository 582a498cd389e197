import Foundation
import GanDanCore
import GanDanStorage

extension NaHangDemo {
    /// The prefix of every invented phone number: 10 digits like a Vietnamese number, but 01 is no network's
    /// (mobiles start 03, 05, 07, 08, 09; fixed lines 02; the 11-digit 01x mobiles moved to 10 digits in 2018).
    public static let phonePrefix = "0100"

    /// The posts of the two key commune officials who live in Khuổi Phầy and join its cell (seed article ¶5): the
    /// party secretary, placed by residence (rules.md R16, A4), and the Youth Union secretary (rules.md A3).
    public static let khuoiPhayOfficialPosts: Set<PostKind> = [.partySecretary, .youthUnionSecretary]

    /// The placements the article states, commune by commune (seed article ¶3–5; rules.md C): a member named by the
    /// article, or every member the demo's proposal sends to the village when the article gives only a count.
    public static let articlePlacements: [ArticlePlacement] = [
        ArticlePlacement(communeCode: thanhTuongCode, villageCode: naCoocVillageCode, memberName: hoangVanHoan),
        ArticlePlacement(communeCode: nangKhaCode, villageCode: banTunVillageCode, memberName: laVanDuong),
        ArticlePlacement(communeCode: nangKhaCode, villageCode: banTunVillageCode, memberName: nangKhaYouthSecretary),
        ArticlePlacement(communeCode: hongThaiCode, villageCode: khuoiPhayVillageCode, memberName: nil),
    ]
}

/// One placement the article states: a member (nil: whoever the proposal sends, the article giving only a count)
/// placed in the cell of a village of a commune.
public struct ArticlePlacement: Sendable, Hashable {
    public var communeCode: String
    public var villageCode: String
    public var memberName: String?
}

/// The article's placements in the demo's own proposal, each with its margin: how much more the best plan without
/// it costs (rules.md A3, A4; the issue "the article's placements are robust").
public struct ArticlePlacementMargins: Sendable {
    let db: DatabaseHandle

    /// `db` holds the demo (any stage); the proposal is the planner's of `DemoLoader.proposalDate`.
    public init(db: DatabaseHandle) {
        self.db = db
    }

    /// One margin per member the article places, in the order of `NaHangDemo.articlePlacements`.
    public func margins(weights: PlacementWeights = .standard) async throws -> [ArticleMargin] {
        let tree = OrganisationTree(db: db, scope: .everything)
        let plans = PlacementPlans(db: db, scope: .everything)
        let day = DemoLoader.proposalDate
        var settings = PlacementSettings()
        settings.weights = weights
        var margins: [ArticleMargin] = []
        for placement in NaHangDemo.articlePlacements {
            guard let commune = try await tree.unit(code: placement.communeCode, on: day),
                let cell = try await tree.organisation(
                    code: OrganisationDraft.villageCellCode(villageCode: placement.villageCode)),
                let input = try await plans.inputs(unitID: commune.id, on: day, settings: settings).first
            else { throw StorageError.notFound("the demo lacks \(placement.communeCode) or \(placement.villageCode)") }
            let proposal = try PlacementOptimizer.propose(input)
            let members =
                placement.memberName.map { name in input.candidates.filter { $0.name == name }.map(\.id) }
                ?? proposal.decisions.filter { $0.toCellID == cell.id }.map(\.memberID)
            for member in members {
                let posts = input.candidates.first { $0.id == member }?.posts ?? []
                guard let margin = PlacementOptimizer.margin(of: member, in: cell.id, input: input, proposal: proposal)
                else {
                    throw StorageError.conflict(
                        "the demo's proposal does not place \(placement.memberName ?? "") in \(cell.name)")
                }
                margins.append(
                    ArticleMargin(
                        communeName: commune.name, placement: placement, margin: margin, posts: posts,
                        isMarginal: margin.isMarginal(weights: weights)))
            }
        }
        return margins
    }
}

/// An article placement's margin, with the member's key posts.
public struct ArticleMargin: Sendable, Hashable {
    public var communeName: String
    public var placement: ArticlePlacement
    public var margin: PlacementMargin
    public var posts: [PostKind]
    public var isMarginal: Bool
}
