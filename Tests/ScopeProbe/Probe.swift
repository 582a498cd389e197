// This file must NOT compile: it builds every Storage query and writer without an access scope.
// scripts/test builds it with GANDAN_SCOPE_PROBE=1 and expects one "missing argument for parameter 'scope'"
// error per construction below (issue 17: a query type cannot be built without a scope).
import FluentKit
import GanDanStorage

func organisationTree(_ db: any Database) { _ = OrganisationTree(db: db) }
func memberDirectory(_ db: any Database) { _ = MemberDirectory(db: db) }
func cellDirectory(_ db: any Database) { _ = CellDirectory(db: db) }
func cellMeetings(_ db: any Database) { _ = CellMeetings(db: db) }
func householdRegister(_ db: any Database) { _ = HouseholdRegister(db: db) }
func villageCriteria(_ db: any Database) { _ = VillageCriteria(db: db) }
func monthlyReports(_ db: any Database) { _ = MonthlyReports(db: db) }
func impactReports(_ db: any Database) { _ = ImpactReports(db: db) }
func districtDashboard(_ db: any Database) { _ = DistrictDashboard(db: db) }
func communeDashboard(_ db: any Database) { _ = CommuneDashboard(db: db) }
func memberWriter(_ db: any Database) { _ = MemberWriter(db: db) }
func feedbackBook(_ db: any Database) { _ = FeedbackBook(db: db) }
func candidateRegister(_ db: any Database) { _ = CandidateRegister(db: db) }
func ratings(_ db: any Database) { _ = Ratings(db: db) }
func leaderSupervisions(_ db: any Database) { _ = LeaderSupervisions(db: db) }
func spreadsheetImport(_ db: any Database) { _ = SpreadsheetImport(db: db) }
func placementPlans(_ db: any Database) { _ = PlacementPlans(db: db) }
func directives(_ db: any Database) { _ = Directives(db: db) }
