import FluentKit
import GanDanCore
import GanDanStorage
import GanDanTesting
import GanDanWeb
import VaporTesting

/// Runs `body` against the app configured by `configure(app, settings)` on a fresh database holding `dataset`.
func withSeededApp(
    _ database: TestDatabase, _ dataset: OrganisationDataset = seededTree,
    _ body: (Application) async throws -> Void
) async throws {
    try await database.withLocation { location in
        try await withApp(configure: { app in try await configure(app, Settings(database: location)) }) { app in
            _ = try await DatasetWriter(db: app.db).write(dataset)
            try await body(app)
        }
    }
}

/// The small fixture tree with a few members, as the web tests expect it.
let seededTree: OrganisationDataset = {
    var dataset = Fixtures.tree
    dataset.members = [
        Fixtures.member(
            "Hoàng Văn Hoan", citizenID: "000000000001",
            posts: [
                PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: Fixtures.since)
            ]),
        Fixtures.member("La Văn Đường", citizenID: "000000000002"),
        Fixtures.member(
            "Hoàng Văn Tài", cell: "CB-00001.01",
            posts: [PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.01", validity: Fixtures.since)]),
    ]
    return dataset
}()
