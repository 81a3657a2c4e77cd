import Testing
@testable import ConcordText

@Suite struct WordSegmenterTests {
    let segmenter: WordSegmenter

    init() throws { segmenter = WordSegmenter() }

    func words(_ text: String) throws -> [String] {
        let utf8 = Array(text.utf8)
        return try segmenter.words(in: text).map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test(arguments: [
        ("The U.S. fired 1,000 rounds.", ["The", "U.S", "fired", "1,000", "rounds"]),
        ("Shi’ite groups, Kata'ib Hezbollah", ["Shi’ite", "groups", "Kata'ib", "Hezbollah"]),
        ("Deir ez-Zor — “witnesses” said…", ["Deir", "ez", "Zor", "witnesses", "said"]),
        ("T-4 base; 3.5 km; 4G_net", ["T", "4", "base", "3.5", "km", "4G_net"]),
        ("Zākhū and دير الزور", ["Zākhū", "and", "دير", "الزور"]),
        ("", []),
    ])
    func segmentsLikeUAX29(text: String, expected: [String]) throws {
        #expect(try words(text) == expected)
    }

    @Test func numbersAreMarkedAsNumbers() throws {
        let segments = try segmenter.words(in: "eight 8 4G")
        #expect(segments.map(\.hasLetters) == [true, false, true])
    }

    static let roundups = "events/allsides_roundups.jsonl"

    /// The byte scanner must agree with ICU on every span it handles itself: on the sample corpus.
    @Test func fastPathAgreesWithICUOnTheSampleCorpus() throws {
        #expect(try spansAgreeingWithICU(SharedCorpus.sampleTexts()) > 5_000)
    }

    /// The same on 400 real reports.
    @Test(.enabled(if: SharedCorpus.has(WordSegmenterTests.roundups), "needs ../shared/corpus/\(WordSegmenterTests.roundups)"))
    func fastPathAgreesWithICUOnNewsText() throws {
        #expect(try spansAgreeingWithICU(SharedCorpus.texts(Self.roundups, limit: 400)) > 10_000)
    }

    /// How many whitespace-separated spans of `texts` the byte scanner handles; each is checked
    /// against ICU's segmentation.
    func spansAgreeingWithICU(_ texts: [String]) throws -> Int {
        var compared = 0
        for text in texts {
            for span in text.split(whereSeparator: { $0.isWhitespace }) {
                let spanText = String(span)
                var copy = spanText
                let fast: [WordSegment] = try copy.withUTF8 { buffer in
                    var found: [WordSegment] = []
                    try segmenter.scanSimpleRange(buffer, 0..<buffer.count) { found.append($0) }
                    return found
                }
                let simple = copy.withUTF8 { buffer in
                    (0..<buffer.count).allSatisfy { buffer[$0] < 0x80 || WordSegmenter.fastClass(buffer, at: $0, end: buffer.count).1 > 0 || buffer[$0] & 0xC0 == 0x80 }
                }
                guard simple else { continue }
                let icu = try segmenter.icuWords(spanText)
                let shape: (WordSegment) -> [Int] = { [$0.start, $0.end, $0.hasLetters ? 1 : 0] }
                #expect(fast.map(shape) == icu.map(shape), "span \(spanText)")
                compared += 1
            }
        }
        return compared
    }
}
