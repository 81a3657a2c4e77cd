#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the lines of a scraped report that are not part of the article: script fragments
/// (`cnxps.cmd.push(function () {…});`, `if(window.location…){…}`) and page furniture (share,
/// subscribe, "read more", "follow us", advertisement markers). It never rewrites text: it reports
/// which byte ranges of the original to keep, so every later offset still points into the source.
public struct ScrapeCleaner: Sendable {
    /// Why a line was removed.
    public enum Reason: String, Sendable {
        case script
        case pageFurniture = "page-furniture"
    }

    /// A removed line: its UTF-8 byte range in the source (without the line break) and why.
    public struct RemovedLine: Equatable, Sendable {
        public var range: Range<Int>
        public var reason: Reason
    }

    /// The outcome for one text.
    public struct Result: Equatable, Sendable {
        /// UTF-8 byte ranges of the source to keep, in order (one per kept line, line breaks excluded).
        public var kept: [Range<Int>]
        public var removed: [RemovedLine]
    }

    /// Lines with more words than this are article text even if they mention "subscribe" or "share".
    public var furnitureMaxWords = 14

    public init() {}

    /// Splits `text` into lines and sorts each into kept or removed.
    ///
    /// - Complexity: O(*n*) in the bytes of the text.
    public func clean(_ text: String) -> Result {
        var copy = text
        return copy.withUTF8 { clean($0) }
    }

    /// `text` without its script and page-furniture lines (each removed with its line break);
    /// every other byte, blank lines included, is kept as it was. For showing a cleaned text
    /// (`concord diff`), where offsets into the source are not needed.
    ///
    /// - Complexity: O(*n*) in the bytes of the text.
    public func removingJunk(from text: String) -> (text: String, removed: [RemovedLine]) {
        let removed = clean(text).removed
        guard !removed.isEmpty else { return (text, []) }
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var next = 0
        for line in removed {
            kept += bytes[next..<line.range.lowerBound]
            next = min(bytes.count, line.range.upperBound + 1)
        }
        kept += bytes[next...]
        return (String(decoding: kept, as: UTF8.self), removed)
    }

