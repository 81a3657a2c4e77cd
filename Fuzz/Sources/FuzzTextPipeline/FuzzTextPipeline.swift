import ConcordText
import FuzzSupport

// The text pipeline on arbitrary text: cleaning, word segmentation, normalization, name folding,
// sentences and name keys. The first byte picks the options (cleaning on or off, one of the four
// name-folding scopes); the rest, decoded as UTF-8 with repairs, is the text. Properties:
// - nothing crashes or throws on valid Unicode;
// - the cleaner's kept and removed lines are in order, disjoint and inside the text;
// - tokens are non-empty byte ranges in order, without overlap, on scalar boundaries, inside a kept
//   line when cleaning, each with a non-empty normalized text;
// - the same text gives the same tokens again (the second time from the pipeline's caches), and a
//   second pipeline whose caches were filled in another order gives the same ids and texts;
// - sentences are in order, disjoint and inside the text.

private let optionCount = 2 * NameFoldingScope.allCases.count
private func makePipelines() -> [TextPipeline] {
    (0..<optionCount).map { index in
        let options = TextPipeline.Options(clean: index % 2 == 1, nameFolding: NameFoldingScope.allCases[index / 2])
        do { return try TextPipeline(options: options) } catch { fatalError("cannot make a pipeline: \(error)") }
    }
}
nonisolated(unsafe) private let pipelines = makePipelines()
/// The same options, fed each text line by line in reverse first.
nonisolated(unsafe) private let others = makePipelines()
private let cleaner = ScrapeCleaner()
nonisolated(unsafe) private let sentences = try! SentenceSegmenter()
nonisolated(unsafe) private let keyer = try! NameKeyer()
nonisolated(unsafe) private let normalizer = WordNormalizer()

private func isScalarBoundary(_ utf8: [UInt8], _ offset: Int) -> Bool {
    offset == utf8.count || (offset < utf8.count && utf8[offset] & 0xC0 != 0x80)
}

private func requireOrderedRanges(_ ranges: [Range<Int>], within count: Int, _ what: String) {
    var end = 0
    for range in ranges {
        require(range.lowerBound >= end && range.upperBound <= count, "\(what) \(range) out of order or outside 0..<\(count)")
        end = range.upperBound
    }
}

func fuzzTextPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    guard let first = bytes.first else { return 0 }
    let choice = Int(first) % optionCount
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let utf8 = Array(text.utf8)

    let cleaned = cleaner.clean(text)
    requireOrderedRanges(cleaned.kept, within: utf8.count, "kept line")
    requireOrderedRanges(cleaned.removed.map(\.range), within: utf8.count, "removed line")
    require(Set(cleaned.kept).isDisjoint(with: cleaned.removed.map(\.range)), "a line both kept and removed")

    let pipeline = pipelines[choice], other = others[choice]
    do {
        let tokens = try pipeline.tokens(in: text)
        var end = 0
        for token in tokens {
            let range = token.range
            require(!range.isEmpty && range.lowerBound >= end && range.upperBound <= utf8.count,
                    "token \(range) empty, out of order or outside 0..<\(utf8.count)")
            require(isScalarBoundary(utf8, range.lowerBound) && isScalarBoundary(utf8, range.upperBound),
                    "token \(range) cuts a character")
            require(!pipeline.text(of: token).isEmpty, "token \(range) with an empty normalized text")
            if pipeline.options.clean {
                require(cleaned.kept.contains { $0.contains(range.lowerBound) && range.upperBound <= $0.upperBound },
                        "token \(range) outside the kept lines")
            }
            end = range.upperBound
        }
        let again = try pipeline.tokens(in: text)
        require(again == tokens, "the same text tokenized twice gives different tokens")

        for line in text.split(separator: "\n", omittingEmptySubsequences: false).reversed() {
            _ = try other.tokens(in: String(line))
        }
        let elsewhere = try other.tokens(in: text)
        require(elsewhere.map(\.range) == tokens.map(\.range) && elsewhere.map(\.id) == tokens.map(\.id),
                "two pipelines with the same options disagree on the tokens")
        for (mine, theirs) in zip(tokens, elsewhere) {
            require(pipeline.text(of: mine) == other.text(of: theirs), "two pipelines disagree on a token's text")
        }

        requireOrderedRanges(try sentences.sentences(in: text), within: utf8.count, "sentence")
        let name = String(decoding: utf8.prefix(64), as: UTF8.self)
        _ = try keyer.key(for: name)
        _ = try normalizer.normalize(name)
    } catch {
        require(false, "the text pipeline threw on valid Unicode: \(error)")
    }
    return 0
}
