import Foundation
import GanDanCore
import GanDanInterchange
import Testing

@Suite("Import column mapping, household rows and duplicate keys")
struct ImportMappingTests {
    @Test("headers in Vietnamese, without accents or in English are matched to the member fields")
    func guessesMemberHeaders() {
        let header = ["STT", "Họ và tên", "NGAY SINH", "Giới tính", "Số CCCD", "Ngày vào Đảng", "Mã chi bộ", "Ghi chú"]
        let mapping = ColumnMapping.guess(header: header, kind: .members)
        #expect(mapping.columns["full_name"] == 1)
        #expect(mapping.columns["birth_date"] == 2)
        #expect(mapping.columns["sex"] == 3)
        #expect(mapping.columns["citizen_id"] == 4)
        #expect(mapping.columns["admitted_on"] == 5)
        #expect(mapping.columns["cell_code"] == 6)
        #expect(mapping.columns.count == 6)
        #expect(mapping.issues(kind: .members, header: header).isEmpty)

        let english = ColumnMapping.guess(header: ["Full name", "Date of birth", "Sex", "Cell code"], kind: .members)
        #expect(english.columns == ["full_name": 0, "birth_date": 1, "sex": 2, "cell_code": 3])
        let plain = ColumnMapping.guess(header: ["Ho ten", "full_name"], kind: .members)
        #expect(plain.columns == ["full_name": 0])
    }

    @Test("title rows above the header, as office files have them, are passed over; a plain file keeps row 1")
    func titleRowsAboveHeader() throws {
        let office = """
            ĐẢNG BỘ XÃ THƯỢNG NÔNG,,,,ĐẢNG CỘNG SẢN VIỆT NAM
            "DANH SÁCH THÔN, TỔ DÂN PHỐ XÃ THƯỢNG NÔNG",,,,
            ,,,,
            STT,Mã xã,Mã thôn,Tên thôn,Từ ngày
            1,02215,01,Nà Mỏ,01/01/2010
            2,02215,02,Bản Lằn,
            """
        let table = try TableReader.csv(Data(office.utf8))
        #expect(table.header == ["STT", "Mã xã", "Mã thôn", "Tên thôn", "Từ ngày"])
        #expect(table.headerLine == 4)
        #expect(table.rows.map(\.line) == [5, 6])
        let mapping = ColumnMapping.guess(header: table.header, kind: .villages)
        #expect(mapping.columns == ["commune_code": 1, "local_code": 2, "name": 3, "valid_from": 4])

        // A plain file, and one whose data rows fill fewer cells than its header, keep their first row as header.
        let plain = try TableReader.csv(Data("Họ và tên,Ngày sinh,Ghi chú\nNông Văn Dũng,,\n".utf8))
        #expect(plain.headerLine == 1)
        #expect(plain.header == ["Họ và tên", "Ngày sinh", "Ghi chú"])
        #expect(plain.rows.count == 1)
    }

    @Test("a numbered row under the header and the signatures under the table are not data rows")
    func officeLayout() throws {
        let office = """
            DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN NÀ MỎ,,,
            STT,Họ và tên,Ngày sinh,Mã chi bộ
            (1),(2),(3),(4)
            1,Nông Văn Dũng,05/05/1975,0221501
            2,Ma Thị Hoa,12/10/1980,0221501
            ,,,
            3,Hoàng Văn Sáng,01/02/1990,0221501
            ,,,
            ,,"Thượng Nông, ngày 05 tháng 12 năm 2026",
            Người lập biểu,,T/M CHI ỦY,
            ,,BÍ THƯ,
            "(Ký, ghi rõ họ tên)",,,
            Lý Thị Mai,,Nông Văn Dũng,
            """
        let table = try TableReader.csv(Data(office.utf8))
        #expect(table.headerLine == 2)
        // The blank line inside the data keeps the row after it: it holds a date and a code, as data rows do.
        #expect(table.rows.map(\.line) == [4, 5, 7])
        #expect(table.rows.map { $0.cell(1) } == ["Nông Văn Dũng", "Ma Thị Hoa", "Hoàng Văn Sáng"])

        // Rows after a blank line that hold data, or that read as no signature, stay and are checked as rows.
        let late = try TableReader.csv(Data("Họ và tên,Ngày sinh,Mã\nA,01/01/1980,01\n,,\nB,02/02/1981,01\n".utf8))
        #expect(late.rows.map(\.line) == [2, 4])
        let note = try TableReader.csv(Data("Họ và tên,Ngày sinh,Mã\nA,01/01/1980,01\n,,\nNông Văn Dũng,,\n".utf8))
        #expect(note.rows.map(\.line) == [2, 4])
        // A first row of small numbers that do not count 1, 2, 3 … is data.
        let numbers = try TableReader.csv(Data("Mã thôn,Hộ,Hộ nghèo\n1,2,4\n".utf8))
        #expect(numbers.rows.count == 1)
    }

