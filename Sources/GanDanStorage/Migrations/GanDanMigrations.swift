import FluentKit

/// Every migration, in order; the server, the CLI and the tests all run this list.
public enum GanDanMigrations {
    public static var all: [any Migration] {
        [
            CreateOrganisationSchema(), CreateAccessSchema(), CreatePlacementSchema(), CreateCellLifeSchema(),
            CreateCitizenSchema(), CreateDashboardIndexes(), CreateImportSchema(), CreateSessionTable(),
            CreateSignInSecurity(),
            AddPlacementPlanDates(),
            AddAuditUnitSets(),
            KeepParsedImportTables(),
            AddMeetingBodies(),
            AddCommitteeAssignments(),
            AddFormSubmissions(),
            AddPasswordResetCodes(),
            AddUnitSuccessions(),
            AddPostSource(),
            AddReminderDigests(),
            AddPartyDues(),
            AddOrganisationPlacements(),
            AddMemberTransfers(),
            AddOrganisationPlacementNames(),
            AddCellCongresses(),
            AddMinutesDrafts(),
            AddDissolutionHandover(),
            AddMemberSearchIndexes(),
            AddMemberNameOrderIndex(),
            AddFeedbackAnsweredOn(),
            AddMeetingDateIndex(),
        ]
    }
}
