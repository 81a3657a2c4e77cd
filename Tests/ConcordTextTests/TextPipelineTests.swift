import Testing
@testable import ConcordText

@Suite struct TextPipelineTests {
    func texts(_ text: String, _ options: TextPipeline.Options = .init()) throws -> [String] {
        let pipeline = TextPipeline(options: options)
        return try pipeline.tokens(in: text).map { pipeline.text(of: $0) }
    }

    @Test func tokensPointIntoTheSource() throws {
        let text = "Share this article\nRockets hit Deir ez-Zor — “eight” of them."
        let pipeline = TextPipeline()
        let utf8 = Array(text.utf8)
        let sources = try pipeline.tokens(in: text).map { String(decoding: utf8[$0.range], as: UTF8.self) }
        #expect(sources == ["Rockets", "hit", "Deir", "Zor", "eight", "of", "them"])
    }

    @Test func spellingVariantsOfANameGiveTheSameTokens() throws {
        let variants = ["Shelling hit Deir ez-Zor on Monday.", "Shelling hit Deir Ezzor on Monday.",
                        "Shelling hit Dayr az-Zawr on Monday.", "Shelling hit دير الزور on Monday."]
        let results = try variants.map { try texts($0) }
        #expect(Set(results).count == 1, "\(results)")
    }

    @Test func ordinaryEnglishWordsAreNotFolded() throws {
        #expect(try texts("the later letter in the church") == ["the", "later", "letter", "in", "the", "church"])
    }

    @Test func aSentenceInitialWordIsFoldedOnlyBeforeAnotherName() throws {
        #expect(try texts("Witnesses said. Deir Ezzor burned.") == ["witnesses", "said", "dr", "zr", "burned"])
    }

    @Test func articlesOnlyGoWhenTheyJoinAName() throws {
        #expect(try texts("an in-depth look at al-Mayadin") == ["an", "in", "depth", "look", "at", "mydn"])
    }

    @Test func tokenIDsAreStableAcrossPipelines() throws {
        let first = try TextPipeline().tokens(in: "Rockets hit Albukamal")
        let second = try TextPipeline().tokens(in: "Strikes near Albukamal")
        #expect(first.last?.id == second.last?.id)
        #expect(first[0].id == StableHash.hash("rockets"))
    }

    @Test func withoutNameFoldingWordsAreOnlyNormalized() throws {
        #expect(try texts("Deir ez-Zor", .init(nameFolding: .none)) == ["deir", "ez", "zor"])
    }

    @Test func cleaningCanBeTurnedOff() throws {
        #expect(try texts("Share this article", .init(clean: false, nameFolding: .none)) == ["share", "this", "article"])
    }

    @Test func sentencesAreFoundWithOffsets() throws {
        let text = "The U.S. struck a base. Witnesses saw smoke!\n\nA second report followed."
        let utf8 = Array(text.utf8)
        let sentences = try SentenceSegmenter().sentences(in: text).map { String(decoding: utf8[$0], as: UTF8.self) }
        #expect(sentences == ["The U.S. struck a base.", "Witnesses saw smoke!", "A second report followed."])
    }

    /// No sentence ends at an initial or a title before a name, or at a numbering abbreviation
    /// before its number; an initial before a sentence opener still ends one.
    @Test(arguments: [
        ("George W. Bush in response said the war would go on.", ["George W. Bush in response said the war would go on."]),
        ("Gen. David H. Petraeus: the surge worked. He left.", ["Gen. David H. Petraeus: the surge worked.", "He left."]),
        ("Lt. Col. Ann Smith spoke. Brig. Gen. Tom Lee did not.", ["Lt. Col. Ann Smith spoke.", "Brig. Gen. Tom Lee did not."]),
        ("A one-page order by the 5th U.S. Circuit Court of Appeals came late.", ["A one-page order by the 5th U.S. Circuit Court of Appeals came late."]),
        ("Troops left the U.S. The base closed.", ["Troops left the U.S.", "The base closed."]),
        ("He is the party's No. 2 official. Others left.", ["He is the party's No. 2 official.", "Others left."]),
        ("It was J. R. R. Tolkien. Nobody knew.", ["It was J. R. R. Tolkien.", "Nobody knew."]),
    ])
    func sentencesDoNotEndAtInitialsTitlesOrNumberings(text: String, expected: [String]) throws {
        let utf8 = Array(text.utf8)
        let sentences = try SentenceSegmenter().sentences(in: text).map { String(decoding: utf8[$0], as: UTF8.self) }
        #expect(sentences == expected)
    }
}

