extension PublicHolidays {
    /// Vietnam's public days off for public offices, 2018–2027 (rules.md R23 deadlines).
    ///
    /// Source: Labour Code 2019 Art. 112 (Labour Code 2012 Art. 115 before 2021) and the Government's yearly
    /// announcements of Tết breaks and swaps for officials and public employees, cross-checked against the open-source
    /// `holidays` library (Vietnam, v0.109). Tết and the Hùng Kings' day (10th of the 3rd lunar month) are dated per
    /// year. From 2021 National Day has one adjacent day; from 2026 24 November (Vietnamese Culture Day,
    /// Resolution 80-NQ/TW) is a day off. 2027 is provisional (not yet announced): it follows the usual pattern.
    public static let vietnam = PublicHolidays(years: [
        VietnamHolidayData.y2018, VietnamHolidayData.y2019, VietnamHolidayData.y2020, VietnamHolidayData.y2021,
        VietnamHolidayData.y2022, VietnamHolidayData.y2023, VietnamHolidayData.y2024, VietnamHolidayData.y2025,
        VietnamHolidayData.y2026, VietnamHolidayData.y2027,
    ])
}

/// The dated lists behind `PublicHolidays.vietnam`, one year each, as ISO dates.
enum VietnamHolidayData {
    /// A date written in this file; a typo here is a programming error caught by the tests.
    static func day(_ iso: String) -> CivilDate {
        guard let date = CivilDate(iso) else { preconditionFailure("not a date in the holiday data: \(iso)") }
        return date
    }

    /// One year from (kind, ISO dates) groups.
    static func year(
        _ year: Int, _ groups: [(HolidayKind, [String])], makeUp: [String] = [], provisional: Bool = false,
        source: String
    ) -> HolidayYear {
        HolidayYear(
            year: year,
            daysOff: groups.flatMap { kind, dates in dates.map { Holiday(date: day($0), kind: kind) } },
            makeUpWorkingDays: makeUp.map(day), isProvisional: provisional, source: source)
    }

    static let y2018 = year(
        2018,
        [
            (.newYear, ["2018-01-01"]),
            (
                .lunarNewYear,
                [
                    "2018-02-14", "2018-02-15", "2018-02-16", "2018-02-17", "2018-02-18", "2018-02-19",
                    "2018-02-20",
                ]
            ),
            (.hungKings, ["2018-04-25"]), (.reunification, ["2018-04-30"]), (.labourDay, ["2018-05-01"]),
            (.nationalDay, ["2018-09-02"]), (.substitute, ["2018-09-03", "2018-12-31"]),
        ],
        source: "Labour Code 2012 Art. 115; Tết 14–20/2; 3/9 in lieu of Sunday 2/9; 31/12 swapped with "
            + "Saturday 5/1/2019 (Official Dispatch 6519/VPCP-KGVX, 2018)")

