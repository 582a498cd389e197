import FluentKit
import Foundation
import Testing

@testable import GanDanStorage

/// Every stored record names its fields by hand (`properties`), so that Fluent skips reflection on each row read; a
/// field added to a record and not to its list would silently never be read or written.
@Suite("Each record's listed fields are exactly the fields it declares")
struct ModelPropertiesTests {
    static let models: [any Fields.Type] = [
        APITokenRecord.self,
        AttendanceRecordRow.self,
        AuditEntryRecord.self,
        CandidateRecord.self,
        CellCongressRecord.self,
        CellRatingRecord.self,
        CommitteeAssignmentRecord.self,
        DirectiveRecord.self,
        DissolutionRecord.self,
        DuesHandoverRecord.self,
        DuesPaymentRecord.self,
        FeedbackRecord.self,
        FormSubmissionRecord.self,
        HouseholdRecord.self,
        HouseholdStatusRecord.self,
        ImportUploadRecord.self,
        LoginFailureRecord.self,
        MeetingNotificationRecord.self,
        MeetingRecord.self,
        MemberRatingRecord.self,
        MemberRecord.self,
        MemberTaskRecord.self,
        MemberTransferRecord.self,
        MembershipRecord.self,
        MinutesDraftRecord.self,
        MinutesVersionRecord.self,
        OrganisationPlacementRecord.self,
        OrganisationRecord.self,
        OrganisationSuccessionRecord.self,
        PasswordResetCodeRecord.self,
        PlacementPlanRecord.self,
        PostRecord.self,
        ReminderDigestRecord.self,
        RoleRecord.self,
        SessionRecord.self,
        SupervisionRecord.self,
        TaskAssigneeRecord.self,
        TaskHouseholdRecord.self,
        ThematicTopicRecord.self,
        UnitRecord.self,
        UnitSuccessionRecord.self,
        UserRecord.self,
        VillageCriterionRecord.self,
    ]

    /// The database keys of the fields found by reflection, in declaration order: what Fluent would find itself.
    static func declared(_ record: any Fields) -> [[FieldKey]] {
        Mirror(reflecting: record).children.compactMap { ($0.value as? any AnyDatabaseProperty)?.keys }
    }

    static func listed(_ record: any Fields) -> [[FieldKey]] {
        record.properties.compactMap { ($0 as? any AnyDatabaseProperty)?.keys }
    }

    @Test("a record lists every field it declares, each once, in order", arguments: 0..<models.count)
    func listsEveryField(index: Int) {
        let record = Self.models[index].init()
        let declared = Self.declared(record)
        #expect(!declared.isEmpty)
        #expect(Self.listed(record) == declared, "\(Self.models[index])")
        #expect(Set(declared.flatMap { $0 }).count == declared.count)
    }

    @Test("every record declared in GanDanStorage's sources is in the list above")
    func everyRecordIsChecked() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/GanDanStorage")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var declared: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix("final class ") && line.contains(": Model") {
                declared.insert(String(line.dropFirst("final class ".count).prefix { $0 != ":" }))
            }
        }
        #expect(declared.count > 40)
        #expect(declared == Set(Self.models.map { String(describing: $0) }))
    }
}
