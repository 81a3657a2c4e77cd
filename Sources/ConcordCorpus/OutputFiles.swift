#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written all or nothing. Each file is written to a temporary file beside its destination
/// (`.NAME.concord-PID.tmp`), every write and the final `fsync` and `close` checked, and only when
/// every file of the set was written are they renamed over their destinations, so a failure (a full
/// disk, a killed run) never leaves a half-result that looks whole. Temporary files that a killed
/// run left behind are removed by the next write to the same destination.
///
/// A destination that exists and is not a regular file (`/dev/null`, a named pipe, a terminal) is
/// never replaced: its bytes are kept until `commit`, then written to it, after every other file of
/// the set was staged.
package struct OutputFiles {
    /// How a staged file reaches its destination.
    private enum Staged {
        /// A temporary file, renamed over the destination.
        case renamed(temporary: String)
        /// Bytes written into the destination itself, a device or a pipe.
        case streamed([UInt8])
    }

    private var staged: [(how: Staged, destination: String)] = []

    package init() {}

    /// Writes `bytes` to a temporary file for `destination` (or keeps them, for a destination that
    /// is not a regular file).
    ///
    /// - Throws: `CorpusError` naming `destination` and the system's reason; nothing is left behind.
    /// - Complexity: O(*n*) in the bytes written.
    package mutating func stage(_ bytes: UnsafeRawBufferPointer, to destination: String) throws {
        var info = stat()
        if stat(destination, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw CorpusError(file: destination, "is a directory; give a file name")
            case S_IFREG: break
            default:
                staged.append((.streamed(Array(bytes)), destination))
                return
            }
        }
        Self.removeStaleTemporaries(for: destination)
        let temporary = Self.temporaryPath(for: destination, pid: getpid())
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.failure(destination, "cannot create \(temporary)") }
        do {
            try Self.writeAll(bytes, to: descriptor, name: destination)
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw Self.failure(destination, "cannot write") }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = Self.failure(destination, "cannot write")
            unlink(temporary)
            throw error
        }
        staged.append((.renamed(temporary: temporary), destination))
    }

    /// `stage` for text.
    package mutating func stage(_ text: String, to destination: String) throws {
        var text = text
        try text.withUTF8 { try stage(UnsafeRawBufferPointer($0), to: destination) }
    }

    /// Renames every staged file over its destination (or writes it into a device or pipe), in order.
    ///
    /// - Throws: `CorpusError` when a rename or write fails; the files not yet renamed are removed.
    package mutating func commit() throws {
        defer { staged = [] }
        for (index, file) in staged.enumerated() {
            do {
                try Self.deliver(file.how, to: file.destination)
            } catch {
                Self.remove(staged[(index + 1)...].map(\.how))
                throw error
            }
        }
    }

    /// Removes every staged file without touching the destinations.
    package mutating func discard() {
        Self.remove(staged.map(\.how))
        staged = []
    }

    /// Moves one staged file to `destination`.
    private static func deliver(_ file: Staged, to destination: String) throws {
        switch file {
        case .renamed(let temporary):
            guard rename(temporary, destination) == 0 else {
                let error = failure(destination, "cannot replace")
                unlink(temporary)
                throw error
            }
        case .streamed(let bytes):
            let descriptor = open(destination, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(destination, "cannot open") }
            do {
                try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, name: destination) }
            } catch {
                close(descriptor)
                throw error
            }
            guard close(descriptor) == 0 else { throw failure(destination, "cannot write") }
        }
    }

    /// Removes the temporary files among `files`.
    private static func remove(_ files: some Sequence<Staged>) {
        for case .renamed(let temporary) in files { unlink(temporary) }
    }

    /// Writes `text` to `destination` alone, all or nothing.
    package static func write(_ text: String, to destination: String) throws {
        var files = OutputFiles()
        do {
            try files.stage(text, to: destination)
            try files.commit()
        } catch {
            files.discard()
            throw error
        }
    }

    /// Writes every byte to `descriptor`, retrying after partial writes and interruptions.
    ///
    /// - Throws: `CorpusError` naming `name` with errno's text.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(name, "cannot write")
            }
            if written == 0 { throw CorpusError(file: name, "cannot write: nothing was written") }
            offset += written
        }
    }

    static func failure(_ name: String, _ what: String) -> CorpusError {
        CorpusError(file: name, "\(what): \(String(cString: strerror(errno)))")
    }

    static func temporaryPath(for destination: String, pid: pid_t) -> String {
        let (directory, name) = split(destination)
        return directory + "." + name + ".concord-\(pid).tmp"
    }

    /// The directory part (with its slash, or empty) and the file name of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    /// Removes temporary files of `destination` whose process no longer runs.
    static func removeStaleTemporaries(for destination: String) {
        let (directory, name) = split(destination)
        guard let listing = opendir(directory.isEmpty ? "." : directory) else { return }
        defer { closedir(listing) }
        let prefix = "." + name + ".concord-", suffix = ".tmp"
        while let entry = readdir(listing) {
            let entryName = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(suffix),
                  let pid = pid_t(entryName.dropFirst(prefix.count).dropLast(suffix.count)), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + entryName)
        }
    }
}

/// The system's `write(2)` (the name is taken inside `OutputFiles`).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