    @Test("the export's own header maps every column to its field")
    func exportHeader() {
        let mapping = ColumnMapping.guess(header: MemberCSVFormat.columns, kind: .members)
        #expect(mapping.columns.count == MemberCSVFormat.columns.count)
        for (index, key) in MemberCSVFormat.columns.enumerated() { #expect(mapping.columns[key] == index) }
    }

    @Test("missing required fields and a column used twice are named")
    func requiredFields() {
        let header = ["Họ tên", "Ngày sinh"]
        let mapping = ColumnMapping(columns: ["full_name": 0, "birth_date": 0])
        let issues = mapping.issues(kind: .members, header: header)
        #expect(Set(issues.compactMap(\.field)) == ["sex", "admitted_on", "cell_code", "full_name"])
        #expect(issues.allSatisfy { $0.line == 1 })
        #expect(issues.contains { $0.message.contains("is already used for another field") })
    }

    @Test("a mapping file names columns by header; unknown fields and headers are refused")
    func namedMapping() throws {
        let header = ["Tên chủ hộ", "Thôn", "Năm"]
        let mapping = try ColumnMapping.named(
            ["head_name": "Tên chủ hộ", "village_code": "THON", "year": "Năm"], header: header, kind: .households)
        #expect(mapping.columns == ["head_name": 0, "village_code": 1, "year": 2])
        let error = #expect(throws: InputError.self) {
            try ColumnMapping.named(["owner": "Tên chủ hộ", "year": "Năm sinh"], header: header, kind: .households)
        }
        #expect(error?.issues.count == 2)
        #expect(error?.description.contains("No column is headed \"Năm sinh\"") == true)
    }

    @Test("household rows: statuses in either language, every bad field reported with the line (rules.md R25, R27)")
    func householdRows() {
        #expect(HouseholdImportFormat.status(from: "Hộ cận nghèo") == .nearPoor)
        #expect(HouseholdImportFormat.status(from: "CAN NGHEO") == .nearPoor)
        #expect(HouseholdImportFormat.status(from: "nghèo") == .poor)
        #expect(HouseholdImportFormat.status(from: "Escaped poverty") == .escaped)
        #expect(HouseholdImportFormat.status(from: "giàu") == nil)
        let good = HouseholdImportFormat.parse(
            row: [
                "village_code": "00001.01", "head_name": " Ma  Văn Pảo ", "size": "5", "year": "2024", "status": "poor",
            ],
            line: 4)
        #expect(
            (try? good.get())
                == HouseholdImportRow(
                    villageCode: "00001.01", headName: "Ma Văn Pảo", size: 5, year: 2024, status: .poor))
        let bad = HouseholdImportFormat.parse(
            row: ["village_code": "Nà Coóc", "head_name": "", "size": "90", "year": "2010", "status": "giàu"], line: 7)
        guard case .failure(let error) = bad else {
            Issue.record("a bad row was accepted")
            return
        }
        #expect(error.issues.map(\.field) == ["village_code", "head_name", "size", "year", "status"])
        #expect(error.issues.allSatisfy { $0.line == 7 })
    }

    @Test("possible duplicates: folded name and birth date, in the file and against the database")
    func duplicates() {
        let born = CivilDate("1980-02-03")!
        func member(_ name: String, _ id: String? = nil) -> MemberDraft {
            MemberDraft(
                fullName: name, birthDate: born, sex: .male, ethnicity: "Kinh", citizenID: id,
                party: PartyRecord(
                    admittedOn: CivilDate("2005-01-01")!, officialOn: CivilDate("2006-01-01")!, status: .full),
                cellCode: "CQ-00001",
                joinedCellOn: CivilDate("2005-01-01")!)
        }
        #expect(
            DuplicateCheck.personKey(name: "Nguyễn Văn An", birthDate: born)
                == DuplicateCheck.personKey(name: "NGUYEN  VAN AN", birthDate: born))
        let members = [
            member("Nguyễn Văn An"), member("NGUYEN VAN AN"), member("Đỗ Thị Bình", "001180000001"),
            member("Do Thi Binh", "001180000002"), member("Lò Văn Cả"),
        ]
        let stored = [
            DuplicateCheck.StoredPerson(
                key: DuplicateCheck.personKey(name: "Lo Van Ca", birthDate: born), citizenID: nil)
        ]
        let issues = DuplicateCheck.members(members, lines: [2, 3, 4, 5, 6], stored: stored)
        #expect(issues.map(\.line) == [3, 6])
        #expect(issues[0].message.contains("line 2"))
        #expect(issues[1].message.contains("already registered"))
    }
}
