import Foundation
import Ingest
import SurveyModel
import XCTest

/// A file whose items use agree7, a recoded user scale (answers stored as 10–13
/// for 1–4), a 1–6 scale and `0-10` labels, read through the whole reader with a
/// pipeline.json `instrument.scales`: accepted codes are value − min + 1, an
/// answer off its scale rejects the row as `invalid_value` naming the item.
final class ScaleIngestTests: XCTestCase {
    private let json = #"""
        {"areas": [{"name": "Ops"}], "scoring": {"weights": {"life": 1}},
         "instrument": {
           "scales": [{"name": "rec4", "min": 1, "max": 4, "values": {"10": 1, "11": 2, "12": 3, "13": 4}},
                      {"name": "acc6", "min": 1, "max": 6, "labels": {"very inaccurate": 1, "very accurate": 6},
                       "missing": ["99"]}],
           "employee": {"id_column": "id", "recommend_item": "rec",
                        "items": [{"key": "a7", "scale": "agree7"}, {"key": "r4", "scale": "rec4"},
                                  {"key": "s6", "scale": "acc6"}, {"key": "rec", "scale": "0-10"}]},
           "customer": {"id_column": "cid", "recommend_item": "nps",
                        "items": [{"key": "c1"}, {"key": "nps", "scale": "0-10"}]},
           "constructs": [{"name": "life", "survey": "employee", "items": ["a7", "r4", "s6"]}]}}
        """#

    func testAnswersOnEachScaleAreStoredAsCodes() throws {
        let config = try ConfigLoader.parse(Data(json.utf8))
        let folder = try ScratchFolder()
        let csv = """
            id,submitted_at,area,a7,r4,s6,rec
            e1,2026-08-15,Ops,Somewhat agree,10,Very accurate,10 - Extremely likely
            e2,2026-08-15,Ops,7,13,99,0 - Not at all likely
            e3,2026-08-15,Ops,Neither agree nor disagree,2,6,5
            e4,2026-08-15,Ops,8,11,1,5
            e5,2026-08-15,Ops,agree,14,1,5
            e6,2026-08-15,Ops,agree,12,7,5

            """
        let path = try folder.write("survey.csv", Array(csv.utf8))
        let file = try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: 0)
        let table = try file.table
        XCTAssertEqual(table.count, 3)
        // a7 "Somewhat agree" 5, r4 "10" recoded to 1, s6 "Very accurate" 6, rec 10 stored 11.
        XCTAssertEqual(Array(table.answers(row: 0)), [5, 1, 6, 11])
        // a7 7, r4 13 → 4, s6 "99" missing, rec 0 stored 1.
        XCTAssertEqual(Array(table.answers(row: 1)), [7, 4, 0, 1])
        // "2" is a plain integer of rec4's 1…4: code 2.
        XCTAssertEqual(Array(table.answers(row: 2)), [4, 2, 6, 6])
        XCTAssertEqual(file.rejects.map(\.reason), [.invalidValue, .invalidValue, .invalidValue])
        XCTAssertEqual(file.rejects.map(\.column), ["a7", "r4", "s6"])
    }
}
