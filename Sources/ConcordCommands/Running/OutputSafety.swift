#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// No output may replace an input: every output path a command would write is checked, before any
/// work, against every input it reads. Files are compared by device and inode, so `./x`, `x`, a
/// symbolic link to it and a hard link of it are one file; an existing file inside an input
/// directory counts as an input (it may be read as a report); and two outputs may not name one file.
enum OutputSafety {
    /// - Parameters:
    ///   - outputs: each output as (the option that named it, its path); standard output ("-") is skipped.
    ///   - inputs: the input paths (files or directories; "-" is skipped).
    /// - Throws: `ValidationError` naming the option, the output and the input it would replace.
    static func check(outputs: [(option: String, path: String)], inputs: [String]) throws {
        var seen: [(option: String, path: String, place: String)] = []
        for output in outputs where output.path != "-" {
            // Outputs are told apart by where they would be written, whether or not they exist yet.
            let place = FileIdentity(output.path).map { "\($0.device):\($0.inode)" } ?? absolutePath(output.path)
            if let earlier = seen.first(where: { $0.place == place }) {
                throw ValidationError("\(output.option) \(output.path) is the same file as \(earlier.option) \(earlier.path); give each output its own file.")
            }
            seen.append((output.option, output.path, place))
            guard let identity = FileIdentity(output.path) else { continue }
            for input in inputs where input != "-" {
                guard let inputIdentity = FileIdentity(input) else { continue }
                if inputIdentity == identity {
                    throw ValidationError("\(output.option) \(output.path) is the input \(input); write to another file.")
                }
                if inputIdentity.isDirectory, let directory = realPath(input), let file = realPath(output.path),
                   file.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/") {
                    throw ValidationError("\(output.option) \(output.path) lies inside the input directory \(input), where it would be read as a report; write it elsewhere.")
                }
            }
        }
    }

    /// A file as the system knows it: device and inode (after following symbolic links).
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
        var isDirectory: Bool

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        }
    }

    /// `path` with its directory resolved (the file itself need not exist).
    private static func absolutePath(_ path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (realPath(directory) ?? directory) + "/" + name
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
