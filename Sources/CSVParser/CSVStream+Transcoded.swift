internal import FileIO

/// The read loop of a file that is not UTF-8: the file's bytes are read from its start in
/// `chunkSize` reads and transcoded (`Transcoder`) into a second buffer, and only that UTF-8
/// text reaches libcsv. Offsets count bytes of the text, so a record found once can be found
/// again from its offset (`firstRecord(from:)`) by transcoding from the start again.
/// The UTF-8 read in `CSVStream.read` does not come here: it keeps its single buffer.
extension CSVStream {
    /// Transcodes the whole file, handing `body` the text in `start..<end` chunk by chunk with
    /// the text offset where each chunk begins (also set as the collector's chunk offset).
    /// `onBytes` sees every chunk of the file's own bytes. `body` returns true to stop.
    /// - Returns: the text offset reached (the text's length when nothing stopped the read).
    @discardableResult
    func readTranscoded(_ file: borrowing ReadOnlyFile, from start: Int, to end: Int,
                        onBytes: (UnsafeRawBufferPointer) -> Void,
                        body: (UnsafeRawBufferPointer, Int) throws(CSVStreamError) -> Bool) throws(CSVStreamError) -> Int {
        var transcoder = Transcoder(encoding)
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { input.deallocate() }
        let output = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Transcoder.outputCapacity(forInput: Self.chunkSize), alignment: 16)
        defer { output.deallocate() }
        var position = 0, produced = 0
        while produced < end {
            let count = try read(file, into: input, at: position)
            let raw = UnsafeRawBufferPointer(rebasing: input[0..<count])
            let written = count == 0 ? transcoder.finish(into: output) : transcoder.transcode(raw, into: output)
            if count > 0 { onBytes(raw) }
            position += count
            let text = produced..<(produced + written)
            produced += written
            let wanted = text.clamped(to: start..<max(start, end))
            if !wanted.isEmpty {
                collector.chunkOffset = wanted.lowerBound
                let slice = UnsafeRawBufferPointer(rebasing: output[(wanted.lowerBound - text.lowerBound)..<(wanted.upperBound - text.lowerBound)])
                if try body(slice, wanted.lowerBound) { return wanted.upperBound }
            }
            if count == 0 { break }
        }
        return min(produced, end)
    }
}
