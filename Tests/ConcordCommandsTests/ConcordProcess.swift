import Foundation

/// Runs the built `concord` executable as a user would, with standard input, and captures its
/// output and exit status.
struct ConcordProcess {
    struct Outcome {
        var status: Int32
        var output: Data
        var error: String
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// The `concord` binary next to the test bundle.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        let candidate = directory.appendingPathComponent("concord")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        // Swift Testing runs inside the test runner, which lives in the same products directory.
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("concord")
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `concord` with `arguments`; its standard output is captured, or goes to `standardOutput`
    /// when one is given (such as /dev/full).
    /// With a `launcher` (such as `setpriv --reuid=…`), that program runs `concord`.
    static func run(_ arguments: [String], input: Data = Data(), in directory: URL = repository,
                    standardOutput: FileHandle? = nil, launcher: [String] = []) throws -> Outcome {
        // Standard input and error go through files, so no pipe can fill up and block.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("stdin"), errorFile = scratch.appendingPathComponent("stderr")
        try input.write(to: inputFile)
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [executable.path] + arguments
        process.currentDirectoryURL = directory
        let stdout = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = standardOutput ?? stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let output = standardOutput == nil ? stdout.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let error = try String(contentsOf: errorFile, encoding: .utf8)
        return Outcome(status: process.terminationStatus, output: output, error: error)
    }

    /// A fresh temporary directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
