import Foundation
import GanDanCore
import Testing

@testable import GanDanInterchange

@Suite("The 2025 unit list (JSON Lines of scripts/units-2025): units, their predecessors, and bad lines named")
struct UnitListLinesTests {
    static let header =
        #"{"format": "gandan-units", "version": 1, "valid_from": "2025-07-01", "source": {"package": "vietnamadminunits", "version": "1.0.4", "licence": "MIT"}}"#
    static let province = #"{"code": "08", "kind": "province", "name": "Tuyên Quang"}"#
    static let naHang =
        #"{"code": "02221", "kind": "commune", "name": "Nà Hang", "parent": "08", "from": [{"code": "02284", "name": "Thanh Tương", "kind": "commune", "whole": true}, {"code": "02221", "name": "Na Hang", "kind": "township", "whole": true}]}"#

    static func parse(_ lines: [String]) throws(InputError) -> UnitListFile {
        try UnitListLines.parse(Data(lines.joined(separator: "\n").utf8))
    }

    @Test("a good file gives the province, the commune from 1-7-2025 and its old units in code order")
    func goodFile() throws {
        let list = try Self.parse([Self.header, Self.province, Self.naHang, ""])
        #expect(list.date == CivilDate.on(2025, 7, 1))
        #expect(list.source == "vietnamadminunits 1.0.4 (MIT)")
        #expect(list.units.map(\.code) == ["08", "02221"])
        #expect(list.units.last?.parentCode == "08" && list.units.last?.validity == Validity(from: list.date))
        #expect(list.successions.first?.predecessors.map(\.code) == ["02221", "02284"])
        #expect(list.lines["02221"] == 3)
        #expect(UnitListLines.isUnitList(Data(Self.header.utf8)))
        #expect(!UnitListLines.isUnitList(Data(#"{"08": {"code": "08"}}"#.utf8)))
    }

    @Test("every bad line is named with its field, in plain words")
    func badLines() {
        let lines = [
            Self.header, Self.province,
            #"{"code": "072", "kind": "district", "name": "Na Hang", "parent": "08"}"#,
            #"{"code": "02245", "kind": "commune", "name": "Côn Lôn", "parent": "08"#,
            #"{"code": "02239", "kind": "commune", "name": "Thượng Nông", "parent": "02", "from": [{"code": "02230", "name": "Thượng Giáp", "kind": "commune", "whole": true}]}"#,
            #"{"code": "02248", "kind": "commune", "name": "Yên Hoa", "parent": "08", "from": [{"code": "02230", "name": "Thượng Giáp", "kind": "commune", "whole": true}]}"#,
            #"{"code": "02260", "kind": "commune", "name": "", "parent": "08", "from": []}"#,
            #"{"code": "02263", "kind": "commune", "name": "Khâu Tinh", "parent": "08", "from": []}"#,
        ]
        let error = #expect(throws: InputError.self) { try Self.parse(lines) }
        let text = error?.description ?? ""
        #expect(text.contains("line 3, kind: \"district\" is not a province, commune, ward or special zone"))
        #expect(text.contains("line 4: is not a JSON object"))
        #expect(text.contains("line 5, parent: 02 is not a province of this file"))
        #expect(text.contains("line 6, from: old unit 02230 went whole into the unit at line 5 already"))
        #expect(text.contains("line 7, name: is missing"))
        #expect(text.contains("line 8, from: must list the old units this one was formed from"))
    }

    @Test("a file without the header naming its date and source is refused at line 1")
    func header() {
        let noSource = #"{"format": "gandan-units", "version": 1, "valid_from": "2025-07-01"}"#
        let error = #expect(throws: InputError.self) { try Self.parse([noSource, Self.province]) }
        #expect(error?.description.contains("line 1, source: must name the package") == true)
        let badDate = Self.header.replacingOccurrences(of: "2025-07-01", with: "2025-02-30")
        let dateError = #expect(throws: InputError.self) { try Self.parse([badDate, Self.province]) }
        #expect(dateError?.description.contains("line 1, valid_from: must be a date") == true)
    }
}
