import Foundation
import Testing

/// Events mode's options: the date window, what is refused, and threads.
extension EventsCommandTests {
    static let erbilWire = "erbil-drone-attack/wire.txt", baghdadHerald = "erbil-drone-attack/baghdad-herald.txt"

    /// The sample corpus as the directory reader sees it (headline in the text), dated
    /// 2024-03-10, but for the Baghdad Herald's Erbil report, dated `herald` (30 days later by
    /// default): the independently worded report events mode otherwise puts with the Erbil wire.
    static func datedReports(herald: String? = "2024-04-09") throws -> Data {
        let reports = try sampleReports(date: "2024-03-10").map { report in
            var report = report
            report.text = [report.title, report.text].compactMap { $0 }.joined(separator: "\n\n")
            (report.title, report.outlet) = (nil, nil)
            if report.id == baghdadHerald { report.date = herald }
            return report
        }
        return jsonl(reports)
    }

    /// Whether the Erbil wire and the Baghdad Herald's report land in one event with `options`.
    func erbilReportsGroup(_ options: [String], herald: String? = "2024-04-09") throws -> Bool {
        let outcome = try ConcordProcess.run(["cluster", "-", "--mode", "events", "--format", "jsonl", "-q"] + options,
                                             input: Self.datedReports(herald: herald))
        #expect(outcome.status == 0, "\(outcome.error)")
        let rows = try Self.objects(outcome.text)
        let event = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["cluster"] as! Int) })
        return try #require(event[Self.erbilWire]) == #require(event[Self.baghdadHerald])
    }

    @Test func reportsThirtyDaysApartAreTwoEventsByDefault() throws {
        #expect(try !erbilReportsGroup([]))
        #expect(try !erbilReportsGroup(["--date-window", "29"]))
    }

    /// The summary says how many reports were dated, and how many dates could not be read.
    @Test func theSummaryCountsDatedReportsAndUnreadableDates() throws {
        let unreadable = try ConcordProcess.run(["cluster", "-", "--mode", "events", "--format", "jsonl"],
                                                input: Self.datedReports(herald: "9 April 2024"))
        #expect(unreadable.status == 0)
        #expect(unreadable.error.contains("dates: 26 of 27 reports dated; 1 dates not in ISO 8601 (YYYY-MM-DD) were ignored"),
                "\(unreadable.error)")
        let none = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "--format", "jsonl"])
        #expect(none.error.contains("dates: none in the input"), "\(none.error)")
    }

    /// A title or date column named on the command line must be in a CSV header: without it the
    /// run would go on without titles or dates and say nothing.
    @Test(arguments: [["--title-field", "headline"], ["--date-field", "published"]])
    func aNamedColumnMissingFromTheCSVHeaderIsAnError(options: [String]) throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("reports.csv")
        try Data("id,text,title,date\n1,Rockets hit the base.,Rockets,2024-03-10\n".utf8).write(to: csv)
        let outcome = try ConcordProcess.run(["cluster", csv.path, "--mode", "events", "-q"] + options)
        #expect(outcome.status != 0)
        #expect(outcome.error.contains("reports.csv:1: the header row has no \"\(options[1])\" column; it has id, text, title, date"),
                "\(outcome.error)")
        let named = try ConcordProcess.run(["cluster", csv.path, "--mode", "events", "-q", options[0], options[0] == "--title-field" ? "title" : "date"])
        #expect(named.status == 0, "\(named.error)")
    }

    @Test func dateFieldNoneIgnoresDates() throws {
        #expect(try erbilReportsGroup(["--date-field", "none"]))
    }

    @Test func aReportWithoutADateIsComparedWithAll() throws {
        #expect(try erbilReportsGroup([], herald: nil))
        #expect(try erbilReportsGroup([], herald: "last spring"), "a date that is not ISO 8601 counts as none")
    }

    @Test func aWiderDateWindowLetsThemGroup() throws {
        #expect(try erbilReportsGroup(["--date-window", "60"]))
        #expect(try erbilReportsGroup(["--date-window", "30"]), "30 days apart is within a 30-day window")
    }

    /// Usage errors exit 64 and name the option; nothing is written.
    @Test(arguments: [
        (["--pair-features", "PAIRS"], "--pair-features needs --mode events"),
        (["--event-model", "MODEL"], "--event-model needs --mode events"),
        (["--mode", "events", "--dedup"], "--dedup keeps one report per copy group; drop --mode events"),
        (["--mode", "events", "--event-threshold", "0"], "--event-threshold must be in (0, 1)"),
        (["--mode", "events", "--event-threshold", "1.5"], "--event-threshold must be in (0, 1)"),
        (["--mode", "events", "--event-threshold", "1"], "--event-threshold must be in (0, 1)"),
        (["--mode", "events", "--date-window", "-1"], "--date-window must be 0 to 36500 days"),
        (["--mode", "events", "--event-threshold", "-0.5"], "--event-threshold must be in (0, 1)"),
        (["--event-threshold", "0.5"], "--event-threshold needs --mode events"),
        (["--date-window", "7"], "--date-window needs --mode events"),
        (["--mode", "events", "--date-window", "36501"], "--date-window must be 0 to 36500 days"),
        (["--mode", "groups"], "--mode"),
    ])
    func refusedOptionsAreUsageErrors(options: [String], message: String) throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.jsonl"), pairs = directory.appendingPathComponent("pairs.jsonl")
        let arguments = options.map { $0 == "PAIRS" ? pairs.path : $0 == "MODEL" ? Self.modelFile(in: directory, #"{"intercept": 0, "weights": {}}"#) : $0 }
        let outcome = try ConcordProcess.run(["cluster", "Corpus", "-o", output.path] + arguments)
        #expect(outcome.status == 64, "\(outcome.error)")
        #expect(outcome.error.contains(message), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: pairs.path))
    }

    static func modelFile(in directory: URL, _ content: String) -> String {
        let url = directory.appendingPathComponent("model-\(UUID().uuidString).json")
        try! Data(content.utf8).write(to: url)
        return url.path
    }

    /// A model file that cannot be used is an input error (exit 1) naming the file and what is
    /// wrong, found before the corpus is read; nothing is written.
    @Test(arguments: [
        ("intercept -6\n", "not a model: expected {\"intercept\": number"),
        (#"{"intercept": -6, "weights": {"cosine": 1, "title_cosine": 1, "reciprocal_rank_max": 1, "reciprocal_rank_min": 1, "relative_cosine_max": 1}}"#,
         "no weight for feature 'relative_cosine_min'"),
        (#"{"intercept": -6, "weights": {"cosine": 1, "title_cosine": 1, "reciprocal_rank_max": 1, "reciprocal_rank_min": 1, "relative_cosine_max": 1, "relative_cosine_min": 1, "length": 2}}"#,
         "unknown feature 'length'"),
    ])
    func unusableModelFilesAreRefused(content: String, message: String) throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = Self.modelFile(in: directory, content)
        let output = directory.appendingPathComponent("out.jsonl"), pairs = directory.appendingPathComponent("pairs.jsonl")
        let outcome = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "-o", output.path,
                                              "--pair-features", pairs.path, "--event-model", model])
        #expect(outcome.status == 1, "\(outcome.error)")
        #expect(outcome.error.contains("concord: \(model): \(message)"), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: pairs.path))
        let missing = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "-o", output.path,
                                              "--event-model", directory.appendingPathComponent("absent.json").path])
        #expect(missing.status == 1)
        #expect(missing.error.contains("cannot read the events model"))
    }

    /// The built-in model's weights, written as a file, give the built-in model's events.
    @Test func aModelFileIsUsed() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fitted = Self.modelFile(in: directory, #"""
            {"intercept": -6.2364, "weights": {"cosine": 0.9837, "title_cosine": 1.9103, "reciprocal_rank_max": 1.3161,
             "reciprocal_rank_min": 2.727, "relative_cosine_max": 1.5497, "relative_cosine_min": 1.7773}}
            """#)
        let never = Self.modelFile(in: directory, #"""
            {"intercept": -50, "weights": {"cosine": 0, "title_cosine": 0, "reciprocal_rank_max": 0,
             "reciprocal_rank_min": 0, "relative_cosine_max": 0, "relative_cosine_min": 0}}
            """#)
        let builtIn = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "--format", "jsonl", "-q"])
        let same = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "--format", "jsonl", "-q", "--event-model", fitted])
        #expect(same.status == 0, "\(same.error)")
        #expect(same.output == builtIn.output)
        let copiesOnly = try ConcordProcess.run(["cluster", "Corpus", "--mode", "events", "--format", "jsonl", "-q", "--event-model", never])
        let rows = try Self.objects(copiesOnly.text)
        #expect(rows.allSatisfy { $0["cluster"] as! Int == $0["copies"] as! Int }, "a model that never links leaves the copy groups")
    }

    /// Runs a few hundred reports (generated, and the first 300 AllSides roundup reports when
    /// ../shared is there) on one thread and on two: the files must be byte for byte the same.
    @Test func theOutputIsTheSameOnOneThreadAndTwo() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for corpus in try Self.largeCorpora() {
            var outputs: [[Data]] = []
            for threads in ["1", "2"] {
                let events = directory.appendingPathComponent("\(corpus.name)-\(threads).jsonl")
                let pairs = directory.appendingPathComponent("\(corpus.name)-pairs-\(threads).jsonl")
                let outcome = try ConcordProcess.run(["cluster", "-", "--mode", "events", "--threads", threads, "-q",
                                                      "-o", events.path, "--pair-features", pairs.path], input: corpus.jsonl)
                #expect(outcome.status == 0, "\(corpus.name): \(outcome.error)")
                outputs.append([try Data(contentsOf: events), try Data(contentsOf: pairs)])
            }
            #expect(outputs[0][0] == outputs[1][0], "\(corpus.name): events differ")
            #expect(outputs[0][1] == outputs[1][1], "\(corpus.name): pair features differ")
            let rows = try Self.objects(String(decoding: outputs[0][0], as: UTF8.self))
            #expect(rows.count == corpus.reports)
            let events = Set(rows.map { $0["cluster"] as! Int }), copies = Set(rows.map { $0["copies"] as! Int })
            #expect(events.count < copies.count, "\(corpus.name): independently worded reports group, so the runs compare real work")
        }
    }
}
