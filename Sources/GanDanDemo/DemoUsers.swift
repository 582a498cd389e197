import Foundation
import GanDanCore
import GanDanStorage

/// One demo account per role on the Na Hang demo, all with the same published password (demo only).
public enum DemoUsers {
    public static let password = "gandan-demo"

    public struct Login: Sendable {
        public var username: String
        public var description: String
    }

    /// Creates the accounts unless they exist, all with `passwordHash` (the hash of `password`, made by the caller's
    /// hasher); returns them for printing. On a demo that reaches the present (the 2025 communes exist on `today`),
    /// also a planner of the new xã Nà Hang and a provincial planner who sees both worlds (issue 19); the district's
    /// accounts keep working on its years (to 30-6-2025) and Nà Coóc's secretary on the cell, which goes on.
    public static func create(
        tree: OrganisationTree, users: UserDirectory, passwordHash hash: String, today: CivilDate = CivilDate.today()
    ) async throws -> [Login] {
        let day = NaHangDemo.referenceDate
        guard let district = try await tree.unit(code: NaHangDemo.districtCode, on: day),
            let commune = try await tree.unit(code: NaHangDemo.thanhTuongCode, on: day),
            let cell = try await tree.organisation(
                code: OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode))
        else { throw StorageError.notFound("the Na Hang demo units: load the demo first") }
        var accounts: [(String, String, RoleGrant, String)] = [
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
        accounts += try await todayAccounts(tree: tree, today: today)
        var logins: [Login] = []
        for (username, name, grant, description) in accounts {
            if try await users.credentials(username: username) == nil {
                try await users.create(username: username, displayName: name, passwordHash: hash, grants: [grant])
            }
            logins.append(Login(username: username, description: description))
        }
        return logins
    }

    /// The accounts of today's structure, when the demo holds it on `today`: none on a demo that stops in 2019.
    static func todayAccounts(tree: OrganisationTree, today: CivilDate) async throws
        -> [(String, String, RoleGrant, String)]
    {
        let day = max(today, NaHangDemo.restructureDate)
        guard let commune = try await tree.unit(code: NaHangDemo.newNaHangCode, on: day), commune.kind == .commune,
            let province = try await tree.unit(code: NaHangDemo.provinceCode, on: day)
        else { return [] }
        return [
            (
                "planner.xanahang", "Đảng ủy xã Nà Hang", RoleGrant(role: .planner, unitID: commune.id),
                "planner of xã Nà Hang (from 1-7-2025)"
            ),
            (
                "planner.tuyenquang", "Ban Tổ chức Tỉnh ủy Tuyên Quang", RoleGrant(role: .planner, unitID: province.id),
                "planner of Tuyên Quang province (2019 district and today's communes)"
            ),
        ]
    }
}
