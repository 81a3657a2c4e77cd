#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a directory tree, found with the system's own calls so that nothing is lost on the
/// way: symbolic links are followed (to files and to directories), a link that leads back to a
/// directory it lies in is reported as a loop instead of followed forever, every entry that cannot
/// be read (an unreadable directory, a broken link, a device) is reported with the system's
/// reason, and paths are kept as bytes, so a name that is not UTF-8 keeps its exact bytes.
struct DirectoryWalk {
    /// One entry of the tree: a regular file to read, or one that is skipped and why.
    enum Entry {
        case file(relative: [UInt8], full: [UInt8])
        case skipped(relative: [UInt8], reason: String)

        var relative: [UInt8] {
            switch self {
            case .file(let relative, _), .skipped(let relative, _): relative
            }
        }
    }

    /// Where a directory is: device and inode, after following links.
    fileprivate struct Place: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let root: [UInt8]
    /// Lowercased extensions (without the dot) of the files to take; empty takes every file.
    let extensions: Set<String>

    /// Every file with a wanted extension and every entry that cannot be used, in byte order of
    /// their paths relative to the root. Hidden entries (names starting with a dot) are passed over.
    ///
    /// - Throws: `CorpusError` when the root itself cannot be listed.
    /// - Complexity: O(*e* log *e*) for *e* entries, plus one `stat` each.
    func entries() throws -> [Entry] {
        var info = stat()
        guard Self.status(root, &info) == 0 else { throw Self.failure(root, "cannot read the directory") }
        var found: [Entry] = []
        var ancestors: Set<Place> = [Place(info)]
        guard walk(root, relative: [], ancestors: &ancestors, into: &found) else {
            throw Self.failure(root, "cannot list the directory")
        }
        return found.sorted { $0.relative.lexicographicallyPrecedes($1.relative) }
    }

    /// Adds the entries below `directory`; false when `directory` itself cannot be listed.
    private func walk(_ directory: [UInt8], relative: [UInt8], ancestors: inout Set<Place>, into found: inout [Entry]) -> Bool {
        guard let listing = directory.withCString({ opendir($0) }) else { return false }
        var names: [[UInt8]] = []
        while let entry = readdir(listing) {
            // d_name is read up to its NUL only: a short record may end before the field's 256 bytes.
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name.first != UInt8(ascii: ".") { names.append(name) }
        }
        closedir(listing)
        for name in names {
            let full = directory + [UInt8(ascii: "/")] + name
            let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            var info = stat()
            guard Self.status(full, &info) == 0 else {
                var link = stat()
                let broken = full.withCString { lstat($0, &link) } == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                found.append(.skipped(relative: path, reason: broken ? "a broken symbolic link" : Self.reason("cannot be read")))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let place = Place(info)
                guard !ancestors.contains(place) else {
                    found.append(.skipped(relative: path, reason: "a symbolic link loop (it leads back to a directory that contains it)"))
                    continue
                }
                ancestors.insert(place)
                if !walk(full, relative: path, ancestors: &ancestors, into: &found) {
                    found.append(.skipped(relative: path, reason: Self.reason("a directory that cannot be read")))
                }
                ancestors.remove(place)
            case S_IFREG:
                if extensions.isEmpty || extensions.contains(Self.fileExtension(name)) {
                    found.append(.file(relative: path, full: full))
                }
            default:
                if extensions.isEmpty || extensions.contains(Self.fileExtension(name)) {
                    found.append(.skipped(relative: path, reason: "not a regular file"))
                }
            }
        }
        return true
    }

    /// The lowercased extension of a file name ("" when it has none).
    static func fileExtension(_ name: [UInt8]) -> String {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    private static func status(_ path: [UInt8], _ info: inout stat) -> Int32 {
        path.withCString { stat($0, &info) }
    }

    private static func reason(_ what: String) -> String { "\(what): \(String(cString: strerror(errno)))" }

    private static func failure(_ path: [UInt8], _ what: String) -> CorpusError {
        CorpusError(file: DocumentID(path: path).description, reason(what))
    }
}

extension DirectoryWalk.Place {
    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with the bytes as a NUL-terminated C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        (self + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }
}
