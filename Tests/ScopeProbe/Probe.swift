// This file must NOT compile: it builds every Storage query and writer without an access scope.
// scripts/test builds it with GANDAN_SCOPE_PROBE=1 and expects one "missing argument for parameter 'scope'"
// error per construction below (issue 17: a query type cannot be built without a scope).
import GanDanCore
import GanDanStorage

func organisationTree(_ db: DatabaseHandle) { _ = OrganisationTree(db: db) }
func memberDirectory(_ db: DatabaseHandle) { _ = MemberDirectory(db: db) }
func cellDirectory(_ db: DatabaseHandle) { _ = CellDirectory(db: db) }
func cellMeetings(_ db: DatabaseHandle) { _ = CellMeetings(db: db) }
func committeeAssignments(_ db: DatabaseHandle) { _ = CommitteeAssignments(db: db) }
func householdRegister(_ db: DatabaseHandle) { _ = HouseholdRegister(db: db) }
func villageCriteria(_ db: DatabaseHandle) { _ = VillageCriteria(db: db) }
func monthlyReports(_ db: DatabaseHandle) { _ = MonthlyReports(db: db) }
func impactReports(_ db: DatabaseHandle) { _ = ImpactReports(db: db) }
func districtDashboard(_ db: DatabaseHandle) { _ = DistrictDashboard(db: db) }
func communeDashboard(_ db: DatabaseHandle) { _ = CommuneDashboard(db: db) }
func memberWriter(_ db: DatabaseHandle) { _ = MemberWriter(db: db) }
func feedbackBook(_ db: DatabaseHandle) { _ = FeedbackBook(db: db) }
func candidateRegister(_ db: DatabaseHandle) { _ = CandidateRegister(db: db) }
func ratings(_ db: DatabaseHandle) { _ = Ratings(db: db) }
func leaderSupervisions(_ db: DatabaseHandle) { _ = LeaderSupervisions(db: db) }
func spreadsheetImport(_ db: DatabaseHandle) { _ = SpreadsheetImport(db: db) }
func placementPlans(_ db: DatabaseHandle) { _ = PlacementPlans(db: db) }
func directives(_ db: DatabaseHandle) { _ = Directives(db: db) }
func unitWriter(_ db: DatabaseHandle) { _ = UnitWriter(db: db) }
func membershipWriter(_ db: DatabaseHandle) { _ = MembershipWriter(db: db) }
func memberExporter(_ db: DatabaseHandle) { _ = MemberExporter(db: db) }
func villageCellRolls(_ db: DatabaseHandle) { _ = VillageCellRolls(db: db) }
func cellHistoryWriter(_ db: DatabaseHandle) { _ = CellHistoryWriter(db: db, policy: .standard) }
func datasetWriter(_ db: DatabaseHandle) { _ = DatasetWriter(db: db) }
func importUploads(_ db: DatabaseHandle) { _ = ImportUploads(db: db) }
func auditTrail(_ db: DatabaseHandle) { _ = AuditTrail(db: db) }
func districtExport(_ db: DatabaseHandle) { _ = DistrictExport(db: db) }
func districtImport(_ db: DatabaseHandle) { _ = DistrictImport(db: db) }
func toDoLists(_ db: DatabaseHandle) { _ = ToDoLists(db: db) }
func reminderDigests(_ db: DatabaseHandle) { _ = ReminderDigests(db: db) }
func partyDues(_ db: DatabaseHandle) { _ = PartyDues(db: db) }
func restructure(_ db: DatabaseHandle) { _ = Restructure(db: db) }
func treeEditor(_ db: DatabaseHandle) { _ = TreeEditor(db: db) }
