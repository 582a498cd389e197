/// Whether a status change may be recorded on a member's record (rules.md R28, R26): after admission, not in the
/// future, not before the status already recorded, never after the member left or died, exemption only for a full
/// member. Each refusal is a bilingual sentence naming the field.
public struct StatusChangeCheck: Sendable {
    public var party: PartyRecord
    public var kind: StatusChangeKind
    public var since: CivilDate
    public var today: CivilDate

    public init(party: PartyRecord, kind: StatusChangeKind, since: CivilDate, today: CivilDate) {
        self.party = party
        self.kind = kind
        self.since = since
        self.today = today
    }

    public func check() throws(InputError) {
        if since > today {
            throw .invalid(
                field: "since", vi: "Ngày \(since.vietnamese) chưa đến; chỉ ghi việc đã xảy ra.",
                en: "\(since.vietnamese) has not come yet; record only what has happened.")
        }
        if since < party.admittedOn {
            throw .invalid(
                field: "since", vi: "Ngày \(since.vietnamese) trước ngày vào Đảng (\(party.admittedOn.vietnamese)).",
                en: "\(since.vietnamese) is before the member was admitted (\(party.admittedOn.vietnamese)).")
        }
        if party.status == .left || party.status == .deceased {
            let label = party.status.label
            throw .invalid(
                field: "status", vi: "Đảng viên này đã được ghi là “\(label.vi)”; không ghi thêm thay đổi.",
                en: "This member is already recorded as “\(label.en)”; no further change can be recorded.")
        }
        if party.status != .full && party.status != .probationary, let recorded = party.statusSince, since < recorded {
            throw .invalid(
                field: "since",
                vi: "Ngày \(since.vietnamese) trước ngày của tình trạng đang ghi (\(recorded.vietnamese)).",
                en: "\(since.vietnamese) is before the date of the status already recorded (\(recorded.vietnamese)).")
        }
        if kind == .exempt, party.officialOn.map({ $0 > since }) ?? true {
            throw .invalid(
                field: "status", vi: "Chỉ đảng viên chính thức mới được miễn sinh hoạt.",
                en: "Only a full member can be exempt from activities.")
        }
    }
}