    /// `clean` over the text's UTF-8 bytes.
    package func clean(_ text: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result(kept: [], removed: [])
        guard let base = text.baseAddress else { return result }
        var lineStart = 0
        while lineStart < text.count {
            let newline = memchr(base + lineStart, 0x0A, text.count - lineStart)
            let lineEnd = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? text.count
            let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
            if let reason = classify(line) {
                result.removed.append(RemovedLine(range: lineStart..<lineEnd, reason: reason))
            } else if lineEnd > lineStart {
                result.kept.append(lineStart..<lineEnd)
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Why `line` is junk, or `nil` when it is article text.
    ///
    /// - Complexity: O(*n*) in the line's bytes. Prose is ruled out cheaply: a script statement
    ///   always holds `{`, `;` or `=` (found with `memchr`), and page furniture is a short line.
    func classify(_ line: UnsafeBufferPointer<UInt8>) -> Reason? {
        guard let base = line.baseAddress, !line.isEmpty else { return nil }
        let mayBeScript = memchr(base, Int32(UInt8(ascii: "{")), line.count) != nil
            || memchr(base, Int32(UInt8(ascii: ";")), line.count) != nil
            || memchr(base, Int32(UInt8(ascii: "=")), line.count) != nil
        if mayBeScript {
            let punctuation = line.reduce(0) { $0 + (Self.isCodePunctuation($1) ? 1 : 0) }
            let density = Double(punctuation) / Double(line.count)
            if density >= 0.04 && Self.looksLikeScript(Self.lowercasedASCII(line), density: density) { return .script }
        }
        return looksLikeFurniture(line) ? .pageFurniture : nil
    }

    /// Longer lines are never page furniture (at most `furnitureMaxWords` words of ordinary length).
    static let furnitureMaxBytes = 200

    /// { } ( ) ; = < > [ ]
    @inline(__always)
    static func isCodePunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    // MARK: - Script fragments

    /// Substrings that occur in script code and almost never in prose.
    static let scriptMarkers: [[UInt8]] = [
        "function(", "function (", "=>", "){", ") {", "});", "})", "();", "window.", "document.",
        "console.", ".push(", ".render(", "var ", "const ", "!= -1", "!==", "===", "<script", "</script",
        "getelementby", "addeventlistener", ".style.", "googletag", "innerhtml", "jquery", "$(",
    ].map { Array($0.utf8) }

    /// A line is script when its share of code punctuation ({ } ( ) ; = < > [ ]) is at least 4 % and
    /// it holds two or more script markers, or the share is at least 6 % and it holds one marker
    /// and ends like a statement (; or }).
    static func looksLikeScript(_ line: [UInt8], density: Double) -> Bool {
        let markers = scriptMarkers.reduce(0) { $0 + (contains(line[...], $1) ? 1 : 0) }
        if markers >= 2 { return true }
        let trimmed = trimmedASCII(line)
        let statementEnd = trimmed.last == UInt8(ascii: ";") || trimmed.last == UInt8(ascii: "}")
        return markers >= 1 && statementEnd && density >= 0.06
    }

    // MARK: - Page furniture

    /// Openings of share, subscribe and navigation lines.
    static let furnitureOpenings: [[UInt8]] = [
        "share this", "share on", "share article", "share:", "click to share", "tweet this",
        "subscribe", "sign up", "newsletter", "get our newsletter", "read more", "read also", "read next",
        "also read", "related:", "related articles", "related stories", "recommended:", "more:",
        "follow us", "click here", "tap here", "download our app", "download the app", "join our",
        "advertisement", "sponsored", "copyright", "all rights reserved", "(c) ", "© ",
        "watch:", "watch the video", "listen:", "photo:", "image:", "video:",
        "leave a comment", "print this", "email this", "you may also like",
        "don't miss", "don’t miss", "trending now", "most read", "see also", "continue reading",
        "this article was", "this story was", "editor's note", "editor’s note",
        "skip to", "loading", "listen to this", "we use cookies", "this site uses cookies", "story continues",
        "reporting by", "editing by", "additional reporting by", "our standards", "this story has been shared",
        "this article originally appeared", "originally published", "get the app",
    ].map { Array($0.utf8) }

    /// `furnitureOpenings` by their first byte, so that a line is compared only with the openings
    /// that start like it (most lines of prose match none).
    static let furnitureOpeningsByFirstByte: [[[UInt8]]] = furnitureOpenings.reduce(into: Array(repeating: [], count: 256)) {
        $0[Int($1[0])].append($1)
    }

    /// Lines made only of these words are sharing buttons.
    static let sharingWords: [[UInt8]] = ["share", "tweet", "email", "print", "facebook", "twitter",
                                          "whatsapp", "telegram", "linkedin", "pinterest", "reddit"].map { Array($0.utf8) }

    /// A short line (at most `furnitureMaxWords` words) that opens with a furniture phrase, or a line
    /// that is one of the bare sharing words. Words are counted before the line is copied in
    /// lowercase, since most short lines of prose have too many.
    func looksLikeFurniture(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= Self.furnitureMaxBytes else { return false }
        let trimmed = Self.trimmedASCII(line)
        guard !trimmed.isEmpty else { return false }
        let words = Self.wordCount(UnsafeBufferPointer(rebasing: trimmed), upTo: furnitureMaxWords + 1)
        guard words <= furnitureMaxWords else { return false }
        let body = Self.lowercasedASCII(trimmed)[...].drop(while: { !Self.isLetterOrDigit($0) && $0 < 0x80 && $0 != UInt8(ascii: "(") })
        if let first = body.first, Self.furnitureOpeningsByFirstByte[Int(first)].contains(where: { body.starts(with: $0) }) {
            return true
        }
        // A site header: "Outlet | Section | 2021".
        if words <= 6 && Self.contains(body, Self.headerSeparator) { return true }
        return Self.isSharingButtons(body)
    }

    static let headerSeparator = Array(" | ".utf8)

    /// Whether `body` is made only of sharing words ("Facebook Twitter WhatsApp"), checked word by
    /// word with an early exit, since most lines fail at the first word.
    static func isSharingButtons(_ body: ArraySlice<UInt8>) -> Bool {
        var index = body.startIndex, words = 0
        while index < body.endIndex {
            guard isLetterOrDigit(body[index]) else { index += 1; continue }
            let start = index
            while index < body.endIndex, isLetterOrDigit(body[index]) { index += 1 }
            guard sharingWords.contains(where: { $0.elementsEqual(body[start..<index]) }) else { return false }
            words += 1
        }
        return words > 0
    }

    // MARK: - Byte helpers

    /// Words separated by spaces or tabs, counted up to `limit` (a long paragraph stops early):
    /// eight bytes at a time, a word being a byte that is not a separator after one that is.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        var count = 0, index = 0
        // The high bit of byte −1: set when the byte before the chunk is a separator (or absent).
        var separatorBefore: UInt64 = 0x80
        while index + 8 <= bytes.count {
            let chunk = WordSegmenter.load8(bytes, at: index)
            let separators = WordSegmenter.inRange(chunk, 0x20, 0x20) | WordSegmenter.inRange(chunk, 0x09, 0x09)
            let afterSeparator = separators << 8 | separatorBefore
            count += (afterSeparator & ~separators & WordSegmenter.highBits).nonzeroBitCount
            if count >= limit { return limit }
            separatorBefore = separators >> 56
            index += 8
        }
        var inWord = separatorBefore == 0
        for byte in bytes[index...] {
            let isSeparator = byte == 0x20 || byte == 0x09
            if !isSeparator && !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = !isSeparator
        }
        return count
    }

    static func lowercasedASCII(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
    }

    static func trimmedASCII<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte >= 0x80
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
