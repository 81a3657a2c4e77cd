#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CFuzzDriver

/// Runs libFuzzer on `test` with the process's arguments (libFuzzer's flags, corpus folders or
/// inputs to replay) and returns its exit status.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

/// A property a harness checks did not hold: prints what and aborts, so libFuzzer keeps the input
/// as a crash (`crash-…`) and `Fuzz/run` fails.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    let report = Array("FUZZ PROPERTY FAILED at \(file):\(line): \(message())\n".utf8)
    _ = report.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    abort()
}

/// A file the readers can be pointed at, rewritten for every input: in this process's own folder
/// (under $TMPDIR, or /dev/shm when it exists, to keep the disk out of the loop).
public final class ScratchFile {
    public let path: String

    /// - Parameter name: the file's name; its extension matters to readers that guess the format.
    public init(name: String) {
        var base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        if access("/dev/shm", W_OK) == 0 { base = "/dev/shm" }
        let folder = "\(base)/concord-fuzz-\(getpid())"
        mkdir(folder, 0o700)
        path = "\(folder)/\(name)"
    }

    /// Replaces the file's content with `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        require(descriptor >= 0, "cannot create \(path): \(String(cString: strerror(errno)))")
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            require(count > 0, "cannot write \(path): \(String(cString: strerror(errno)))")
            written += count
        }
    }

    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }
}

/// libFuzzer's input as a buffer (the pointer may be null when the size is 0).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
    guard let data, size > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: data, count: size)
}

/// Quotes `text` as a CSV field (RFC 4180): in double quotes, a quote doubled.
public func csvField(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        if scalar == "\"" { result += "\"\"" } else { result.unicodeScalars.append(scalar) }
    }
    return result + "\""
}

/// Whether `bytes` contains `needle`.
public func contains(_ bytes: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
    guard needle.count <= bytes.count else { return false }
    return (0...(bytes.count - needle.count)).contains { start in
        (0..<needle.count).allSatisfy { bytes[start + $0] == needle[$0] }
    }
}

/// The value of an environment variable, if set.
public func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// The whole content of the file at `path`; a failure is a harness failure.
public func readFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    require(descriptor >= 0, "cannot open \(path): \(String(cString: strerror(errno)))")
    defer { close(descriptor) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        require(count >= 0, "cannot read \(path): \(String(cString: strerror(errno)))")
        if count == 0 { return result }
        result.append(contentsOf: chunk[0..<count])
    }
}
