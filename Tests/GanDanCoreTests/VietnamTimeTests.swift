import Foundation
import Testing

@testable import GanDanCore

@Suite("Vietnam time")
struct VietnamTimeTests {
    /// 22:17:09 UTC on 4 December 2026: already 05:17 on the 5th in Vietnam.
    static let lateEvening = Date(timeIntervalSince1970: 1_796_422_629)

    @Test("a save late on a UTC evening is shown on the next Vietnamese day")
    func nextDay() {
        #expect(VietnamTime.text(Self.lateEvening) == "05/12/2026 05:17")
        #expect(VietnamTime.text(iso: "2026-12-04T22:17:09Z") == "05/12/2026 05:17")
        #expect(VietnamTime.text(iso: "2026-12-04T22:17:09.250Z") == "05/12/2026 05:17")
        #expect(CivilDate.today(now: Self.lateEvening) == CivilDate(year: 2026, month: 12, day: 5))
    }

    @Test("a clock reading comes before the day, with seconds when asked")
    func clock() {
        #expect(VietnamTime.clock(Self.lateEvening) == "05:17 05/12/2026")
        #expect(VietnamTime.clock(Self.lateEvening, seconds: true) == "05:17:09 05/12/2026")
        #expect(VietnamTime.clock(Date(timeIntervalSince1970: 17 * 3600)) == "00:00 02/01/1970")
    }

    @Test("text that is not a timestamp is shown as it is")
    func notATimestamp() {
        #expect(VietnamTime.text(iso: "hôm qua") == "hôm qua")
    }
}
