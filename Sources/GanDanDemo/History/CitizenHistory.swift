import GanDanCore

/// Feedback, supervision, candidates and ratings for the demo district, consistent with its meeting history:
/// where a placed leader made a difference (a strong effect), answers come sooner and ratings rise (rules.md A9).
struct CitizenHistory: Sendable {
    var feedback: [HistoryFeedback] = []
    var supervisions: [HistorySupervision] = []
    var candidates: [HistoryCandidate] = []
    var ratings: [HistoryRating] = []
    /// The cells' own levels for the year after the placement, from their members' scores.
    var cellRatings: [(cellID: String, rating: CellRating)] = []

    static let defaultSeed: UInt64 = 0x4369_7469_7A65_6E73

    /// Generates from the cells and the meeting history generated for them (same cells, same placement date).
    static func generate(
        cells: [HistoryCell], meetings: MeetingHistory, placementDate: CivilDate, seed: UInt64 = defaultSeed
    ) -> CitizenHistory {
        let effects = Dictionary(
            meetings.effects.map { ($0.cellID, $0.effect) }, uniquingKeysWith: { first, _ in first })
        var meetingDates: [String: [CivilDate]] = [:]
        for meeting in meetings.meetings { meetingDates[meeting.cellID, default: []].append(meeting.minutes.date) }
        var generator = CitizenHistoryGenerator(
            random: SeededRandom(seed: seed), placementDate: placementDate,
            start: meetings.monthsBefore.first?.firstDay ?? placementDate.adding(months: -12),
            end: meetings.monthsAfter.last?.adding(months: 1).firstDay ?? placementDate.adding(months: 12))
        for cell in cells {
            generator.add(cell, effect: effects[cell.id] ?? 0, meetingDates: (meetingDates[cell.id] ?? []).sorted())
        }
        return generator.history
    }

    /// One cell's ratings of a year with "excellent" kept within 20 % of "good" (rules.md R18): the lowest-scored
    /// excellent members are scored 89, good, until the quota holds.
    static func keepingExcellentQuota(_ ratings: [HistoryRating]) -> [HistoryRating] {
        var ratings = ratings
        func count(_ level: RatingLevel) -> Int { ratings.filter { RatingLevel.forScore($0.score) == level }.count }
        var excellent = count(.excellent)
        var good = count(.good)
        let lowestFirst = ratings.indices.filter { RatingLevel.forScore(ratings[$0].score) == .excellent }.sorted {
            (ratings[$0].score, $0) < (ratings[$1].score, $1)
        }
        for index in lowestFirst where RatingRules.quotaWarning(excellent: excellent, good: good) != nil {
            ratings[index].score = 89
            excellent -= 1
            good += 1
        }
        return ratings
    }

    /// The cells' own levels with "excellent" kept within 20 % of "good" among the cells of each grassroots committee
    /// (rules.md R18): excellent cells beyond the quota, last first, are rated good. `committeeOf` maps a cell's id to
    /// its committee's.
    mutating func keepCellQuota(committeeOf: [String: String]) {
        var byGroup: [String: [Int]] = [:]
        for (index, item) in cellRatings.enumerated() {
            byGroup["\(committeeOf[item.cellID] ?? item.cellID)|\(item.rating.year)", default: []].append(index)
        }
        for indices in byGroup.values {
            var excellent = indices.filter { cellRatings[$0].rating.level == .excellent }.count
            var good = indices.filter { cellRatings[$0].rating.level == .good }.count
            for index in indices.reversed()
            where cellRatings[index].rating.level == .excellent
                && RatingRules.quotaWarning(excellent: excellent, good: good) != nil
            {
                cellRatings[index].rating.level = .good
                excellent -= 1
                good += 1
            }
        }
    }

    static let topics: [(FeedbackTopic, Int)] = [
        (.infrastructure, 30), (.socialPolicy, 20), (.production, 20), (.environment, 12), (.land, 8),
        (.healthEducation, 6), (.security, 4),
    ]

    static let summaries: [FeedbackTopic: [String]] = [
        .infrastructure: [
            "Đường vào bản bị sạt lở sau mưa lớn", "Đề nghị làm cầu tràn qua suối",
            "Đường điện vào khu sản xuất chưa có",
        ],
        .socialPolicy: ["Hộ nghèo chưa được nhận hỗ trợ gạo", "Đề nghị xem xét lại danh sách hộ cận nghèo"],
        .production: ["Cần giống lê và hướng dẫn kỹ thuật", "Đề nghị hỗ trợ vốn vay chăn nuôi", "Giá bán chè thấp"],
        .environment: ["Rác thải đổ ven suối", "Chuồng trại sát nhà ở gây ô nhiễm"],
        .land: ["Tranh chấp ranh giới đất rừng", "Chậm cấp giấy chứng nhận quyền sử dụng đất"],
        .healthEducation: ["Trạm y tế thiếu thuốc", "Điểm trường lẻ xuống cấp"],
        .security: ["Trâu thả rông phá hoa màu"],
    ]

