/// A recorded decision that the mountain / ethnic-minority education exception does or does not apply to a
/// candidate, against what the village profile says: who decided, on which day and why (rules.md R21).
public struct AreaOverride: Hashable, Sendable, Codable {
    public var applies: Bool
    public var reason: String
    /// The user who recorded it.
    public var recordedBy: String
    public var recordedOn: CivilDate

    public init(applies: Bool, reason: String, recordedBy: String, recordedOn: CivilDate) {
        self.applies = applies
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedOn = recordedOn
    }
}

/// Whether a candidate is held to lower-secondary education or to the lower level accepted in mountain and
/// ethnic-minority areas, and why: the candidate's village profile, unless an override is recorded (rules.md R21).
public struct EducationException: Hashable, Sendable, Codable {
    /// The candidate's village as a page names it ("thôn Nà Coóc"); nil when the candidate is tied to no village.
    public var village: BilingualText?
    /// The village profile's flags on the consideration date; nil when there is no village profile.
    public var mountain: Bool?
    public var ethnicMinority: Bool?
    public var override: AreaOverride?

    public init(village: BilingualText?, profile: VillageProfile?, override: AreaOverride? = nil) {
        self.village = village
        self.mountain = profile?.mountain
        self.ethnicMinority = profile?.ethnicMinority
        self.override = override
    }

    /// What the village profile alone says.
    public var fromProfile: Bool { mountain == true || ethnicMinority == true }

    /// Whether the exception applies: the override when recorded, else the profile.
    public var applies: Bool { override?.applies ?? fromProfile }

    /// The profile's finding in plain words: "vùng cao, vùng đồng bào dân tộc thiểu số" / "a mountain and
    /// ethnic-minority area".
    var areaWords: BilingualText? {
        switch (mountain == true, ethnicMinority == true) {
        case (true, true):
            return BilingualText(
                vi: "vùng cao, vùng đồng bào dân tộc thiểu số", en: "a mountain and ethnic-minority area")
        case (true, false): return BilingualText(vi: "vùng cao", en: "a mountain area")
        case (false, true): return BilingualText(vi: "vùng đồng bào dân tộc thiểu số", en: "an ethnic-minority area")
        case (false, false): return nil
        }
    }

    /// What the village profile says, in a sentence.
    public var profileText: BilingualText {
        guard let village else {
            return BilingualText(
                vi: "Chưa gắn với thôn, bản nào nên không đọc được hồ sơ thôn",
                en: "Tied to no village, so there is no village profile to read")
        }
        guard mountain != nil else {
            return BilingualText(vi: "\(village.vi) chưa có hồ sơ thôn", en: "\(village.en) has no village profile")
        }
        if let words = areaWords {
            return BilingualText(
                vi: "Theo hồ sơ thôn, \(village.vi) thuộc \(words.vi)",
                en: "By its village profile, \(village.en) is \(words.en)"
            )
        }
        return BilingualText(
            vi: "Theo hồ sơ thôn, \(village.vi) không thuộc vùng cao hay vùng đồng bào dân tộc thiểu số",
            en: "By its village profile, \(village.en) is neither a mountain nor an ethnic-minority area")
    }

    /// The whole finding in plain words, with the education it requires (rules.md R21).
    public func explanation(settings: AdmissionSettings = .standard) -> BilingualText {
        let level = applies ? settings.difficultAreaEducation : settings.requiredEducation
        let decision =
            applies
            ? BilingualText(
                vi: "Áp dụng ngoại lệ vùng cao, vùng dân tộc thiểu số: yêu cầu trình độ \(level.label.vi.lowercased())",
                en: "The mountain and ethnic-minority exception applies: \(level.label.en.lowercased()) education "
                    + "required")
            : BilingualText(
                vi: "Không áp dụng ngoại lệ: yêu cầu trình độ \(level.label.vi.lowercased())",
                en: "No exception: \(level.label.en.lowercased()) education required")
        var vi = "\(decision.vi). \(profileText.vi)."
        var en = "\(decision.en). \(profileText.en)."
        if let override {
            vi +=
                " Ghi tay là \(override.applies ? "áp dụng" : "không áp dụng"), thay cho hồ sơ thôn: "
                + "\(override.recordedBy) ghi ngày \(override.recordedOn.vietnamese), lý do: \(override.reason)."
            en +=
                " Set by hand to \(override.applies ? "apply" : "not apply"), in place of the village profile, by "
                + "\(override.recordedBy) on \(override.recordedOn.iso), because: \(override.reason)."
        }
        return BilingualText(vi: vi, en: en)
    }
}
