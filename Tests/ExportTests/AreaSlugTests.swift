import Export
import XCTest

/// Per-area file names (SPEC §10): NFKD, non-ASCII dropped, lower case, runs outside
/// `[a-z0-9]` one `-`, trimmed; nothing left → `area`; taken → `-2`, `-3` in config order.
final class AreaSlugTests: XCTestCase {
    func testAccentsDecomposeToTheirBaseLetters() {
        XCTAssertEqual(AreaSlug.slug("Zürich Süd"), "zurich-sud")
        XCTAssertEqual(AreaSlug.slug("Île-de-France"), "ile-de-france")
        // NFKD maps compatibility forms too: the ligature ﬁ is "fi", the full-width Ａ is "a".
        XCTAssertEqual(AreaSlug.slug("ﬁnance Ａ"), "finance-a")
    }

    func testEveryRunOfOtherCharactersIsOneDashAndTheEndsAreTrimmed() {
        XCTAssertEqual(AreaSlug.slug("Ops/Logistics"), "ops-logistics")
        XCTAssertEqual(AreaSlug.slug("  R&D -- Lab 2 (North)  "), "r-d-lab-2-north")
        XCTAssertEqual(AreaSlug.slug("_Sales_"), "sales")
    }

    func testNonASCIIWithoutADecompositionIsDroppedNotASeparator() {
        // ß has no decomposition: dropped, so the letters around it join.
        XCTAssertEqual(AreaSlug.slug("Straße 9"), "strae-9")
        XCTAssertEqual(AreaSlug.slug("東京 Office"), "office")
    }

    func testANameThatLeavesNothingIsArea() {
        XCTAssertEqual(AreaSlug.slug("東京"), "area")
        XCTAssertEqual(AreaSlug.slug("Ωμέγα"), "area")
        XCTAssertEqual(AreaSlug.slug("---"), "area")
    }

    func testTakenSlugsGetTheNextFreeSuffixInConfigOrder() {
        XCTAssertEqual(AreaSlug.unique(["Zürich Süd", "Zurich-Sud", "ZURICH SUD", "Sales"]),
                       ["zurich-sud", "zurich-sud-2", "zurich-sud-3", "sales"])
        // A name whose own slug is a suffixed one takes it first; the later duplicate skips it.
        XCTAssertEqual(AreaSlug.unique(["North 2", "North", "north"]), ["north-2", "north", "north-3"])
        XCTAssertEqual(AreaSlug.unique(["東京", "Ωμέγα"]), ["area", "area-2"])
    }
}