    static let bodies: [(ResponsibleBody, Int)] = [
        (.communePeoplesCommittee, 60), (.farmersUnion, 12), (.womensUnion, 8), (.youthUnion, 5), (.villageHead, 10),
        (.fatherlandFront, 5),
    ]

    static let answers = [
        "Xã đã bố trí kinh phí, thi công trong tháng", "Đã chuyển huyện xem xét, có kế hoạch năm sau",
        "Hội đã hỗ trợ giống và tập huấn kỹ thuật", "Đã rà soát, bổ sung vào danh sách hỗ trợ",
        "Đã hòa giải thành, hai bên thống nhất ranh giới",
    ]

    static let goodComments = [
        "Gương mẫu, thường xuyên xuống bản, nắm chắc tình hình hộ nghèo", "Đưa nhiều nội dung cụ thể vào sinh hoạt",
        "Sâu sát nhân dân, giải quyết kịp thời kiến nghị",
    ]

    static let plainComments = [
        "Tham gia sinh hoạt đầy đủ; cần dành nhiều thời gian hơn cho bản",
        "Hoàn thành nhiệm vụ được giao; cần chủ động đề xuất nội dung",
    ]

    static let reports = [
        "Tiếp thu ý kiến của chi bộ, sẽ xuống bản thường xuyên hơn", "Xin tiếp thu, đã có kế hoạch cụ thể cho năm mới",
    ]
}

/// Draws a cell's feedback, supervision, ratings and candidate in turn, from one random stream.
struct CitizenHistoryGenerator {
    var random: SeededRandom
    let placementDate: CivilDate
    /// The first day of the history's window, and the day after its last.
    let start: CivilDate
    let end: CivilDate
    let calendar = WorkingCalendar.vietnam
    var history = CitizenHistory()
    var usedNames: Set<String> = []

    init(random: SeededRandom, placementDate: CivilDate, start: CivilDate, end: CivilDate) {
        self.random = random
        self.placementDate = placementDate
        self.start = start
        self.end = end
    }

    /// One cell's citizens' history; `effect` is the placement's effect on it, `meetingDates` its meetings in order.
    mutating func add(_ cell: HistoryCell, effect: Double, meetingDates: [CivilDate]) {
        let leaders = cell.members.filter { $0.isKeyLeader && $0.validity.from >= placementDate }
        addFeedback(cell, effect: effect, leaders: leaders, meetingDates: meetingDates)
        addSupervisions(cell, effect: effect, leaders: leaders)
        addRatings(cell, effect: effect)
        addCandidate(cell)
    }

    /// Feedback: a few items a year before; more after, when a leader listens in the village.
    mutating func addFeedback(_ cell: HistoryCell, effect: Double, leaders: [HistoryMember], meetingDates: [CivilDate])
    {
        let secretary = cell.members.first { $0.isSecretary }
        func nextMeeting(after day: CivilDate) -> CivilDate? { meetingDates.first { $0 > day } }
        let count = random.int(0...2) + (leaders.isEmpty ? random.int(0...1) : random.int(2...4))
        for _ in 0..<count {
            let afterPlacement = !leaders.isEmpty && random.chance(0.75)
            let received = random.date(
                from: afterPlacement ? placementDate.adding(days: 7) : start,
                through: afterPlacement ? end.adding(days: -20) : placementDate.adding(days: -7))
            let topic = random.weighted(CitizenHistory.topics)
            var item = CitizenFeedback(
                receivedOn: received,
                receivedBy: afterPlacement
                    ? (leaders.first?.id ?? "") : (secretary?.id ?? cell.members.first?.id ?? ""),
                topic: topic, summary: random.pick(CitizenHistory.summaries[topic] ?? ["Ý kiến của bà con"]))
            let speed = afterPlacement ? effect : 0
            if random.chance(0.9) {
                item.forwardedOn = calendar.adding(workingDays: random.int(1...(speed > 0.5 ? 3 : 7)), to: received)
                item.forwardedTo = random.weighted(CitizenHistory.bodies)
            }
            if let forwarded = item.forwardedOn, random.chance(0.55 + 0.4 * max(0, speed)) {
                let days = speed > 0.5 ? random.int(3...12) : random.int(8...30)
                let answered = calendar.adding(workingDays: days, to: forwarded)
                if answered < end {
                    item.answeredOn = answered
                    item.answer = random.pick(CitizenHistory.answers)
                    if let told = nextMeeting(after: answered), told < end { item.reportedBackOn = told }
                }
            }
            history.feedback.append(HistoryFeedback(cellID: cell.id, feedback: item))
        }
    }

