import Foundation
import Normalize
import RowStorage
import SurveyModel
import XCTest

/// Duplicate resolution (SPEC §4): the same trimmed id in the same survey kind and
/// wave keeps the latest `submitted_at`, ties go to the later row (later file, then
/// later line), other waves and other ids are kept, and every loser is listed.
final class DeduplicatorTests: XCTestCase {
    /// One hand-made row; `answer` marks it so the survivor can be recognised.
    struct Row {
        var id: String
        var wave: Int32 = 20263
        var submitted: Int64
        var file: UInt16 = 0
        var line: UInt32
        var answer: UInt8 = 1
        var comment = ""
        var role = ""
    }

    /// `role` goes into the first breakdown column; any further ones get "".
    private func table(_ rows: [Row], kind: SurveyKind = .employee, itemCount: Int = 1,
                       breakdownCount: Int = 1) -> ResponseTable {
        var table = ResponseTable(kind: kind, itemCount: itemCount, breakdownCount: breakdownCount)
        for row in rows {
            table.answers += [row.answer] + Array(repeating: 0, count: itemCount - 1)
            table.area.append(0)
            table.wave.append(row.wave)
            table.submitted.append(row.submitted)
            table.file.append(row.file)
            table.line.append(row.line)
            table.offset.append(Int64(row.line) * 100)
            table.ids.append(Array(row.id.utf8))
            table.comments.append(Array(row.comment.utf8))
            for column in 0..<breakdownCount {
                table.breakdowns[column].append(table.breakdownPools[column].intern(column == 0 ? row.role : ""))
            }
        }
        return table
    }

    private func lines(_ table: ResponseTable) -> [UInt32] { table.line }

    private func places(_ duplicates: [DuplicateRow]) -> [[Int]] { duplicates.map { [$0.fileIndex, $0.line] } }

    func testSameIdSameWaveKeepsTheLatestSubmitted() throws {
        let result = try Deduplicator.resolve(table([
            Row(id: "a", submitted: 100, line: 2),
            Row(id: "a", submitted: 300, line: 3, answer: 5, comment: "latest", role: "Manager"),
            Row(id: "a", submitted: 200, line: 4),
            Row(id: "b", submitted: 50, line: 5),
        ]))
        XCTAssertEqual(lines(result.kept), [3, 5])
        XCTAssertEqual(places(result.duplicates), [[0, 2], [0, 4]])
        XCTAssertEqual(result.duplicates.map(\.offset), [200, 400], "where to read the losers again")
        XCTAssertEqual(Array(result.kept.answers(row: 0)), [5])
        XCTAssertEqual(result.kept.comments.string(0), "latest")
        XCTAssertEqual(result.kept.breakdownPools[0].values[Int(result.kept.breakdowns[0][0])], "Manager")
        XCTAssertEqual(result.kept.submitted, [300, 50])
    }

    func testAnEarlierRowWithALaterTimestampWins() throws {
        let result = try Deduplicator.resolve(table([
            Row(id: "a", submitted: 500, line: 2),
            Row(id: "a", submitted: 100, line: 3),
        ]))
        XCTAssertEqual(lines(result.kept), [2])
        XCTAssertEqual(places(result.duplicates), [[0, 3]])
    }

    func testATieKeepsTheLaterRow() throws {
        let result = try Deduplicator.resolve(table([
            Row(id: "a", submitted: 100, line: 2),
            Row(id: "a", submitted: 100, line: 3),
            Row(id: "a", submitted: 100, line: 7),
        ]))
        XCTAssertEqual(lines(result.kept), [7])
        XCTAssertEqual(places(result.duplicates), [[0, 2], [0, 3]])
    }

    func testSameIdInDifferentWavesIsKept() throws {
        let result = try Deduplicator.resolve(table([
            Row(id: "a", wave: 20262, submitted: 100, line: 2),
            Row(id: "a", wave: 20263, submitted: 200, line: 3),
            Row(id: "a", wave: 20262, submitted: 50, line: 4),
        ]))
        XCTAssertEqual(lines(result.kept), [2, 3])
        XCTAssertEqual(places(result.duplicates), [[0, 4]])
    }

    func testIdsCompareAsExactBytes() throws {
        let result = try Deduplicator.resolve(table([
            Row(id: "a1", submitted: 1, line: 2), Row(id: "A1", submitted: 2, line: 3),
            Row(id: "a10", submitted: 3, line: 4), Row(id: "a1 0", submitted: 4, line: 5),
            Row(id: "é", submitted: 5, line: 6), Row(id: "e\u{301}", submitted: 6, line: 7),
            Row(id: "", submitted: 7, line: 8),
        ]))
        XCTAssertEqual(lines(result.kept), [2, 3, 4, 5, 6, 7, 8])
        XCTAssertTrue(result.duplicates.isEmpty)
    }