@Suite struct TokenIDPathTests {
    /// The id-only paths must give exactly the ids (and, for the diff's path, the ranges) of the
    /// full path, on real news and on names, whichever words are name-folded (events mode folds
    /// every word).
    @Test(arguments: NameFoldingScope.allCases) func idsMatchTheFullPath(folding: NameFoldingScope) throws {
        var texts = try SharedCorpus.sampleTexts()
        if SharedCorpus.has("events/allsides_roundups.jsonl") { texts += try SharedCorpus.texts("events/allsides_roundups.jsonl", limit: 300) }
        texts.append("Al Mayadin and al-Mayadin; the ez-Zor road. An in-depth look at Hit, Hayt and هيت. U.S. forces.")
        // Word ends the plain-word loop must judge: joining marks, digits, curly quotes, underscores.
        texts.append("e.g. 1,000 rockets; 3.5 km, don't won’t snake_case x1 ab.cd ab,cd ab'9 as-Sukhnah at the end.\nin\nal")
        texts.append("“quoted,” he said… a-b a.b. l as ash ass all ad dh Al al Ash ash-Sham az\u{A0}Zor an\tNusra")
        let pipeline = TextPipeline(options: TextPipeline.Options(nameFolding: folding))
        for text in texts {
            var copy = text
            let (full, fast, ranged) = try copy.withUTF8 { buffer in
                var full: [Token] = [], ranged: [(Range<Int>, UInt64)] = []
                let fast = TokenIDBuffer(capacity: 1)
                try pipeline.forEachToken(in: buffer) { full.append($0) }
                try pipeline.appendTokenIDs(in: buffer, to: fast)
                try pipeline.forEachWordID(in: buffer) { ranged.append(($0, $1)) }
                return (full, fast.ids, ranged)
            }
            #expect(full.map(\.id) == fast)
            #expect(full.map(\.id) == ranged.map(\.1))
            #expect(full.map(\.range) == ranged.map(\.0))
        }
    }
}

@Suite struct StableHashTests {
    @Test func isFixedAcrossRunsAndMachines() {
        // Pinned values, one per path through the function (empty, a tail of 1–3 and of 4–7 bytes,
        // whole words of eight, a seed): token ids, shingles and index files depend on them, so a
        // change here must come with a new `StableHash.identity`.
        #expect(StableHash.identity == "stable-hash-3")
        #expect(StableHash.hash("") == 0)
        #expect(StableHash.hash("al") == 2_372_238_968_469_792_898)
        #expect(StableHash.hash("rockets") == 4_815_670_237_794_648_100)
        #expect(StableHash.hash("helicopters") == 10_448_336_813_359_443_063)
        #expect(StableHash.hash("Deir ez-Zor, دير الزور") == 12_357_621_476_877_211_341)
        #expect(StableHash.hash("rockets", seed: 7) == 14_900_076_651_186_120_850)
    }

    /// The register forms, which the scanner uses for words of up to 15 bytes, against the
    /// byte-buffer form, for every length they take.
    @Test func registerFormsEqualTheBufferForm() {
        for round in 0..<50 {
            let bytes = (0..<16).map { UInt8(0x21 + (round * 31 + $0 * 17 + $0 * $0 * round) % 94) }
            let first = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            let second = bytes[8..<16].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            for count in 1..<8 {
                let expected = bytes[..<count].withUnsafeBytes { StableHash.hash($0) }
                #expect(StableHash.hash(word: first, count: count) == expected)
            }
            for count in 8..<16 {
                let expected = bytes[..<count].withUnsafeBytes { StableHash.hash($0) }
                #expect(StableHash.hash(first: first, second: second, count: count) == expected)
            }
        }
    }

    @Test func distinguishesShortWordsAndPrefixes() {
        var seen = Set<UInt64>()
        let words = ["a", "b", "ab", "ba", "aa", "abc", "acb", "abcd", "abcde", "abcdefgh", "abcdefghi", "abcdefghij", "the", "then"]
        for word in words { seen.insert(StableHash.hash(word)) }
        #expect(seen.count == words.count)
    }
}

/// The rule behind the vocabulary's invariant check (`-DCONCORD_INVARIANTS`), on hand-made tables.
@Suite struct LinearProbingTests {
    /// Eight slots; `homes` maps each occupied slot to its entry's home slot.
    func unreachable(_ homes: [Int: Int]) -> Int? {
        LinearProbing.unreachableSlot(capacity: 8, isOccupied: { homes[$0] != nil }, home: { homes[$0]! })
    }

    @Test func entriesPastTheirHomeAcrossOccupiedSlotsAreReachable() {
        #expect(unreachable([:]) == nil)
        #expect(unreachable([1: 1, 2: 1, 3: 2]) == nil)
        #expect(unreachable([7: 6, 0: 6, 6: 6]) == nil)   // wrapping around
    }

    @Test func anEmptySlotBetweenHomeAndEntryIsFound() {
        #expect(unreachable([1: 1, 3: 1]) == 3)
        #expect(unreachable([0: 6, 6: 6]) == 0)
        #expect(unreachable([4: 5]) == 4)
    }
}
