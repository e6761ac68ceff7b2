import Foundation

/// Reads parts of a written .xlsx through /usr/bin/unzip. A missing part or a
/// file that is not a readable zip throws `Failure`, so the test using it fails
/// (never skips).
struct WorkbookArchive {
    let path: String

    /// unzip could not give the part or listing asked for.
    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let message: String

        var description: String {
            "unzip \(arguments.joined(separator: " ")) failed with \(status): \(message)"
        }
    }

    /// The text of one part, e.g. `xl/workbook.xml`.
    func part(_ name: String) throws -> String {
        // unzip reads a member name as a wildcard pattern: `[Content_Types].xml` needs its brackets escaped.
        let pattern = name.reduce(into: "") { result, character in
            if "[]*?\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        let data = try run(["-p", path, pattern])
        return String(decoding: data, as: UTF8.self)
    }

    /// Every part name in the archive.
    func partNames() throws -> [String] {
        let listing = String(decoding: try run(["-Z1", path]), as: UTF8.self)
        return listing.split(separator: "\n").map(String.init)
    }

    private func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, status: process.terminationStatus,
                          message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }
}

/// A fresh temporary folder per test, removed afterwards.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