    func testNoDuplicatesLeavesTheTableAsIs() throws {
        let source = table((0..<20).map { Row(id: "id\($0)", submitted: Int64($0), line: UInt32($0 + 2)) })
        let result = try Deduplicator.resolve(source)
        XCTAssertEqual(result.kept.line, source.line)
        XCTAssertEqual(result.kept.count, 20)
        XCTAssertTrue(result.duplicates.isEmpty)
    }

    func testManyRowsMatchASimpleReference() throws {
        var rows: [Row] = []
        var state: UInt64 = 42
        func next(_ bound: UInt64) -> UInt64 {  // a fixed LCG, so the test is reproducible
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for line in 0..<5_000 {
            rows.append(Row(id: "r\(next(800))", wave: Int32(20261 + next(3)), submitted: Int64(next(50)),
                            line: UInt32(line + 2)))
        }
        let winners = referenceWinners(rows.map { ($0.id, $0.wave, $0.submitted) })
        let result = try Deduplicator.resolve(table(rows))
        XCTAssertGreaterThan(result.duplicates.count, 1_000)
        XCTAssertEqual(result.kept.line, rows.indices.filter { winners.contains($0) }.map { rows[$0].line })
        XCTAssertEqual(result.duplicates.map(\.line),
                       rows.indices.filter { !winners.contains($0) }.map { Int(rows[$0].line) })
    }

    /// FNV-1a of the id bytes, as the deduplicator hashes them, to build a hash collision.
    private func fnv(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    func testIdsWhoseHashesCollideAreStillToldApart() throws {
        // "id219641" and "id888010" agree on the upper 32 bits of FNV-1a, so with waves chosen
        // to cancel the lower bits the two (id, wave) keys hash the same.
        let (first, second) = ("id219641", "id888010")
        XCTAssertEqual(fnv(first) >> 32, fnv(second) >> 32)
        let wave1: Int32 = 20263
        let wave2 = Int32(bitPattern: UInt32(wave1) ^ UInt32(truncatingIfNeeded: fnv(first) ^ fnv(second)))
        XCTAssertEqual(fnv(first) ^ UInt64(UInt32(bitPattern: wave1)), fnv(second) ^ UInt64(UInt32(bitPattern: wave2)))
        let result = try Deduplicator.resolve(table([
            Row(id: first, wave: wave1, submitted: 100, line: 2),
            Row(id: second, wave: wave2, submitted: 50, line: 3),
            Row(id: second, wave: wave2, submitted: 200, line: 4),
            Row(id: first, wave: wave1, submitted: 300, line: 5),
            Row(id: second, wave: wave2, submitted: 200, line: 6),
            Row(id: first, wave: wave1, submitted: 10, line: 7),
        ]))
        XCTAssertEqual(lines(result.kept), [5, 6])
        XCTAssertEqual(places(result.duplicates), [[0, 2], [0, 3], [0, 4], [0, 7]])
    }

    // MARK: - Across files and survey kinds

    private let instrument = DefaultInstrument.value

    private func employees(_ rows: [Row]) -> ResponseTable {
        table(rows, kind: .employee, itemCount: instrument.employee.items.count,
              breakdownCount: instrument.employee.breakdowns.count)
    }

    private func customers(_ rows: [Row]) -> ResponseTable {
        table(rows, kind: .customer, itemCount: instrument.customer.items.count,
              breakdownCount: instrument.customer.breakdowns.count)
    }

    func testATieAcrossFilesGoesToTheLaterFile() throws {
        let surveys = try NormalizedSurveys(
            employeeTables: [
                employees([Row(id: "a", submitted: 100, file: 0, line: 9, answer: 1),
                           Row(id: "b", submitted: 100, file: 0, line: 10, role: "Frontline")]),
                employees([Row(id: "a", submitted: 100, file: 1, line: 2, answer: 4, role: "Executive")]),
            ],
            customerTables: [])
        let employees = try surveys.table(.employee)
        XCTAssertEqual(employees.file, [0, 1])
        XCTAssertEqual(employees.line, [10, 2])
        XCTAssertEqual(employees.answers(row: 1).first, 4)
        let roles = employees.breakdowns[0].map { employees.breakdownPools[0].values[Int($0)] }
        XCTAssertEqual(roles, ["Frontline", "Executive"])
        XCTAssertEqual(places(surveys.duplicates), [[0, 9]])
        XCTAssertEqual(surveys.customer.count, 0)
    }

    func testTheLaterTimestampBeatsTheLaterFile() throws {
        let surveys = try NormalizedSurveys(
            employeeTables: [employees([Row(id: "a", submitted: 900, file: 0, line: 2)]),
                             employees([Row(id: "a", submitted: 100, file: 1, line: 2)])],
            customerTables: [])
        XCTAssertEqual(try surveys.table(.employee).file, [0])
        XCTAssertEqual(places(surveys.duplicates), [[1, 2]])
    }

    func testDuplicatesListEveryLoserOfBothKinds() throws {
        let surveys = try NormalizedSurveys(
            employeeTables: [
                employees([Row(id: "a", submitted: 1, file: 0, line: 2), Row(id: "b", submitted: 5, file: 0, line: 3)]),
                employees([Row(id: "b", submitted: 4, file: 1, line: 2), Row(id: "a", submitted: 2, file: 1, line: 3)]),
            ],
            customerTables: [
                customers([Row(id: "a", submitted: 1, file: 2, line: 2), Row(id: "c", submitted: 1, file: 2, line: 3)]),
                customers([Row(id: "c", submitted: 1, file: 3, line: 4)]),
            ])
        // Employee "a" and customer "a" are different surveys: no clash between them.
        let employees = try surveys.table(.employee), customers = try surveys.table(.customer)
        XCTAssertEqual(employees.file, [0, 1])
        XCTAssertEqual(employees.line, [3, 3])
        XCTAssertEqual(customers.file, [2, 3])
        XCTAssertEqual(customers.line, [2, 4])
        XCTAssertEqual(places(surveys.duplicates), [[0, 2], [1, 2], [2, 3]])
        XCTAssertEqual(surveys.customer.count, 2)
    }
}

/// The rows SPEC §4 keeps, the simple way: per (wave, id) the latest time, ties to the later row.
private func referenceWinners(_ rows: [(id: String, wave: Int32, submitted: Int64)]) -> Set<Int> {
    var best: [String: Int] = [:]
    for (index, row) in rows.enumerated() {
        let key = "\(row.wave)/\(row.id)"
        if let other = best[key], rows[other].submitted > row.submitted { continue }
        best[key] = index
    }
    return Set(best.values)
}

/// Duplicates among spilled row stores: copies in other chunks and other files.
final class SpilledDeduplicatorTests: XCTestCase {
    func testCopiesAcrossChunksAndFilesMatchASimpleReference() throws {
        let folder = NSTemporaryDirectory() + "dedup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state: UInt64 = 7
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        // Two files; ids drawn from a pool so copies land in other chunks and in the other file.
        let sizes = [RowStore.chunkRows + 5_000, 9_000]
        var all: [(id: String, wave: Int32, submitted: Int64, part: Int, row: Int)] = []
        var stores: [RowStore] = []
        for (part, size) in sizes.enumerated() {
            var writer = RowStoreWriter(kind: .customer, itemCount: 1, breakdownCount: 0,
                                        spill: try SpillFile(folder: folder))
            for row in 0..<size {
                let entry = (id: "c\(next(30_000))", wave: Int32(20261 + next(2)), submitted: Int64(next(20)),
                             part: part, row: row)
                all.append(entry)
                writer.current.answers.append(1)
                writer.current.area.append(0)
                writer.current.wave.append(entry.wave)
                writer.current.submitted.append(entry.submitted)
                writer.current.file.append(UInt16(part))
                writer.current.line.append(UInt32(row + 2))
                writer.current.offset.append(Int64(row) * 50)
                writer.current.ids.append(Array(entry.id.utf8))
                writer.current.comments.append([UInt8]())
                try writer.rowAdded()
            }
            stores.append(try writer.finish())
        }
        let winners = referenceWinners(all.map { ($0.id, $0.wave, $0.submitted) })
        let result = try Deduplicator.resolve(stores, kind: .customer)
        XCTAssertGreaterThan(result.duplicates.count, 5_000)
        XCTAssertEqual(result.rows.count, winners.count)
        let losers = all.indices.filter { !winners.contains($0) }
        XCTAssertEqual(result.duplicates.map { [$0.fileIndex, $0.line] }, losers.map { [all[$0].part, all[$0].row + 2] })
        for (index, entry) in all.enumerated() {
            let excluded = result.rows.excluded[entry.part]?.contains(entry.row) ?? false
            XCTAssertEqual(excluded, !winners.contains(index), "row \(entry.row) of file \(entry.part)")
            if excluded == winners.contains(index) { break }
        }
        // Hashes inserted a thousand at a time find the same copies: the set outlives each batch.
        let batched = try Deduplicator.resolve(stores, kind: .customer, batchRows: 1_000)
        XCTAssertEqual(batched.duplicates, result.duplicates)
        func excluded(_ rows: SurveyRows) -> [[Int]] {
            sizes.indices.map { part in (0..<sizes[part]).filter { rows.excluded[part]?.contains($0) ?? false } }
        }
        XCTAssertEqual(excluded(batched.rows), excluded(result.rows))
    }
}
