import ArgumentParser
import Foundation
import GanDanStorage

/// `gandan audit verify`: checks the hash chain and names the first bad entry; with `--against` or `--head`, also
/// checks it against a head recorded outside the database.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail.", subcommands: [Verify.self])
}

extension AuditCommand {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Detect any edited, deleted or reordered audit entry.",
            discussion: """
                With --against (a backup's folder or its manifest.json) or --head (SEQ:HASH, as the foot of a printed \
                monthly report shows it), it also proves that no entry up to that recorded point was rewritten, even \
                by someone who recomputed every hash after it, and that the trail still reaches it.
                """)

        @OptionGroup var database: DatabaseOptions
        @ArgumentParser.Option(
            help: ArgumentHelp(
                "A backup folder or its manifest.json: check the trail against the audit chain head it recorded.",
                valueName: "manifest"))
        var against: String?
        @ArgumentParser.Option(
            help: ArgumentHelp(
                "The audit chain head printed at the foot of a monthly report: its entry number and its hash.",
                valueName: "seq:hash"))
        var head: String?

        /// A head recorded outside the database, and how to name where it came from.
        struct Recorded {
            var head: AuditChainHead
            var source: String
        }

        func validate() throws {
            if against != nil, head != nil {
                throw CommandValues.refusal(
                    vi: "chỉ ghi --against hoặc --head, không ghi cả hai", en: "give --against or --head, not both")
            }
            _ = try recorded()
        }

        /// The head to check the trail against, or nil to check the chain alone.
        func recorded() throws -> Recorded? {
            if let head {
                guard let parsed = AuditChainHead(head) else {
                    throw CommandValues.refusal(
                        vi:
                            "--head \"\(head)\" không phải SỐ:MÃ BĂM (số thứ tự bản ghi, dấu hai chấm và mã băm 64 ký tự, "
                            + "như in trên báo cáo)",
                        en:
                            "--head \"\(head)\" is not SEQ:HASH (an entry number, a colon and the 64-character hash, as "
                            + "a printed report shows them)")
                }
                return Recorded(head: parsed, source: "given with --head")
            }
            guard let against else { return nil }
            let manifest: BackupManifest
            do {
                manifest = try BackupManifest.read(against)
            } catch let error as StorageError {
                throw CommandValues.refusal(
                    vi: "--against: không đọc được tệp kê khai của bản sao lưu", en: "--against: \(error.description)")
            }
            guard let head = manifest.auditHead else {
                throw CommandValues.refusal(
                    vi:
                        "--against: \(against) không ghi đầu chuỗi nhật ký (bản sao lưu do phiên bản GanDan cũ hơn tạo); "
                        + "hãy đối chiếu với đầu chuỗi in trên báo cáo tháng bằng --head SỐ:MÃ BĂM",
                    en: "--against: \(against) records no audit chain head (the backup was made by an older GanDan); "
                        + "check against a head printed on a monthly report with --head SEQ:HASH")
            }
            return Recorded(head: head, source: "recorded in \(against)")
        }

        func run() async throws {
            guard let recorded = try recorded() else {
                let result = try await database.withStorage { db in
                    try await AuditTrail(db: db, scope: .commandLineOperator).verify()
                }
                switch result {
                case .intact(let entries):
                    print("The audit trail is intact: \(Self.entries(entries)).")
                case .broken(let seq, let reason):
                    throw AppRunner.failure("the audit trail is broken at entry \(seq): \(reason)")
                }
                return
            }
            let head = recorded.head
            let result = try await database.withStorage { db in
                try await AuditTrail(db: db, scope: .commandLineOperator).verify(against: head)
            }
            print(try Self.outcome(result, recorded))
        }

        /// The sentence for a trail that holds against the recorded head; the failure for one that does not.
        static func outcome(_ result: AuditTrail.HeadCheck, _ recorded: Recorded) throws -> String {
            switch result {
            case .holds(let entries) where recorded.head.seq == 0:
                return
                    "The audit trail is intact: \(Self.entries(entries)). The head \(recorded.source) is of an empty "
                    + "trail, so there is no earlier entry to compare."
            case .holds(let entries):
                return
                    "The audit trail is intact: \(Self.entries(entries)), and entry \(recorded.head.seq) still has the "
                    + "hash \(recorded.source): no entry up to it was rewritten."
            case .rewritten(let seq, let expected, let found):
                throw AppRunner.failure(
                    "entry \(seq) no longer has the hash \(recorded.source) (\(expected), now \(found)): the audit "
                        + "trail up to it was rewritten and its hashes recomputed, or the head is of another database")
            case .truncated(let entries, let expected):
                throw AppRunner.failure(
                    "the audit trail holds \(Self.entries(entries)), fewer than the \(expected) \(recorded.source): "
                        + "entries were deleted from its end")
            case .broken(let seq, let reason):
                throw AppRunner.failure("the audit trail is broken at entry \(seq): \(reason)")
            }
        }

        /// "1 entry", "149 entries".
        static func entries(_ count: Int) -> String {
            count == 1 ? "1 entry" : "\(count) entries"
        }
    }
}
