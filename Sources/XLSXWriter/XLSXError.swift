internal import CXLSXWriter

/// Why a workbook could not be built or written, in words a user can act on.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxlsxwriter returned an error status while doing `action` (e.g. "writing the workbook").
    case library(action: String, message: String)
    /// libxlsxwriter returned no object (out of memory, or an invalid name) for `what`.
    case cannotCreate(String)
    /// The workbook was used after `close()`.
    case closed
    /// A row or column number outside what a worksheet can hold.
    case outOfRange(row: Int, col: Int)
    /// The libxlsxwriter found at run time is not the series this wrapper was written for.
    case unsupportedVersion(found: String, supported: String)

    public var description: String {
        switch self {
        case .library(let action, let message): return "libxlsxwriter failed \(action): \(message)"
        case .cannotCreate(let what): return "libxlsxwriter could not create \(what)"
        case .closed: return "the workbook is already closed"
        case .outOfRange(let row, let col): return "cell (row \(row), column \(col)) is outside a worksheet"
        case .unsupportedVersion(let found, let supported):
            return "libxlsxwriter \(found) is installed, but this program supports libxlsxwriter \(supported) only "
                + "(it sets the library's private constant_memory option per sheet); install libxlsxwriter "
                + "\(supported) (Debian/Ubuntu: libxlsxwriter-dev)"
        }
    }
}

/// Turns a libxlsxwriter status into `XLSXError.library` carrying the library's message.
func check(_ status: lxw_error, _ action: @autoclosure () -> String) throws(XLSXError) {
    guard status != LXW_NO_ERROR else { return }
    let message = lxw_strerror(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
    throw XLSXError.library(action: action(), message: message)
}