    /// Supervision: each placed leader, commented on at the year's end, with a report back in January.
    mutating func addSupervisions(_ cell: HistoryCell, effect: Double, leaders: [HistoryMember]) {
        for leader in leaders {
            let year = placementDate.year
            guard let commented = CivilDate(year: year, month: 12, day: 20) else { continue }
            var supervision = LeaderSupervision(
                leaderID: leader.id, period: .year(year), commentedOn: commented,
                comment: effect > 0.4
                    ? random.pick(CitizenHistory.goodComments) : random.pick(CitizenHistory.plainComments))
            if let reported = CivilDate(year: year + 1, month: 1, day: random.int(6...20)), reported < end {
                supervision.reportBack = LeaderReportBack(
                    reportedOn: reported, text: random.pick(CitizenHistory.reports))
            }
            history.supervisions.append(
                HistorySupervision(cellID: cell.id, leaderID: leader.id, supervision: supervision))
        }
    }

    /// Ratings for each calendar year the window ends in: better after a strong effect.
    mutating func addRatings(_ cell: HistoryCell, effect: Double) {
        let base = Double(random.int(62...82))
        for year in Set([start.year, placementDate.year]).sorted() {
            guard let day = CivilDate(year: year, month: 12, day: 31) else { continue }
            let lift = year > placementDate.year - 1 && year >= placementDate.year ? effect * 12 : 0
            var rated: [HistoryRating] = []
            for member in cell.members where member.validity.contains(day) {
                guard RatingRules.eligibility(record: member.party, on: day).isRated else { continue }
                let score = min(100, max(30, base + lift + Double(random.int(-14...14))))
                rated.append(HistoryRating(cellID: cell.id, memberID: member.id, year: year, score: score))
            }
            history.ratings += CitizenHistory.keepingExcellentQuota(rated)
        }
        let after = history.ratings.filter { $0.cellID == cell.id && $0.year == placementDate.year }
        if !after.isEmpty {
            let levels = after.map { RatingLevel.forScore($0.score) }
            let mean = after.reduce(0) { $0 + $1.score } / Double(after.count)
            let rating = WeakCellTest(levels: levels).flagging(
                CellRating(year: placementDate.year, level: RatingLevel.forScore(mean)))
            history.cellRatings.append((cell.id, rating))
        }
    }

    /// Party development: about one cell in three has a candidate, at some step of the way.
    mutating func addCandidate(_ cell: HistoryCell) {
        let full = cell.members.filter { $0.party.standing(on: placementDate)?.countsAsFull == true }
        if full.count >= 2 && random.chance(0.35) {
            let sex: Sex = random.chance(0.5) ? .female : .male
            var name = ""
            repeat {
                let family = random.pick(NaHangNames.familyNames(of: "Tày"))
                let middle = random.weighted(
                    sex == .male ? NaHangNames.maleMiddleNames : NaHangNames.femaleMiddleNames)
                let given = random.pick(sex == .male ? NaHangNames.maleGivenNames : NaHangNames.femaleGivenNames)
                name = "\(family) \(middle) \(given)"
            } while !usedNames.insert(name).inserted
            let listed = random.date(from: placementDate, through: placementDate.adding(months: 3))
            let born = random.date(
                from: CivilDate.on(1990, 1, 1), through: CivilDate.on(2000, 6, 30))
            let introducers = full.prefix(2).map {
                Introducer(
                    memberID: $0.id, party: $0.party,
                    workedWithCandidateSince: listed.adding(months: -random.int(14...60)))
            }
            var pipeline = CandidatePipeline(listedOn: listed)
            let stage = random.int(0...4)
            if stage >= 1 {
                pipeline.awarenessCertificateOn = listed.adding(days: random.int(20...50))
                pipeline.mentorAssignedOn = listed.adding(days: 10)
            }
            if stage >= 2 {
                pipeline.backgroundCheckedOn = listed.adding(days: random.int(60...90))
                pipeline.cellResolutionOn = listed.adding(days: random.int(95...110))
            }
            if stage >= 3 {
                // The decision lands in the last months of the window, so its ceremony deadline is ahead.
                pipeline.decisionOn = end.adding(days: -random.int(20...45))
            }
            if stage >= 4, let decision = pipeline.decisionOn {
                pipeline.ceremonyOn = calendar.adding(workingDays: random.int(5...15), to: decision)
                pipeline.probationMentorAssignedOn = pipeline.ceremonyOn
            }
            history.candidates.append(
                HistoryCandidate(
                    cellID: cell.id, fullName: name,
                    candidate: AdmissionCandidate(
                        birthDate: born, education: random.pick(["9/12", "12/12", "12/12", "Trung cấp"]),
                        inDifficultArea: cell.profile.map { $0.mountain || $0.ethnicMinority } ?? false,
                        introducedOn: listed.adding(days: 5),
                        introducers: Array(introducers)),
                    mentorID: full.first?.id, pipeline: pipeline))
        }
    }
}