    static let y2019 = year(
        2019,
        [
            (.newYear, ["2019-01-01"]),
            (.lunarNewYear, ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"]),
            (.hungKings, ["2019-04-14"]), (.reunification, ["2019-04-30"]), (.labourDay, ["2019-05-01"]),
            (.nationalDay, ["2019-09-02"]), (.substitute, ["2019-04-15", "2019-04-29"]),
        ],
        makeUp: ["2019-01-05", "2019-05-04"],
        source: "Labour Code 2012 Art. 115; Tết 2–10/2 (weekdays 4–8/2); 15/4 in lieu of Sunday 14/4; 29/4 swapped "
            + "with Saturday 4/5 (Official Dispatch 6519/VPCP-KGVX, 2018)")

    static let y2020 = year(
        2020,
        [
            (.newYear, ["2020-01-01"]),
            (
                .lunarNewYear,
                [
                    "2020-01-23", "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27", "2020-01-28",
                    "2020-01-29",
                ]
            ),
            (.hungKings, ["2020-04-02"]), (.reunification, ["2020-04-30"]), (.labourDay, ["2020-05-01"]),
            (.nationalDay, ["2020-09-02"]),
        ],
        source: "Labour Code 2012 Art. 115; Tết 23–29/1")

    static let y2021 = year(
        2021,
        [
            (.newYear, ["2021-01-01"]),
            (
                .lunarNewYear,
                [
                    "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-13", "2021-02-14", "2021-02-15",
                    "2021-02-16",
                ]
            ),
            (.hungKings, ["2021-04-21"]), (.reunification, ["2021-04-30"]), (.labourDay, ["2021-05-01"]),
            (.nationalDay, ["2021-09-02", "2021-09-03"]), (.substitute, ["2021-05-03"]),
        ],
        source: "Labour Code 2019 Art. 112; Tết 10–16/2; 3/5 in lieu of Saturday 1/5; National Day 2–3/9")

    static let y2022 = year(
        2022,
        [
            (.newYear, ["2022-01-01"]),
            (.lunarNewYear, ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"]),
            (.hungKings, ["2022-04-10"]), (.reunification, ["2022-04-30"]), (.labourDay, ["2022-05-01"]),
            (.nationalDay, ["2022-09-01", "2022-09-02"]),
            (.substitute, ["2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03"]),
        ],
        source: "Labour Code 2019 Art. 112; Tết 29/1–6/2 (weekdays 31/1–4/2); 3/1, 11/4, 2/5 and 3/5 in lieu of "
            + "holidays on weekends; National Day 1–2/9")

    static let y2023 = year(
        2023,
        [
            (.newYear, ["2023-01-01"]),
            (
                .lunarNewYear,
                [
                    "2023-01-20", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24", "2023-01-25",
                    "2023-01-26",
                ]
            ),
            (.hungKings, ["2023-04-29"]), (.reunification, ["2023-04-30"]), (.labourDay, ["2023-05-01"]),
            (.nationalDay, ["2023-09-01", "2023-09-02"]),
            (.substitute, ["2023-01-02", "2023-05-02", "2023-05-03", "2023-09-04"]),
        ],
        source: "Labour Code 2019 Art. 112; Tết 20–26/1; 29/4–3/5 with 2/5 and 3/5 in lieu of the weekend; "
            + "National Day 1–4/9 with 4/9 in lieu of Saturday 2/9")

    static let y2024 = year(
        2024,
        [
            (.newYear, ["2024-01-01"]),
            (
                .lunarNewYear,
                [
                    "2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
                    "2024-02-14",
                ]
            ),
            (.hungKings, ["2024-04-18"]), (.reunification, ["2024-04-30"]), (.labourDay, ["2024-05-01"]),
            (.nationalDay, ["2024-09-02", "2024-09-03"]), (.substitute, ["2024-04-29"]),
        ],
        makeUp: ["2024-05-04"],
        source: "Labour Code 2019 Art. 112; Tết 8–14/2; 29/4 swapped with Saturday 4/5 (Official Dispatch "
            + "2450/VPCP-KGVX, 2024); National Day 2–3/9")

    static let y2025 = year(
        2025,
        [
            (.newYear, ["2025-01-01"]),
            (.lunarNewYear, ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01"]),
            (.hungKings, ["2025-04-07"]), (.reunification, ["2025-04-30"]), (.labourDay, ["2025-05-01"]),
            (.nationalDay, ["2025-09-01", "2025-09-02"]), (.substitute, ["2025-05-02"]),
        ],
        makeUp: ["2025-04-26"],
        source: "Labour Code 2019 Art. 112; Tết 25/1–2/2 (weekdays 27–31/1; Announcement 6150/TB-BLĐTBXH, 2024); "
            + "2/5 swapped with Saturday 26/4; National Day 1–2/9")

    static let y2026 = year(
        2026,
        [
            (.newYear, ["2026-01-01"]),
            (.lunarNewYear, ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]),
            (.hungKings, ["2026-04-26"]), (.reunification, ["2026-04-30"]), (.labourDay, ["2026-05-01"]),
            (.nationalDay, ["2026-09-01", "2026-09-02"]), (.vietnameseCulture, ["2026-11-24"]),
            (.substitute, ["2026-04-27", "2026-08-31"]),
        ],
        makeUp: ["2026-08-22"],
        source: "Labour Code 2019 Art. 112; Tết 14–22/2 (weekdays 16–20/2); 27/4 in lieu of Sunday 26/4; 31/8 "
            + "swapped with Saturday 22/8; National Day 1–2/9; Vietnamese Culture Day 24/11 (Resolution 80-NQ/TW)")

    static let y2027 = year(
        2027,
        [
            (.newYear, ["2027-01-01"]),
            (
                .lunarNewYear,
                [
                    "2027-02-04", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                    "2027-02-10",
                ]
            ),
            (.hungKings, ["2027-04-16"]), (.reunification, ["2027-04-30"]), (.labourDay, ["2027-05-01"]),
            (.nationalDay, ["2027-09-02", "2027-09-03"]), (.vietnameseCulture, ["2027-11-24"]),
            (.substitute, ["2027-05-03"]),
        ],
        provisional: true,
        source: "Provisional (not yet announced): the five Tết days 5–9/2 with Saturday 6/2 moved to Thursday 4/2 and "
            + "Sunday 7/2 to Wednesday 10/2 as in 2020 and 2024; 3/5 in lieu of Saturday 1/5; National Day 2–3/9")
}
