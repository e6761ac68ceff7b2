/// One column of `ResponseTable`, and everything done to every column: append another
/// table's rows, drop all rows, keep chosen rows, write the column's raw bytes and read
/// them back. The columns are declared once, in `ResponseTable.columns`; the operations
/// on whole tables iterate that list, so a new column is a stored property and one entry.
/// (Filling a row during ingest and reading one while scoring use the properties directly.)
public struct ResponseColumn: Sendable {
    /// Where a column sits in a table written out whole: the keys first (duplicate
    /// resolution reads them alone), then where each row came from, then the rest.
    public enum Group: Int, Sendable, Comparable {
        case key, place, payload

        public static func < (a: Group, b: Group) -> Bool { a.rawValue < b.rawValue }
    }

    /// Takes the next `byteCount` bytes of a table being read back.
    public typealias Take = (_ byteCount: Int) throws(PipelineError) -> UnsafeRawBufferPointer

    public let name: String
    public let group: Group
    /// Bytes per row written out, not counting a text column's text: from the table's item count
    /// and breakdown count.
    public let bytesPerRow: @Sendable (_ itemCount: Int, _ breakdownCount: Int) -> Int
    /// A text column's text bytes in `table`; nil for columns of fixed width.
    public let textBytes: (@Sendable (_ table: ResponseTable) -> Int)?
    let append: @Sendable (_ table: inout ResponseTable, _ other: ResponseTable) -> Void
    let removeAll: @Sendable (_ table: inout ResponseTable) -> Void
    let keep: @Sendable (_ result: inout ResponseTable, _ source: ResponseTable, _ keep: [Bool], _ kept: Int) -> Void
    /// Hands the column's bytes to `put`, in the order `read` takes them back.
    public let write: @Sendable (_ table: ResponseTable, _ put: (UnsafeRawBufferPointer) -> Void) -> Void
    /// Reads the column of `rows` rows (with `textBytes` bytes of text) back into `table`.
    public let read: @Sendable (_ table: inout ResponseTable, _ rows: Int, _ textBytes: Int,
                                _ take: Take) throws(PipelineError) -> Void
}

extension ResponseTable {
    /// Every column, in the order a table is written out: group by group (keys, places, payload).
    public static let columns: [ResponseColumn] = [
        .values("wave", .key, \.wave),
        .text("ids", .key, \.ids),
        .values("submitted", .place, \.submitted),
        .values("file", .place, \.file),
        .values("line", .place, \.line),
        .values("offset", .place, \.offset),
        .values("answers", .payload, \.answers, perItem: true),
        .values("area", .payload, \.area),
        .text("comments", .payload, \.comments),
        .breakdowns,
    ]
}

extension ResponseColumn {
    /// A column of fixed-width values: one per row, or with `perItem` one per form item per row.
    static func values<Value: BitwiseCopyable & Sendable>(_ name: String, _ group: Group,
                                                          _ path: WritableKeyPath<ResponseTable, [Value]> & Sendable,
                                                          perItem: Bool = false) -> ResponseColumn {
        @Sendable func width(_ table: ResponseTable) -> Int { perItem ? table.itemCount : 1 }
        return ResponseColumn(
            name: name, group: group,
            bytesPerRow: { itemCount, _ in (perItem ? itemCount : 1) * MemoryLayout<Value>.stride },
            textBytes: nil,
            append: { table, other in table[keyPath: path].append(contentsOf: other[keyPath: path]) },
            removeAll: { table in table[keyPath: path].removeAll(keepingCapacity: true) },
            keep: { result, source, keep, kept in
                let values = source[keyPath: path], width = width(source)
                var out: [Value] = []
                out.reserveCapacity(kept * width)
                for row in keep.indices where keep[row] { out.append(contentsOf: values[(row * width)..<((row + 1) * width)]) }
                result[keyPath: path] = out
            },
            write: { table, put in table[keyPath: path].withUnsafeBytes(put) },
            read: { table, rows, _, take throws(PipelineError) in
                table[keyPath: path] = try copy(take(rows * width(table) * MemoryLayout<Value>.stride), as: Value.self)
            })
    }

    /// A text column: each row's end offset (as 32 bits), then all the text.
    static func text(_ name: String, _ group: Group,
                     _ path: WritableKeyPath<ResponseTable, TextColumn> & Sendable) -> ResponseColumn {
        ResponseColumn(
            name: name, group: group,
            bytesPerRow: { _, _ in MemoryLayout<UInt32>.stride },
            textBytes: { table in table[keyPath: path].bytes.count },
            append: { table, other in table[keyPath: path].append(contentsOf: other[keyPath: path]) },
            removeAll: { table in table[keyPath: path].removeAll() },
            keep: { result, source, keep, _ in
                let texts = source[keyPath: path]
                var out = TextColumn()
                for row in keep.indices where keep[row] { out.append(texts[row]) }
                result[keyPath: path] = out
            },
            write: { table, put in
                let column = table[keyPath: path]
                column.ends.map { UInt32(truncatingIfNeeded: $0) }.withUnsafeBytes(put)
                column.bytes.withUnsafeBytes(put)
            },
            read: { table, rows, textBytes, take throws(PipelineError) in
                let ends = try copy(take(rows * MemoryLayout<UInt32>.stride), as: UInt32.self).map(Int.init)
                table[keyPath: path] = TextColumn(bytes: try copy(take(textBytes), as: UInt8.self), ends: ends)
            })
    }

    /// The breakdown code columns (as many as the form has breakdowns). Appending re-codes the
    /// other table's codes into this table's pools; the pools themselves are not written out.
    static let breakdowns = ResponseColumn(
        name: "breakdowns", group: .payload,
        bytesPerRow: { _, breakdownCount in breakdownCount * MemoryLayout<UInt32>.stride },
        textBytes: nil,
        append: { table, other in
            for column in table.breakdowns.indices {
                let recode = other.breakdownPools[column].values.map { table.breakdownPools[column].intern($0) }
                table.breakdowns[column].append(contentsOf: other.breakdowns[column].lazy.map { recode[Int($0)] })
            }
        },
        removeAll: { table in
            for column in table.breakdowns.indices { table.breakdowns[column].removeAll(keepingCapacity: true) }
        },
        keep: { result, source, keep, kept in
            for column in source.breakdowns.indices {
                var out: [UInt32] = []
                out.reserveCapacity(kept)
                for row in keep.indices where keep[row] { out.append(source.breakdowns[column][row]) }
                result.breakdowns[column] = out
            }
        },
        write: { table, put in for column in table.breakdowns { column.withUnsafeBytes(put) } },
        read: { table, rows, _, take throws(PipelineError) in
            for column in table.breakdowns.indices {
                table.breakdowns[column] = try copy(take(rows * MemoryLayout<UInt32>.stride), as: UInt32.self)
            }
        })

    /// The values in `raw` (no alignment assumed).
    private static func copy<Value>(_ raw: UnsafeRawBufferPointer, as _: Value.Type) -> [Value] {
        let count = raw.count / MemoryLayout<Value>.stride
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            initialized = count
        }
    }
}
