import GanDanStorage
import Vapor

extension UnitSnapshot: Content {}
extension OrganisationSnapshot: Content {}
extension MemberSummary: Content {}
extension MemberDetail: Content {}
extension MemberPage: Content {}
extension CellSummary: Content {}
extension RosterEntry: Content {}
extension MemberContactChange: Content {}
