internal import CLibCSV

/// A libcsv version. `CSVStream` reads libcsv's private parser state (`pstate`), whose place
/// in `struct csv_parser` is known only for the supported 3.0.x, so every stream checks the
/// version first (`check`).
public struct LibCSVVersion: Sendable, Equatable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var release: Int

    public init(major: Int, minor: Int, release: Int) {
        self.major = major
        self.minor = minor
        self.release = release
    }

    /// The version of the csv.h this build was compiled against (`CSV_MAJOR.CSV_MINOR.CSV_RELEASE`).
    public static let linked = LibCSVVersion(major: Int(survey_libcsv_major()), minor: Int(survey_libcsv_minor()),
                                             release: Int(survey_libcsv_release()))

    /// The versions whose private fields `CSVStream` reads, as a user would ask for them.
    public static let supported = "3.0.x"

    /// Every 3.0 release keeps `pstate` where `CSVStream` reads it.
    public var isSupported: Bool { major == 3 && minor == 0 }

    public var description: String { "\(major).\(minor).\(release)" }

    /// - Throws: `UnsupportedLibCSV` naming `version` and the supported one unless `version` is 3.0.x.
    public static func check(_ version: LibCSVVersion = .linked) throws(UnsupportedLibCSV) {
        guard version.isSupported else { throw UnsupportedLibCSV(found: version) }
    }
}

/// The linked libcsv is not one whose parser state `CSVStream` knows how to read.
public struct UnsupportedLibCSV: Error, Sendable, Equatable, CustomStringConvertible {
    public let found: LibCSVVersion

    public init(found: LibCSVVersion) { self.found = found }

    public var description: String {
        "libcsv \(found) is not supported: survey-pipeline reads libcsv's parser state as laid out in libcsv "
            + "\(LibCSVVersion.supported); install libcsv \(LibCSVVersion.supported) (Debian: libcsv-dev) and rebuild"
    }
}
