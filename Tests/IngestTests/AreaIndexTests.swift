import Foundation
import Ingest
import RowStorage
import SurveyModel
import XCTest

/// SPEC §3.9: with the most areas a config may have (65,535), a row in the last one keeps
/// its area index (65,534) through ingest's 16-bit column and the spill file — where one
/// area more used to trap (`UInt16` conversion in `ReadState.append`).
final class AreaIndexTests: XCTestCase {
    func testTheLastOfSixtyFiveThousandFiveHundredThirtyFiveAreas() throws {
        var config = EmployeeCSV.config()
        config.areas = (0..<65_535).map { Area(name: "Area \($0)") }
        let scratch = try ScratchFolder()
        let path = try scratch.write("areas.csv", EmployeeCSV.bytes([EmployeeCSV.header,
                                                                     EmployeeCSV.row(id: "a", area: "Area 65534"),
                                                                     EmployeeCSV.row(id: "b", area: "area 0"),
                                                                     EmployeeCSV.row(id: "c", area: "Area 65535")]))
        let spill = try SpillFile(folder: scratch.path)
        let file = try SurveyFileReader(config: config, kind: .employee).read(path: path, fileIndex: 0, spill: spill)
        XCTAssertEqual(try file.table.area, [65_534, 0])
        XCTAssertEqual(file.rejects.map(\.reason), [.unknownArea])
    }
}
