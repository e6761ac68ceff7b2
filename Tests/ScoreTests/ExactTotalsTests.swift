import Score
import SurveyModel
import XCTest

/// The row limit under which the scoring core's unchecked integer totals cannot overflow.
final class ExactTotalsTests: XCTestCase {
    private typealias T = TestData

    /// Worked by hand for the default instrument. Employee: low_waste has 8 items on 1–5
    /// (R = 4, L = lcm(1…8) = 840, a score of at most R·L = 3,360), the largest amount a row adds
    /// to any total is 3,360² = 11,289,600 (leadership: 240², drivers: 4 · 24). Customer: cx has
    /// 3 items on 1–5 (R·L = 4 · 6 = 24): 576.
    func testTheLimitIsInt64MaxOverTheLargestAmountOneRowAdds() {
        let employee = AggregateLayout(instrument: T.instrument, kind: .employee, minAnsweredFraction: 0.5)
        let customer = AggregateLayout(instrument: T.instrument, kind: .customer, minAnsweredFraction: 0.5)
        XCTAssertEqual(employee.exactRowLimit, 816_979_524_239)
        XCTAssertEqual(customer.exactRowLimit, 16_012_798_675_095_096)
        XCTAssertEqual(Int64(employee.exactRowLimit) * 11_289_600 <= Int64.max, true)
        XCTAssertEqual(Int64.max - Int64(employee.exactRowLimit) * 11_289_600 < 11_289_600, true)
    }
}
