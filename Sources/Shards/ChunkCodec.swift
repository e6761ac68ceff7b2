import SurveyModel

/// One chunk of accepted rows in the partial file (docs/SHARDS.md, "A chunk"): the
/// columns of `ResponseTable` one after another, little-endian, with explicit counts;
/// the file column is not stored (the merge gives each input its place in the run).
enum ChunkCodec {
    /// - Throws: `PipelineError.other` when one text of a row is longer than 4 GiB (never from ingest).
    static func encode(_ table: ResponseTable, into out: inout ByteEncoder) throws(PipelineError) {
        out.count(table.count)
        out.count(table.itemCount)
        out.raw(table.answers)
        out.integers(table.area)
        out.integers(table.wave)
        out.integers(table.submitted)
        out.integers(table.line)
        out.integers(table.offset)
        for column in [table.ids, table.comments] {
            out.count(column.bytes.count)
            out.raw(column.bytes)
            out.integers(column.ends.map { UInt64(clamping: $0) })
        }
        out.count(table.breakdowns.count)
        for (codes, pool) in zip(table.breakdowns, table.breakdownPools) {
            out.strings(pool.values)
            out.integers(codes)
        }
    }

    /// A chunk checked against `shape`: every area, answer code and breakdown code in range,
    /// text ends ascending within the text, the section used to its last byte.
    static func decode(_ decoder: inout ByteDecoder, kind: SurveyKind, shape: RowShape) throws(PipelineError)
        -> ResponseTable {
        let rowStart = decoder.offset
        let rows = try decoder.count("row count", elementBytes: 1)
        let items = try decoder.bounded("item count", limit: shape.itemCount)
        guard items == shape.itemCount else {
            throw decoder.failure("the rows have \(items) answers, the config's \(kind.rawValue) form \(shape.itemCount)")
        }
        var table = ResponseTable(kind: kind, itemCount: items, breakdownCount: shape.breakdownCount)
        let answersStart = decoder.offset
        guard rows <= decoder.remaining / max(1, items) else { throw decoder.failure("\(rows) rows do not fit", at: rowStart) }
        table.answers = Array(try decoder.take(rows * items, "answers"))
        for row in 0..<rows {
            for item in 0..<items where table.answers[row * items + item] > shape.maxCodes[item] {
                throw decoder.failure("answer code \(table.answers[row * items + item]) out of range",
                                      at: answersStart + row * items + item)
            }
        }
        let areaStart = decoder.offset
        table.area = try decoder.integers(rows, as: UInt16.self, "areas")
        if let bad = table.area.firstIndex(where: { Int($0) >= shape.areaCount }) {
            throw decoder.failure("area \(table.area[bad]) out of range (\(shape.areaCount) areas)", at: areaStart + 2 * bad)
        }
        table.wave = try decoder.integers(rows, as: Int32.self, "waves")
        table.submitted = try decoder.integers(rows, as: Int64.self, "times")
        table.file = Array(repeating: 0, count: rows)
        table.line = try decoder.integers(rows, as: UInt32.self, "lines")
        table.offset = try decoder.integers(rows, as: Int64.self, "offsets")
        table.ids = try text(&decoder, rows: rows, "ids")
        table.comments = try text(&decoder, rows: rows, "comments")
        let breakdowns = try decoder.bounded("breakdown count", limit: shape.breakdownCount)
        guard breakdowns == shape.breakdownCount else {
            throw decoder.failure("\(breakdowns) breakdown columns, the config's form has \(shape.breakdownCount)")
        }
        for column in 0..<breakdowns {
            var pool = StringPool()
            for value in try decoder.strings("breakdown values") { _ = pool.intern(value) }
            let codesStart = decoder.offset
            let codes = try decoder.integers(rows, as: UInt32.self, "breakdown codes")
            if let bad = codes.firstIndex(where: { Int($0) >= pool.values.count }) {
                throw decoder.failure("breakdown code \(codes[bad]) out of range", at: codesStart + 4 * bad)
            }
            table.breakdowns[column] = codes
            table.breakdownPools[column] = pool
        }
        return table
    }

    private static func text(_ decoder: inout ByteDecoder, rows: Int, _ what: String) throws(PipelineError) -> TextColumn {
        let length = try decoder.count("length of \(what)")
        let bytes = Array(try decoder.take(length, what))
        let endsStart = decoder.offset
        let ends = try decoder.integers(rows, as: UInt64.self, "ends of \(what)")
        var previous: UInt64 = 0
        for (index, end) in ends.enumerated() {
            guard end >= previous, end <= UInt64(length) else {
                throw decoder.failure("end of \(what) \(end) out of order", at: endsStart + 8 * index)
            }
            previous = end
        }
        guard previous == UInt64(length) else {
            throw decoder.failure("\(what) end at \(previous), not at their length \(length)", at: endsStart)
        }
        return TextColumn(bytes: bytes, ends: ends.map { Int($0) })
    }
}
