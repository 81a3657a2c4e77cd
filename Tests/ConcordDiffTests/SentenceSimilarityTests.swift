import Testing
import ConcordDiff

@Suite struct SentenceSimilarityTests {
    let similarity = SentenceSimilarity()

    @Test func featuresOfAPairThatDiffersByOneWord() throws {
        let features = try #require(try similarity.features("The rockets hit the base", "Rockets hit the base"))
        #expect(features.wordOverlap == 1)
        #expect(features.wordTrigramOverlap == 2.0 / 3)
        // " rockets hit the base " has 20 distinct trigrams; the longer text adds "e r".
        #expect(features.characterTrigramJaccard == 20.0 / 21)
        #expect(features.unsharedNumbers == 0)
        #expect(features.commonSubsequence == 4.0 / 5)
    }

    @Test func featuresCountStemsDecimalsAndUnsharedNumbers() throws {
        let features = try #require(try similarity.features("Shares rose 4.5% to $1,200 in 2003.",
                                                        "Shares rose 4.5 percent to 1200 dollars"))
        #expect(features.wordOverlap == 5.0 / 7)
        #expect(features.wordTrigramOverlap == 1.0 / 5)
        #expect(features.characterTrigramJaccard == 22.0 / 47)
        #expect(features.unsharedNumbers == 1)
        #expect(features.commonSubsequence == 5.0 / 7)
    }

    @Test func scoreIsTheLogisticOfTheWeightedFeatures() {
        let features = SentenceSimilarity.Features(wordOverlap: 1, wordTrigramOverlap: 0, characterTrigramJaccard: 1,
                                                   unsharedNumbers: 0, commonSubsequence: 1)
        // z = −3.45 + 2.93 + 2.81 + 2.96 = 5.25
        #expect(abs(similarity.score(of: features) - 0.9947798743064417) < 1e-12)
    }

    @Test func scoreRisesWithSharedWordingAndFallsWithUnsharedNumbers() {
        let base = SentenceSimilarity.Features(wordOverlap: 0.5, wordTrigramOverlap: 0.2, characterTrigramJaccard: 0.4,
                                               unsharedNumbers: 1, commonSubsequence: 0.5)
        let baseScore = similarity.score(of: base)
        let changes: [(WritableKeyPath<SentenceSimilarity.Features, Double>, rises: Bool)] = [
            (\.wordOverlap, true), (\.characterTrigramJaccard, true), (\.commonSubsequence, true),
            (\.wordTrigramOverlap, false),
        ]
        for (feature, rises) in changes {
            var changed = base
            changed[keyPath: feature] += 0.1
            #expect((similarity.score(of: changed) > baseScore) == rises)
        }
        var moreNumbers = base
        moreNumbers.unsharedNumbers += 1
        #expect(similarity.score(of: moreNumbers) < baseScore)
    }

    @Test func identicalSentencesAreSimilarAndUnrelatedOnesAreNot() throws {
        let sentence = "Rockets hit the base near Deir ez-Zor on Monday, officials said."
        #expect(try similarity.score(sentence, sentence) >= SentenceSimilarity.defaultThreshold)
        #expect(try similarity.score(sentence, "The central bank left interest rates unchanged.") < 0.1)
    }

    @Test func scoreIsSymmetric() throws {
        let a = "Shares rose 4.5% to $1,200 in 2003.", b = "Shares rose 4.5 percent to 1200 dollars"
        #expect(try similarity.score(a, b) == similarity.score(b, a))
    }

    @Test(arguments: [("", "Rockets hit the base"), ("Rockets hit the base", "  "), ("— …", "!!")])
    func aSentenceWithoutWordsScoresZero(a: String, b: String) throws {
        #expect(try similarity.features(a, b) == nil)
        #expect(try similarity.score(a, b) == 0)
    }
}
