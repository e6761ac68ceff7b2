import Foundation
import SurveyModel
import XCTest

/// The calendar arithmetic every date goes through (SPEC §3.4, §3.8 serial dates), checked
/// against Foundation's Gregorian calendar over 1900–9999.
final class CivilCalendarTests: XCTestCase {
    func testCivilDateAgainstFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -25_569, through: 2_932_896, by: 997) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = CivilCalendar.date(daysSince1970: days)
            XCTAssertEqual([civil.year, civil.month, civil.day], [parts.year, parts.month, parts.day], "day \(days)")
        }
    }
}
