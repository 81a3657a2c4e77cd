#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import ConcordText

/// Reads the fields Concord needs from one JSON object held in bytes, without building a
/// dictionary: wanted keys are decoded, every other value is skipped over.
///
/// Strings are decoded with all escapes; a lone surrogate escape (`\ud800` with no partner) becomes
/// U+FFFD and is counted, since Swift strings cannot hold it, except in the id, which is never
/// rewritten: there `\udc80`–`\udcff` are the bytes of a file name that is not UTF-8 (as
/// `DocumentID.json` writes them) and any other is an error. A `\u0000` escape marks binary input and is an error. Raw
/// bytes inside strings must be valid UTF-8; when lossy, invalid sequences become U+FFFD (counted),
/// except in the id, which keeps its bytes (`Value.bytes`).
package struct JSONObjectScanner {
    /// A decoded value of a wanted field.
    package enum Value: Equatable {
        case string(String)
        case integer(Int64)
        case other(String)
        case null
        /// A string that is not valid UTF-8, byte for byte (the id, when lossy).
        case bytes([UInt8])

        /// The value as a document id: a string or an integer, else `nil`.
        package var documentID: DocumentID? {
            switch self {
            case .string(let text): .string(text)
            case .integer(let value): .integer(value)
            case .bytes(let bytes): DocumentID(path: bytes)
            default: nil
            }
        }
    }

    package struct Failure: Error, Equatable {
        /// Byte offset in the line.
        package var offset: Int
        package var message: String
        /// A JSON syntax error (false for valid JSON that Concord refuses: a NUL, a lone surrogate id).
        package var isSyntax = true
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let lossy: Bool
    private let idSlot: Int?
    private var index = 0
    /// Lone surrogate escapes and (when lossy) invalid UTF-8 sequences replaced by U+FFFD so far.
    package private(set) var replacements = 0

    /// - Parameters:
    ///   - lossy: replace invalid UTF-8 inside strings with U+FFFD instead of failing.
    ///   - idSlot: the slot of the id field, whose string is never rewritten.
    package init(_ bytes: UnsafeBufferPointer<UInt8>, lossy: Bool = false, idSlot: Int? = nil) {
        self.bytes = bytes
        self.lossy = lossy
        self.idSlot = idSlot
    }

    /// Scans the object; calls `wants` with each raw key (unescaped keys only, which is what JSONL
    /// writers produce for field names) and stores the values of wanted keys.
    ///
    /// - Returns: values by the index `wants` gave, `nil` where a key was absent.
    /// - Complexity: O(*n*) in the line's bytes.
    package mutating func scan(fieldCount: Int, wants: (UnsafeBufferPointer<UInt8>) -> Int?) throws(Failure) -> [Value?] {
        var values = [Value?](repeating: nil, count: fieldCount)
        skipWhitespace()
        try expect(UInt8(ascii: "{"), "expected a JSON object starting with '{'")
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            try expectEnd()
            return values
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a field name in double quotes") }
            let keyStart = index + 1
            try skipString()
            let key = UnsafeBufferPointer(rebasing: bytes[keyStart..<(index - 1)])
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected ':' after a field name")
            skipWhitespace()
            if let slot = wants(key) {
                values[slot] = try parseValue(exact: slot == idSlot)
            } else {
                try skipValue()
            }
            skipWhitespace()
            guard let next = peek() else { throw fail("unexpected end of line inside the object") }
            index += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { index -= 1; throw fail("expected ',' or '}'") }
        }
        try expectEnd()
        return values
    }

    // MARK: - Values

    /// - Parameter exact: the value is the id: refuse what would have to be rewritten.
    private mutating func parseValue(exact: Bool) throws(Failure) -> Value {
        guard let first = peek() else { throw fail("expected a value") }
        switch first {
        case UInt8(ascii: "\""):
            return try parseString(exact: exact)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try skipNumber()
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if let integer = Int64(text) { return .integer(integer) }
            return .other(text)
        default:
            let start = index
            try skipValue()
            return .other(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
    }

    /// Decodes the string at `index` into a temporary buffer as long as the rest of the line
    /// (unescaping never lengthens a string), then validates and copies it once into a `String`.
    private mutating func parseString(exact: Bool) throws(Failure) -> Value {
        index += 1
        let start = index
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count - index + 4) {
            (output) throws(Failure) -> Value in
            var written = 0
            while true {
                // The next quote or backslash, found with memchr over the remaining bytes.
                let stop = nextQuoteOrBackslash(from: index)
                guard stop < bytes.count else { throw fail("unterminated string") }
                if stop > index {
                    (output.baseAddress! + written).update(from: bytes.baseAddress! + index, count: stop - index)
                    written += stop - index
                }
                index = stop + 1
                if bytes[stop] == UInt8(ascii: "\"") { break }
                guard index < bytes.count else { throw fail("unterminated escape") }
                let escape = bytes[index]
                index += 1
                let unescaped: UInt8
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped = escape
                case UInt8(ascii: "b"): unescaped = 0x08
                case UInt8(ascii: "f"): unescaped = 0x0C
                case UInt8(ascii: "n"): unescaped = 0x0A
                case UInt8(ascii: "r"): unescaped = 0x0D
                case UInt8(ascii: "t"): unescaped = 0x09
                case UInt8(ascii: "u"):
                    switch try parseUnicodeEscape(exact: exact) {
                    case .scalar(let scalar):
                        for byte in UTF8.encode(scalar)! {
                            output[written] = byte
                            written += 1
                        }
                    case .fileNameByte(let byte):
                        output[written] = byte
                        written += 1
                    }
                    continue
                default:
                    index -= 1
                    throw fail("invalid escape '\\\(Unicode.Scalar(escape))'")
                }
                output[written] = unescaped
                written += 1
            }
            let decoded = UnsafeBufferPointer(rebasing: output[..<written])
            if let text = String(validating: decoded, as: UTF8.self) { return .string(text) }
            // Escapes are ASCII, so the first bad byte of the raw string is the one to name; when the
            // raw string is valid, the invalid bytes came from file-name escapes in an id.
            let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index])
            let firstInvalid = UTF8Decoding.firstInvalidOffset(in: raw)
            if exact, lossy || firstInvalid == nil { return .bytes(Array(decoded)) }
            guard lossy else {
                let likely = EncodingDetection.likelyEncoding(of: UnsafeRawBufferPointer(bytes))
                throw Failure(offset: start + (firstInvalid ?? 0), message: "invalid UTF-8 inside a string" + TextError.encodingAdvice(likely: likely))
            }
            replacements += UTF8Decoding.replacementCount(in: UnsafeRawBufferPointer(decoded), from: 0)
            return .string(String(decoding: decoded, as: UTF8.self))
        }
    }

    /// The offset of the first `"` or `\` at or after `start`, or `bytes.count`.
    private func nextQuoteOrBackslash(from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count - start
        let quote = memchr(base + start, Int32(UInt8(ascii: "\"")), count)
        let limit = quote.map { UnsafeRawPointer($0) - UnsafeRawPointer(base + start) } ?? count
        let backslash = memchr(base + start, Int32(UInt8(ascii: "\\")), limit)
        let end = backslash.map { UnsafeRawPointer($0) - UnsafeRawPointer(base + start) } ?? limit
        return start + end
    }

    /// What a `\u` escape stands for.
    private enum UnicodeEscape {
        case scalar(Unicode.Scalar)
        /// A lone `\udc80`–`\udcff` in an id: the byte 80–FF of a file name that is not UTF-8, as
        /// `DocumentID.json` writes it (PEP 383).
        case fileNameByte(UInt8)
    }

    /// After `\u`: four hex digits, joined with a following low surrogate escape when it is a pair.
    /// A lone surrogate becomes U+FFFD (counted); when `exact` (the id), one in U+DC80–U+DCFF is a
    /// file-name byte and any other fails. `\u0000` fails.
    private mutating func parseUnicodeEscape(exact: Bool) throws(Failure) -> UnicodeEscape {
        let escapeStart = index - 2
        let high = try parseHex4()
        if high == 0 {
            throw Failure(offset: escapeStart, message: TextError.nul(line: nil, column: escapeStart + 1).description, isSyntax: false)
        }
        func lone() throws(Failure) -> UnicodeEscape {
            guard !exact else {
                if (0xDC80...0xDCFF).contains(high) { return .fileNameByte(UInt8(high - 0xDC00)) }
                throw Failure(offset: escapeStart, message: "the id holds a lone surrogate escape (\\u\(String(high, radix: 16))) at column \(escapeStart + 1): ids must be valid Unicode (or file-name bytes escaped \\udc80–\\udcff) and Concord never rewrites them; fix the id in the input", isSyntax: false)
            }
            replacements += 1
            return .scalar("\u{FFFD}")
        }
        if (0xD800...0xDBFF).contains(high) {
            if index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let low = try parseHex4()
                if (0xDC00...0xDFFF).contains(low) {
                    return .scalar(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                }
                index = save
            }
            return try lone()
        }
        if (0xDC00...0xDFFF).contains(high) { return try lone() }
        return .scalar(Unicode.Scalar(high)!)
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: - Skipping

    private mutating func skipValue() throws(Failure) {
        guard let first = peek() else { throw fail("expected a value") }
        switch first {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw fail("expected a value")
        }
    }

    private mutating func skipString() throws(Failure) {
        index += 1
        while true {
            let stop = nextQuoteOrBackslash(from: index)
            guard stop < bytes.count else { index = bytes.count; throw fail("unterminated string") }
            if bytes[stop] == UInt8(ascii: "\"") { index = stop + 1; return }
            index = stop + 2
        }
    }

    /// Skips an object or array by counting brackets outside strings.
    private mutating func skipContainer() throws(Failure) {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                try skipString()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { index += 1; return }
            default: break
            }
            index += 1
        }
        throw fail("unterminated object or array")
    }

    private mutating func skipNumber() throws(Failure) {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                if index == start { throw fail("expected a number") }
                return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count,
              bytes[index..<(index + count)].elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: count))
        else { throw fail("invalid literal") }
        index += count
    }

    // MARK: - Helpers

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(Failure) {
        guard peek() == byte else { throw fail(message) }
        index += 1
    }

    private mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the object") }
    }

    private func fail(_ message: String) -> Failure { Failure(offset: index, message: message) }
}
