#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConcordCorpus
import Foundation

/// Writes `text` and a newline to standard error. (A failure to write there cannot be reported.)
func printError(_ text: String) {
    var line = text.terminalSafe
    line.append("\n")
    line.withUTF8 { try? OutputFiles.writeAll(UnsafeRawBufferPointer($0), to: 2, name: "standard error") }
}

/// Overwrites the current terminal line on standard error (progress); an empty text clears it.
func printErrorInPlace(_ text: String) {
    var line = "\r\u{1B}[K" + text
    line.withUTF8 { try? OutputFiles.writeAll(UnsafeRawBufferPointer($0), to: 2, name: "standard error") }
}

/// Buffered writing to standard output: `print` costs a lock and a flush decision per call, which
/// dominates when a command writes one short line per input line. Every write is checked: the
/// first failure (a full disk, a closed descriptor) is kept, later output is dropped, and `finish()`
/// throws it, so a command never exits 0 with its output cut short.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let flushThreshold = 1 << 16
    /// The first write that failed.
    private(set) var failure: CorpusError?

    init() { bytes.reserveCapacity(flushThreshold) }

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= flushThreshold { flush() }
    }

    mutating func writeLine(_ text: String) {
        write(text)
        bytes.append(0x0A)
    }

    /// Writes what is buffered, keeping the first failure.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        if failure == nil {
            do {
                try bytes.withUnsafeBytes { try OutputFiles.writeAll($0, to: 1, name: "standard output") }
            } catch let error as CorpusError {
                failure = error
            } catch {}
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and throws the first failure, if any.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }
}

extension OutputBuffer {
    /// Writes `text` to `file` (all or nothing, see `OutputFiles`) or, when `file` is nil or "-",
    /// to standard output, checked.
    static func emit(_ text: String, to file: String?) throws {
        guard let file, file != "-" else {
            var output = OutputBuffer()
            output.write(text)
            try output.finish()
            return
        }
        try OutputFiles.write(text, to: file)
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
