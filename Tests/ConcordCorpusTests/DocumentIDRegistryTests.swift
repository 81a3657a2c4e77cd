import Testing
@testable import ConcordCorpus

@Suite struct DocumentIDRegistryTests {
    /// Many ids, so the table grows several times; every repeat is caught with the first origin.
    @Test func findsEveryRepeatWithItsFirstOrigin() {
        var registry = DocumentIDRegistry()
        for number in 0..<5000 {
            #expect(registry.register(.string("doc-\(number)"), origin: "a.jsonl:\(number + 1)") == nil)
        }
        for number in stride(from: 0, to: 5000, by: 499) {
            #expect(registry.register(.string("doc-\(number)"), origin: "b.jsonl:1") == "a.jsonl:\(number + 1)")
        }
        #expect(registry.count == 5000)
    }

    /// A string id and an integer id that print alike are different ids, as in the output.
    @Test func keepsStringAndIntegerIdsApart() {
        var registry = DocumentIDRegistry()
        #expect(registry.register(.integer(7), origin: "x:1") == nil)
        #expect(registry.register(.string("7"), origin: "x:2") == nil)
        #expect(registry.register(.integer(7), origin: "x:3") == "x:1")
        #expect(registry.register(.string("7"), origin: "x:4") == "x:2")
    }
}
