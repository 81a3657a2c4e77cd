#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    var line = text
    line.append("\n")
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

/// Whether a file descriptor is a terminal (for colour and progress).
func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }
