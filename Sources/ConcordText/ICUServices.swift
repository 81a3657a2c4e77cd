internal import CICUShim

/// Internal Swift handles over the C shim. They own ICU objects and are not thread-safe: each
/// normalizer or tokenizer keeps its own, so parallel work uses one per thread.
///
/// UTF-16 is ICU's working encoding; these helpers take and return `[UInt16]` so callers can map
/// offsets back to UTF-8 themselves.
enum ICU {
    /// Unicode NFKC_Casefold of `text`.
    static func nfkcCasefold(_ text: [UInt16]) throws(TextError) -> [UInt16] {
        try growing({ destination, capacity, error in
            text.withUnsafeBufferPointer { source in
                concord_nfkc_casefold(source.baseAddress, Int32(source.count), destination, capacity, &error)
            }
        }, what: "NFKC_Casefold")
    }

    /// Unicode canonical decomposition (NFD) of `text`.
    static func nfd(_ text: [UInt16]) throws(TextError) -> [UInt16] {
        try growing({ destination, capacity, error in
            text.withUnsafeBufferPointer { source in
                concord_nfd(source.baseAddress, Int32(source.count), destination, capacity, &error)
            }
        }, what: "NFD")
    }

    /// The script code of a scalar, as ICU's UScriptCode.
    static func scriptCode(_ scalar: Unicode.Scalar) -> Int32 {
        concord_script_code(scalar.value)
    }

    static let commonScript: Int32 = 0
    static let inheritedScript: Int32 = 1
    static let latinScript: Int32 = 25

    /// Calls an ICU "preflighting" function with a buffer, growing it once when ICU asks for more.
    fileprivate static func growing(
        _ call: (UnsafeMutablePointer<UInt16>?, Int32, inout Int32) -> Int32,
        what: String
    ) throws(TextError) -> [UInt16] {
        var capacity = 64
        while true {
            var error: Int32 = 0
            var length: Int32 = 0
            let output = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                length = call(buffer.baseAddress, Int32(buffer.count), &error)
                count = error == 0 ? Int(length) : 0
            }
            if error == CONCORD_ICU_BUFFER_OVERFLOW, Int(length) > capacity {
                capacity = Int(length)
                continue
            }
            if error != 0 { throw .icu(what, errorName(error)) }
            return output
        }
    }

    static func errorName(_ error: Int32) -> String {
        String(cString: concord_error_name(error))
    }
}

/// An ICU transliterator, opened once by compound ID and reused.
final class ICUTransliterator {
    private let handle: OpaquePointer

    init(_ identifier: String) throws(TextError) {
        var error: Int32 = 0
        guard let handle = concord_transliterator_open(identifier, &error) else {
            throw .icu("transliterator \(identifier)", ICU.errorName(error))
        }
        self.handle = handle
    }

    deinit { concord_transliterator_close(handle) }

    func transliterate(_ text: [UInt16]) throws(TextError) -> [UInt16] {
        try ICU.growing({ destination, capacity, error in
            text.withUnsafeBufferPointer { source in
                concord_transliterate(handle, source.baseAddress, Int32(source.count), destination, capacity, &error)
            }
        }, what: "transliteration")
    }
}

/// An ICU break iterator (words or sentences), reused across texts.
final class ICUBreaker {
    enum Kind { case words, sentences }

    /// One segment between two boundaries, in UTF-16 offsets, with ICU's rule status.
    struct Segment {
        var start: Int
        var end: Int
        var status: Int32
    }

    private let handle: OpaquePointer

    init(_ kind: Kind) throws(TextError) {
        var error: Int32 = 0
        let type = kind == .words ? concord_break_words : concord_break_sentences
        guard let handle = concord_breaker_open(type, &error) else {
            throw .icu("break iterator", ICU.errorName(error))
        }
        self.handle = handle
    }

    deinit { concord_breaker_close(handle) }

    /// Every segment of `text`, in order; they tile the text.
    func segments(_ text: [UInt16]) throws(TextError) -> [Segment] {
        guard !text.isEmpty else { return [] }
        let capacity = text.count + 1
        var boundaries = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        var error: Int32 = 0
        let count = text.withUnsafeBufferPointer { source in
            concord_breaker_segment(handle, source.baseAddress, Int32(source.count),
                                    &boundaries, &statuses, Int32(capacity), &error)
        }
        if error != 0 { throw .icu("segmentation", ICU.errorName(error)) }
        var result: [Segment] = []
        result.reserveCapacity(Int(count))
        var index = 1
        while index < Int(count) {
            result.append(Segment(start: Int(boundaries[index - 1]), end: Int(boundaries[index]),
                                  status: statuses[index]))
            index += 1
        }
        return result
    }
}
