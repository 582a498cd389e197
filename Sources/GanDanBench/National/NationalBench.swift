import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage

/// The storage steps of the national benchmark (bench/national): each province generated, its units and
/// organisations written, its members imported from CSV through the importer's own code path, then the reads timed
/// as a planner of a province and of a commune would make them.
struct NationalBench: Sendable {
    let db: any Database
    let shape: NationalShape
    /// Months of meetings per cell, half each side of `NationalCountry.placementDate`.
    let months: Int

    /// What loading one province took.
    struct ProvinceLoad: Sendable {
        var members = 0
        var generated = 0.0
        var tree = 0.0
        var imported = 0.0
        var history = 0.0
        var meetings = 0
        var attendance = 0
    }

    /// Generates province `index`, writes its tree and imports its members from `folder`/members-NN.csv.
    func load(province index: Int, folder: String) async throws -> ProvinceLoad {
        let clock = ContinuousClock()
        var load = ProvinceLoad()
        var dataset = OrganisationDataset()
        load.generated = seconds(clock.measure { dataset = NationalCountry.province(index, of: shape) })
        load.members = dataset.members.count
        let path = (folder as NSString).appendingPathComponent("members-\(index + 1).csv")
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(try ScaleBench.membersCSV(dataset.members).utf8))
        else { throw Bench.failure("cannot write \(path)") }
        let tree = OrganisationDataset(units: dataset.units, organisations: dataset.organisations)
        dataset = OrganisationDataset()
        let scale = ScaleBench(db: db)
        load.tree = seconds(try await clock.measure { _ = try await scale.writeTree(tree) })
        load.imported = seconds(
            try await clock.measure {
                guard let data = FileManager.default.contents(atPath: path) else { throw StorageError.notFound(path) }
                let report = try await scale.importMembers(data)
                guard report.valid == load.members else {
                    throw InputError.malformed("imported \(report.valid) of \(load.members) members")
                }
            })
        return load
    }

    /// Writes the meetings of province `index` into `load`.
    func writeHistory(province index: Int, into load: inout ProvinceLoad) async throws {
        var history = CellHistorySummary()
        load.history = seconds(
            try await ContinuousClock().measure {
                history = try await NationalCountry.writeHistory(db: db, province: index, months: months)
            })
        load.meetings = history.meetings
        load.attendance = history.attendance
    }

    /// The reads to time, as of `date`: member searches in a province's and in a commune's scope, the dashboards of
    /// both, and the commune's impact report around `placementDate`.
    func operations(on date: CivilDate, placementDate: CivilDate) async throws -> [TimedOperation] {
        let tree = OrganisationTree(db: db, scope: .everything)
        guard let province = try await tree.unit(code: NationalCountry.provinceCode(0), on: date),
            let commune = try await tree.unit(code: NationalCountry.communeCode(province: 0, commune: 0), on: date)
        else { throw StorageError.notFound("the first province and its first commune") }
        let resolver = ScopeResolver(db: db)
        let provinceScope = try await resolver.subtree(of: province.id, on: date)
        let communeScope = try await resolver.subtree(of: commune.id, on: date)
        let db = db
        var operations: [TimedOperation] = []
        for (label, scope) in [("province", provinceScope), ("commune", communeScope)] {
            for text in Self.searches {
                operations.append(
                    TimedOperation("search \"\(text)\", \(label)") {
                        _ = try await MemberDirectory(db: db, scope: scope).search(.init(text: text, date: date))
                    })
            }
        }
        operations += [
            TimedOperation("dashboard, province") {
                _ = try await DistrictDashboard(db: db, scope: provinceScope).load(unit: province.id, asOf: date)
            },
            TimedOperation("dashboard, commune") {
                _ = try await CommuneDashboard(db: db, scope: communeScope).load(unit: commune.id, asOf: date)
            },
            TimedOperation("impact report, commune") {
                _ = try await ImpactReports(db: db, scope: communeScope).report(
                    unitID: commune.id, placementDate: placementDate, months: 1)
            },
        ]
        return operations
    }

    /// The searches the issue names: a whole name, a family name with its marks, and the start of a word.
    static let searches = ["nguyen van an", "đường", "hoa"]

    func seconds(_ duration: Duration) -> Double { ScaleBench.milliseconds(duration) / 1000 }
}
