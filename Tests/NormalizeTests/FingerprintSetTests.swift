@testable import Normalize
import XCTest

/// The first pass of duplicate resolution: never "new" for a hash seen before,
/// sometimes "seen" for a new hash that shares a fingerprint (the second pass
/// compares those rows exactly).
final class FingerprintSetTests: XCTestCase {
    func testSeenHashesAreNeverReportedNew() {
        var set = FingerprintSet(count: 10_000)
        var state: UInt64 = 99
        var hashes: [UInt64] = []
        for _ in 0..<10_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            hashes.append(state)
        }
        let fresh = hashes.filter { set.insert($0) }.count
        XCTAssertGreaterThan(fresh, 9_990, "random 64-bit hashes rarely share a fingerprint")
        XCTAssertTrue(hashes.allSatisfy { !set.insert($0) })
    }

    func testASharedFingerprintInTheSameRunReadsAsSeen() {
        var set = FingerprintSet(count: 12)
        XCTAssertTrue(set.insert(0x0000_0001_0000_0005))
        XCTAssertTrue(set.insert(0x0000_0001_0000_0006), "another fingerprint at the same place")
        XCTAssertFalse(set.insert(0x0000_0002_0000_0005), "same fingerprint, same place: reported seen")
        XCTAssertTrue(set.insert(0xF000_0000_0000_0005), "same fingerprint far away: new")
        XCTAssertTrue(set.insert(0), "zero is a key like any other")
        XCTAssertFalse(set.insert(0))
    }
}
