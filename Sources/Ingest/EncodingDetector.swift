import CSVParser
import FileIO
import SurveyModel

/// Resolves the encoding of one file from `inputs.encoding` and the file's first bytes
/// (SPEC §3.1 Encoding), before its header is read; `init` uses it to draft `inputs.encoding`.
public enum EncodingDetector {
    /// The bytes read from a file's start to decide its encoding and delimiter.
    public static let prefixBytes = 64 * 1024

    /// - Throws: `PipelineError.input` when a UTF-16 file is read as UTF-8 (the message says so
    ///   and names `inputs.encoding`), or a `utf-16` file has no byte-order mark.
    public static func resolve(_ configured: InputEncoding, prefix: [UInt8], path: String) throws(PipelineError) -> SourceEncoding {
        let signature = SourceEncoding.signature(of: prefix)
        switch (configured, signature) {
        case (.utf16, .utf16BOM(let encoding)), (.auto, .utf16BOM(let encoding)):
            return encoding
        case (.utf16, _):
            throw .input(file: path, line: 1, message: "inputs.encoding is \"utf-16\" but the file does not start "
                + "with a UTF-16 byte-order mark (FF FE or FE FF): save it as Excel's \"Unicode text\", or set "
                + "inputs.encoding to the encoding it is in")
        case (.utf8, .utf16BOM), (.auto, .utf16WithoutBOM), (.utf8, .utf16WithoutBOM):
            throw utf16Error(path, configured: configured, signature: signature)
        case (.windows1252, .utf16BOM), (.windows1252, .utf16WithoutBOM):
            throw utf16Error(path, configured: configured, signature: signature)
        case (.windows1252, _):
            return .windows1252
        case (.utf8, _), (.auto, _):
            return .utf8
        }
    }

    private static func utf16Error(_ path: String, configured: InputEncoding,
                                    signature: SourceEncoding.Signature) -> PipelineError {
        let evidence = signature == .utf16WithoutBOM
            ? "its first bytes have a NUL in every other byte, without a byte-order mark"
            : "it starts with a UTF-16 byte-order mark"
        let fix = signature == .utf16WithoutBOM
            ? "save it again as UTF-8 or as UTF-16 with a byte-order mark (Excel's \"Unicode text\") and set inputs.encoding to \"utf-16\""
            : "set inputs.encoding to \"utf-16\" (or \"auto\")"
        return .input(file: path, line: nil, message: "the file is UTF-16 (\(evidence)), but inputs.encoding is "
            + "\"\(configured.rawValue)\": \(fix)")
    }

    /// Up to `prefixBytes` bytes from the start of `path`.
    public static func prefix(of path: String) throws(PipelineError) -> [UInt8] {
        do {
            let file = try ReadOnlyFile(path: path)
            var bytes = [UInt8](repeating: 0, count: prefixBytes)
            let count = try bytes.withUnsafeMutableBytes { buffer throws(FileIOError) in
                try file.read(into: buffer, at: 0)
            }
            return Array(bytes[..<count])
        } catch {
            throw .input(file: path, line: nil, message: "cannot read: \(error)")
        }
    }

    /// The delimiter `auto` picks for a file in `encoding` whose first bytes are `prefix`.
    public static func delimiter(prefix: [UInt8], encoding: SourceEncoding) -> UInt8 {
        DelimiterSniffer.delimiter(of: encoding.needsTranscoding ? Transcoder.transcode(prefix, from: encoding) : prefix)
    }
}
