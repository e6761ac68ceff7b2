import XCTest
import XLSXWriter

/// The start-up check that guards the wrapper's write of libxlsxwriter's private
/// `constant_memory` option: only the 1.1 series is accepted.
final class XLSXLibraryTests: XCTestCase {
    func testTheSupportedSeriesPasses() throws {
        try XLSXLibrary.checkVersion("1.1.4")
        try XLSXLibrary.checkVersion("1.1.0")
        try XLSXLibrary.checkVersion("1.1")
    }

    func testAnotherSeriesFailsNamingBothVersions() {
        for found in ["1.2.0", "1.0.9", "2.1.4", "0.1.1", "11.1.0", "1", "", "one.one"] {
            XCTAssertThrowsError(try XLSXLibrary.checkVersion(found), found) { error in
                XCTAssertEqual(error as? XLSXError, .unsupportedVersion(found: found, supported: "1.1.x"))
                let message = String(describing: error)
                XCTAssertTrue(message.contains("libxlsxwriter \(found) is installed"), message)
                XCTAssertTrue(message.contains("supports libxlsxwriter 1.1.x"), message)
            }
        }
    }

    /// The library this test process loaded is the one the headers describe, and it passes the check
    /// that `XLSXWorkbook.init` runs before any workbook (and its private options) exists.
    func testTheLoadedLibraryMatchesItsHeadersAndPasses() throws {
        XCTAssertEqual(XLSXLibrary.version, XLSXLibrary.headerVersion)
        try XLSXLibrary.checkVersion()
    }
}
