import Fluent
import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// One demo account per role on the Na Hang demo, all with the same published password (demo only).
public enum DemoUsers {
    public static let password = "gandan-demo"

    public struct Login: Sendable {
        public var username: String
        public var description: String
    }

    /// Creates the accounts unless they exist; returns them for printing.
    public static func create(on app: Application) async throws -> [Login] {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        let day = NaHangDemo.referenceDate
        guard let district = try await tree.unit(code: NaHangDemo.districtCode, on: day),
            let commune = try await tree.unit(code: NaHangDemo.thanhTuongCode, on: day),
            let cell = try await tree.organisation(
                code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode))
        else { throw StorageError.notFound("the Na Hang demo units: load the demo first") }
        let accounts: [(String, String, RoleGrant, String)] = [
            ("admin", "Quản trị hệ thống", RoleGrant(role: .administrator), "administrator (everything)"),
            (
                "planner.nahang", "Ban Tổ chức Huyện ủy Na Hang", RoleGrant(role: .planner, unitID: district.id),
                "planner of Na Hang district"
            ),
            (
                "planner.thanhtuong", "Đảng ủy xã Thanh Tương", RoleGrant(role: .planner, unitID: commune.id),
                "planner of Thanh Tương commune"
            ),
            (
                "secretary.nacooc", "Bí thư chi bộ thôn Nà Coóc", RoleGrant(role: .secretary, organisationID: cell.id),
                "secretary of Nà Coóc's cell"
            ),
            ("viewer.nahang", "Xem — Na Hang", RoleGrant(role: .viewer, unitID: district.id), "viewer of Na Hang"),
            (
                "auditor.nahang", "Kiểm tra — Na Hang", RoleGrant(role: .auditor, unitID: district.id),
                "auditor of Na Hang"
            ),
        ]
        let users = UserDirectory(db: app.store)
        let hash = try await app.password.async.hash(password)
        var logins: [Login] = []
        for (username, name, grant, description) in accounts {
            if try await users.credentials(username: username) == nil {
                try await users.create(username: username, displayName: name, passwordHash: hash, grants: [grant])
            }
            logins.append(Login(username: username, description: description))
        }
        return logins
    }
}
