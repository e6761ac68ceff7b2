import CSVParser
import XCTest

/// `CSVStream` reads libcsv's private parser state, so it must refuse every libcsv whose
/// layout it does not know: only 3.0.x passes, and the refusal names both versions.
final class LibCSVVersionTests: XCTestCase {
    func testEveryThreeZeroReleaseIsAccepted() throws {
        for release in [0, 3, 17] {
            XCTAssertNoThrow(try LibCSVVersion.check(LibCSVVersion(major: 3, minor: 0, release: release)))
        }
    }

    func testOtherVersionsAreRefusedNamingFoundAndSupported() {
        for (major, minor) in [(3, 1), (2, 0), (4, 0), (0, 0)] {
            let version = LibCSVVersion(major: major, minor: minor, release: 2)
            XCTAssertThrowsError(try LibCSVVersion.check(version)) { error in
                XCTAssertEqual(error as? UnsupportedLibCSV, UnsupportedLibCSV(found: version))
                let message = String(describing: error)
                XCTAssertTrue(message.contains("libcsv \(major).\(minor).2 is not supported"), message)
                XCTAssertTrue(message.contains("3.0.x"), message)
            }
        }
    }

    /// The header this build compiled against: Debian's libcsv-dev 3.0.3 (the CI machine's).
    func testTheLinkedVersionComesFromCsvH() throws {
        XCTAssertEqual(LibCSVVersion.linked, LibCSVVersion(major: 3, minor: 0, release: 3))
        XCTAssertEqual(LibCSVVersion.linked.description, "3.0.3")
    }
}
