import ArgumentParser
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage

/// `gandan-bench robustness`: loads the Na Hang demo into an empty database and, for each placement the article
/// states, re-solves the commune with that member–cell pair forbidden: how much more the best plan without it costs,
/// absolutely and as a share of the member's own cost (rules.md A3, A4; docs/demo.md). Prints a Markdown table and
/// exits non-zero when a placement is marginal (`PlacementMargin.isMarginal`).
struct RobustnessBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robustness",
        abstract: "How firmly the demo's proposal holds the article's placements (for bench/robustness/run).")

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "An empty SQLite file path or postgres:// URL (default: a temporary SQLite file).", valueName: "path-or-url"
        ))
    var database: String?

    func run() async throws {
        let folder = NSTemporaryDirectory() + "gandan-robustness-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let location =
            database.map(DatabaseLocation.init(argument:)) ?? .sqlite(path: folder + "/demo.sqlite")
        let storage: StorageContext
        do {
            storage = try StorageContext(location: location)
        } catch {
            throw Bench.failure("\(error)")
        }
        let margins: [ArticleMargin]
        do {
            try await storage.migrate()
            _ = try await DemoLoader(db: storage.db).load(stage: .planning)
            margins = try await ArticlePlacementMargins(db: storage.db).margins()
            await storage.shutdown()
        } catch {
            await storage.shutdown()
            throw Bench.failure("\(error)")
        }
        print(Self.markdown(margins))
        let marginal = margins.filter(\.isMarginal)
        if !marginal.isEmpty {
            throw Bench.failure(
                "marginal: "
                    + marginal.map { "\($0.margin.memberName) → \($0.margin.cellName)" }.joined(separator: "; "))
        }
    }

    /// One row per article placement: member, posts, cell, own cost, extra cost, share, runner-up, verdict.
    static func markdown(_ margins: [ArticleMargin]) -> String {
        var lines = [
            "| commune | member (key posts) | placed in | member's cost (terms' sum of sizes) | best plan without it | extra | share of member's cost | marginal |",
            "|---|---|---|---:|---|---:|---:|---|",
        ]
        for row in margins {
            let margin = row.margin
            let posts = row.posts.isEmpty ? "civil servant" : row.posts.map(\.label.en).joined(separator: ", ")
            let source = row.placement.memberName == nil ? " (invented)" : ""
            lines.append(
                "| \(row.communeName) | \(margin.memberName)\(source) (\(posts)) | \(margin.cellName) | "
                    + "\(format(margin.terms.total)) (\(format(margin.memberCostScale))) | "
                    + "\(margin.runnerUpCellName ?? "none") | +\(format(margin.extraCost)) | "
                    + "\(format(margin.relativeExtra * 100)) % | \(row.isMarginal ? "**yes**" : "no") |")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "−∞" }
        let rounded = (value * 10).rounded() / 10
        return String(rounded)
    }
}
