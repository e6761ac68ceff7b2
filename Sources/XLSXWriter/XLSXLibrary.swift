internal import CXLSXWriter

/// The libxlsxwriter this process runs with, and the check that it is the series
/// whose private fields the wrapper relies on (`lxw_workbook.options.constant_memory`).
public enum XLSXLibrary {
    /// The release series (major.minor) the wrapper was written and tested against.
    public static let supportedSeries = (major: 1, minor: 1)

    /// `supportedSeries` as users read it, e.g. "1.1.x".
    public static var supported: String { "\(supportedSeries.major).\(supportedSeries.minor).x" }

    /// The version of the library loaded at run time (`lxw_version()`), e.g. "1.1.4".
    public static var version: String { String(cString: lxw_version()) }

    /// The version of the headers the wrapper was compiled with (`LXW_VERSION`).
    public static var headerVersion: String { LXW_VERSION }

    /// Throws unless the library loaded at run time belongs to the supported series.
    public static func checkVersion() throws(XLSXError) {
        try checkVersion(version)
    }

    /// Throws unless `found` ("major.minor[.patch]") belongs to the supported series.
    public static func checkVersion(_ found: String) throws(XLSXError) {
        let parts = found.split(separator: ".", omittingEmptySubsequences: false).prefix(2).map { Int($0) }
        guard parts.count == 2, parts[0] == supportedSeries.major, parts[1] == supportedSeries.minor else {
            throw .unsupportedVersion(found: found, supported: supported)
        }
    }
}
