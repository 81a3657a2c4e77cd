import Foundation
import Testing

/// `concord cluster --mode events`, run as a user runs it: what it writes in each format, its
/// summary, and what it makes of the sample corpus.
@Suite struct EventsCommandTests {
    /// The features `--pair-features` writes, after a, b and probability (`EventPairModel.names`).
    static let featureNames = ["cosine", "title_cosine", "reciprocal_rank_max", "reciprocal_rank_min",
                               "relative_cosine_max", "relative_cosine_min"]
    static let omarWire = "omar-oil-field/wire.txt", omarCopy = "copies/omar-wire.txt"

    /// The sample corpus with titles and outlets, plus an exact copy of the Omar wire.
    static func reportsWithCopy() throws -> [Report] {
        let reports = try sampleReports()
        var copy = try #require(reports.first { $0.id == omarWire })
        copy.id = omarCopy
        return reports + [copy]
    }

    @Test func jsonLinesHaveTheSchemaAndEveryIdOnce() throws {
        let reports = try Self.reportsWithCopy()
        let outcome = try ConcordProcess.run(["cluster", "-", "--mode", "events", "--format", "jsonl", "-q"], input: Self.jsonl(reports))
        #expect(outcome.status == 0, "\(outcome.error)")
        let rows = try Self.objects(outcome.text)
        #expect(rows.map { $0["id"] as? String } == reports.map(\.id))
        for row in rows { #expect(Set(row.keys) == ["id", "cluster", "copies", "representative", "similarity"], "\(row)") }
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
        let (wire, copy) = (try #require(byID[Self.omarWire]), try #require(byID[Self.omarCopy]))
        #expect(wire["copies"] as? Int == copy["copies"] as? Int)
        #expect(wire["cluster"] as? Int == copy["cluster"] as? Int)
        for row in rows {
            let representative = try #require(byID[row["representative"] as! String])
            #expect(representative["cluster"] as? Int == row["cluster"] as? Int, "\(row)")
            #expect(representative["similarity"] as? Double == 1)
            #expect((0...1).contains(row["similarity"] as! Double))
        }
        // Copy clusters nest inside events: one copy cluster never spans two events.
        let eventsOfCopies = Dictionary(grouping: rows, by: { $0["copies"] as! Int }).mapValues { Set($0.map { $0["cluster"] as! Int }) }
        #expect(eventsOfCopies.values.allSatisfy { $0.count == 1 })
    }

    @Test func jsonNestsCopyGroupsInEvents() throws {
        let reports = try Self.reportsWithCopy()
        let outcome = try ConcordProcess.run(["cluster", "-", "--mode", "events", "--format", "json", "-q"], input: Self.jsonl(reports))
        #expect(outcome.status == 0, "\(outcome.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: outcome.output) as? [String: Any])
        #expect(object["documents"] as? Int == reports.count)
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(Set(parameters.keys) == ["copies", "events"])
        let events = try #require(object["clusters"] as? [[String: Any]])
        var seen: [String] = []
        var groupOf: [String: Int] = [:], groupCount = 0
        for event in events {
            let groups = try #require(event["copy_groups"] as? [[String: Any]])
            let members = try groups.map { try #require($0["members"] as? [[String: Any]]) }
            let ids = members.flatMap { $0.map { $0["id"] as! String } }
            #expect(ids.contains(event["representative"] as! String), "an event's representative is one of its reports")
            #expect(Set(groups.map { $0["copies"] as! Int }).count == groups.count, "each copy group has its own number")
            for group in members {
                #expect(!group.isEmpty)
                for member in group { groupOf[member["id"] as! String] = groupCount }
                groupCount += 1
            }
            seen += ids
        }
        #expect(seen.sorted() == reports.map(\.id).sorted(), "every id once")
        #expect(groupOf[Self.omarWire] != nil && groupOf[Self.omarWire] == groupOf[Self.omarCopy], "exact copies share a copy group")
    }

    @Test func theListingNestsCopiesAndShowsTitlesAndOutlets() throws {
        let reports = try Self.reportsWithCopy()
        let outcome = try ConcordProcess.run(["cluster", "-", "--mode", "events", "-q"], input: Self.jsonl(reports))
        #expect(outcome.status == 0, "\(outcome.error)")
        let blocks = outcome.text.components(separatedBy: "\n\n").map { $0.split(separator: "\n").map(String.init) }.filter { !$0.isEmpty }
        let wire = try #require(reports.first { $0.id == Self.omarWire })
        #expect(outcome.text.contains("  \(wire.id)  — \(wire.title!) · \(wire.outlet!)\n"))
        var listed: [String] = [], copiesNested = false, mixed = false
        for block in blocks.dropLast() {
            let header = try #require(block.first)
            #expect(header.hasPrefix("event "), "\(header)")
            let size = Int(header.components(separatedBy: " · ")[1].split(separator: " ")[0])
            var members: [String] = [], groups: [[String]] = []
            var remaining = 0
            for line in block.dropFirst() {
                if line.hasSuffix(" copies:") {
                    #expect(line.hasPrefix("    "))
                    remaining = Int(line.trimmingCharacters(in: .whitespaces).split(separator: " ")[0])!
                    groups.append([])
                    continue
                }
                let id = String(line.dropFirst(remaining > 0 ? 6 : 2).dropFirst(9).prefix { $0 != " " })   // mark, similarity, two spaces
                if remaining > 0 { groups[groups.count - 1].append(id); remaining -= 1; #expect(line.hasPrefix("      ")) }
                members.append(id)
            }
            #expect(remaining == 0, "a copy group lists as many reports as it says")
            #expect(members.count == size)
            if groups.contains(where: { $0.contains(Self.omarWire) && $0.contains(Self.omarCopy) }) { copiesNested = true }
            if !groups.isEmpty && members.count > groups.joined().count { mixed = true }
            listed += members
        }
        #expect(copiesNested, "the Omar wire and its copy are listed under one \"N copies:\" line")
        #expect(mixed, "an event lists a copy group beside a report of its own wording")
        let alone = try #require(blocks.last)
        #expect(alone.first == "\(alone.count - 1) reports share their event with no other:")
        #expect(alone.contains { $0.hasPrefix("    unrelated/amman-weather.txt  — ") })
        listed += alone.dropFirst().map { String($0.dropFirst(4).prefix { $0 != " " }) }
        #expect(listed.sorted() == reports.map(\.id).sorted(), "every report listed once")
    }

    @Test func pairFeaturesListEveryCandidatePairWithItsFeatures() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let features = directory.appendingPathComponent("pairs.jsonl")
        let reports = try Self.reportsWithCopy()
        let outcome = try ConcordProcess.run(["cluster", "-", "--mode", "events", "-o", "/dev/null", "--pair-features", features.path],
                                             input: Self.jsonl(reports))
        #expect(outcome.status == 0, "\(outcome.error)")
        let pairs = try Self.objects(at: features)
        #expect(!pairs.isEmpty)
        let ids = Set(reports.map(\.id))
        var seen = Set<[String]>()
        for pair in pairs {
            #expect(Set(pair.keys) == Set(["a", "b", "probability"] + Self.featureNames), "\(pair)")
            let (a, b) = (pair["a"] as! String, pair["b"] as! String)
            #expect(ids.contains(a) && ids.contains(b) && a != b)
            #expect(seen.insert([a, b].sorted()).inserted, "each pair once")
            #expect((0...1).contains(pair["probability"] as! Double))
        }
        let summary = try #require(outcome.error.split(separator: "\n").first { $0.hasPrefix("  events: ") })
        #expect(summary.hasSuffix("; \(pairs.count) candidate pairs"), "\(summary)")
    }

    @Test func theSummaryNamesEventsAndCopies() throws {
        let outcome = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "-o", "/dev/null"])
        #expect(outcome.status == 0)
        let first = try #require(outcome.error.split(separator: "\n").first)
        #expect(first.hasPrefix("27 documents from Corpus → "))
        #expect(first.contains(" events (") && first.contains("; copies: ") && first.contains(" clusters ("), "\(first)")
        #expect(!outcome.error.contains("--mode events"))
        let quiet = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "-o", "/dev/null", "-q"])
        #expect(quiet.error.isEmpty)
    }

    @Test func copiesModeSuggestsEventsModeWhenNothingSharesWording() throws {
        let reports = Self.independentReports(24)
        let outcome = try ConcordProcess.run(["cluster", "-", "-o", "/dev/null"], input: Self.jsonl(reports))
        #expect(outcome.status == 0)
        #expect(outcome.error.contains("24 documents from - → 24 clusters (0 with 2 or more reports"), "\(outcome.error)")
        #expect(outcome.error.contains("note: almost no report shares its wording") && outcome.error.contains("--mode events"))
        let clustered = try ConcordProcess.run(["cluster", "Corpus", "-o", "/dev/null"])
        #expect(clustered.status == 0)
        #expect(!clustered.error.contains("--mode events"), "\(clustered.error)")
        let few = try ConcordProcess.run(["cluster", "-", "-o", "/dev/null"], input: Self.jsonl(Array(reports.prefix(19))))
        #expect(!few.error.contains("--mode events"), "19 reports are too few to judge")
    }

    /// Corpus/README.md, "Events mode": every event folder is one event, but for the Arabic
    /// agency report and the Kurdistan Observer, which stay alone, as does every unrelated report.
    @Test func theSampleCorpusGroupsAsItsReadmeSays() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.jsonl")
        let outcome = try ConcordProcess.run(["cluster", "--mode", "events", "-q", "-o", events.path])
        #expect(outcome.status == 0, "\(outcome.error)")
        let rows = try Self.objects(at: events)
        let event = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["cluster"] as! Int) })
        #expect(event.count == 27)
        let members = Dictionary(grouping: event.keys, by: { event[$0]! })
        let alone: Set = ["albukamal-airstrikes/arabic-agency.txt", "erbil-drone-attack/kurdistan-observer.txt"]
        var folderEvents: [String: Int] = [:]
        for (id, number) in event {
            let folder = String(id.split(separator: "/")[0])
            if folder == "unrelated" || alone.contains(id) {
                #expect(members[number] == [id], "\(id) should be alone, is with \(members[number]!)")
            } else {
                #expect(folderEvents[folder, default: number] == number, "\(folder) is split")
                folderEvents[folder] = number
            }
        }
        #expect(folderEvents.count == 5)
        #expect(Set(folderEvents.values).count == 5, "each event folder is its own event")
        for (folder, number) in folderEvents { #expect(members[number]!.allSatisfy { $0.hasPrefix(folder + "/") }) }
    }

    @Test func compareAcceptsAnEventCluster() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.jsonl")
        #expect(try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "-q", "-o", events.path]).status == 0)
        let rows = try Self.objects(at: events)
        let wire = try #require(rows.first { $0["id"] as? String == "erbil-drone-attack/wire.txt" })
        let number = try #require(wire["cluster"] as? Int)
        let members = rows.filter { $0["cluster"] as? Int == number }.map { $0["id"] as! String }
        #expect(members.contains("erbil-drone-attack/baghdad-herald.txt"), "the event holds an independently worded report")
        let outcome = try ConcordProcess.run(["compare", "--cluster", String(number), "--corpus", "Corpus", "--clusters", events.path])
        #expect(outcome.status == 0, "\(outcome.error)")
        for id in members { #expect(outcome.text.contains(id), "\(id) is compared") }
        #expect(!outcome.text.contains("kurdistan-observer"))
    }
}
