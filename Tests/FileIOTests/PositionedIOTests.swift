import FileIO
import Foundation
import XCTest

/// Positioned reads and writes move exactly the bytes asked for, at the offset named,
/// and say why when they cannot.
final class PositionedIOTests: XCTestCase {
    private var path = ""

    override func setUpWithError() throws {
        path = NSTemporaryDirectory() + "positioned-io-\(UUID().uuidString)"
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: path))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: path) }

    func testReadsNameTheirOffsetAndStopAtTheEnd() throws {
        let file = try ReadOnlyFile(path: path)
        var buffer = [UInt8](repeating: 0, count: 4)
        let count = try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: 7) }
        XCTAssertEqual(count, 3)
        XCTAssertEqual(Array(buffer[0..<3]), Array("789".utf8))
        XCTAssertEqual(try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: 10) }, 0)
    }

    func testWriteThenReadFullyRoundTrips() throws {
        let descriptor = open(path, O_RDWR)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        try Array("abc".utf8).withUnsafeBytes { try PositionedIO.writeFully(descriptor, $0, at: 8) }
        var buffer = [UInt8](repeating: 0, count: 5)
        try buffer.withUnsafeMutableBytes { try PositionedIO.readFully(descriptor, into: $0, at: 6) }
        XCTAssertEqual(buffer, Array("67abc".utf8))
    }

    func testReadingFullyPastTheEndIsAnError() throws {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4)
        XCTAssertThrowsError(try buffer.withUnsafeMutableBytes { try PositionedIO.readFully(descriptor, into: $0, at: 8) }) {
            XCTAssertEqual($0 as? FileIOError, .endOfFile)
            XCTAssertEqual(String(describing: $0), "unexpected end of file")
        }
    }

    func testAMissingFileSaysSo() {
        do {
            _ = try ReadOnlyFile(path: path + "-missing")
            XCTFail("a missing file opened")
        } catch {
            XCTAssertEqual(error, FileIOError(code: ENOENT))
            XCTAssertEqual(error.description, "No such file or directory")
        }
    }
}
