#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    var line = text
    line.append("\n")
    line.withUTF8 { writeAll(descriptor: 2, UnsafeRawBufferPointer($0)) }
}

/// Overwrites the current terminal line on standard error (progress); an empty text clears it.
func printErrorInPlace(_ text: String) {
    var line = "\r\u{1B}[K" + text
    line.withUTF8 { writeAll(descriptor: 2, UnsafeRawBufferPointer($0)) }
}

/// Writes every byte, retrying after partial writes and interruptions.
func writeAll(descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// Buffered writing to standard output: `print` costs a lock and a flush decision per call, which
/// dominates when a command writes one short line per input line.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let flushThreshold = 1 << 16

    init() { bytes.reserveCapacity(flushThreshold) }

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= flushThreshold { flush() }
    }

    mutating func writeLine(_ text: String) {
        write(text)
        bytes.append(0x0A)
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { writeAll(descriptor: 1, $0) }
        bytes.removeAll(keepingCapacity: true)
    }
}

extension OutputBuffer {
    /// Writes `text` to `file` (atomically) or, when `file` is nil, to standard output.
    static func emit(_ text: String, to file: String?) throws {
        guard let file else {
            var output = OutputBuffer()
            output.write(text)
            output.flush()
            return
        }
        do {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("\(file): cannot write (\(error.localizedDescription))")
        }
    }
}

/// Whether a file descriptor is a terminal (for colour and progress).
func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

extension Int {
    /// The number with thousands separators: 12,345.
    var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
