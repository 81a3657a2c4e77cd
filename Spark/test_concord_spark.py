"""The Spark job against `concord cluster` on one machine: the same clusters, byte for byte,
whatever the partitioning. Runs Spark in local mode.

    python3 -m unittest discover -s Spark -v        (with pyspark installed; see README.md)

CONCORD_BINARY names the concord binary (default: .build/release/concord). The 10k syndication
test reads the generator in ../shared/peers and skips, saying so, when it is absent.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)
BINARY = os.environ.get("CONCORD_BINARY", os.path.join(REPOSITORY, ".build", "release", "concord"))
GENERATOR = os.path.join(REPOSITORY, "..", "shared", "peers", "make_syndication.py")


def pairwise_f1(found, reference):
    """Pairwise F1 of one clustering ({id: cluster}) against another over the same ids."""
    def pairs(assignment):
        groups = {}
        for key, cluster in assignment.items():
            groups.setdefault(cluster, []).append(key)
        return {pair for members in groups.values() for pair in combinations(sorted(members, key=str), 2)}
    a, b = pairs(found), pairs(reference)
    if not a and not b:
        return 1.0
    both = len(a & b)
    precision = both / len(a) if a else 0.0
    recall = both / len(b) if b else 0.0
    return 0.0 if both == 0 else 2 * precision * recall / (precision + recall)


def clusters(text):
    return {json.dumps(row["id"]): row["cluster"] for row in map(json.loads, text.splitlines())}


def corpus_as_jsonl(path):
    """Corpus/ as JSONL, ids as `concord cluster Corpus/` names them (paths inside it)."""
    root = os.path.join(REPOSITORY, "Corpus")
    with open(path, "w", encoding="utf-8") as out:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith(".txt"):
                    with open(os.path.join(folder, name), encoding="utf-8") as file:
                        text = file.read()
                    out.write(json.dumps({"id": os.path.relpath(os.path.join(folder, name), root), "text": text}) + "\n")


class SparkJobTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.access(BINARY, os.X_OK):
            raise unittest.SkipTest(f"no concord binary at {BINARY}; run `swift build -c release` first")
        cls.scratch = tempfile.TemporaryDirectory(prefix="concord-spark-")
        cls.corpus = os.path.join(cls.scratch.name, "corpus.jsonl")
        corpus_as_jsonl(cls.corpus)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def one_machine(self, path, *options):
        result = subprocess.run([BINARY, "cluster", path, "--format", "jsonl", "-q", *options],
                                capture_output=True, text=True, check=True)
        return result.stdout

    def spark(self, path, name, *options, expect_failure=False):
        output = os.path.join(self.scratch.name, name)
        result = subprocess.run([sys.executable, os.path.join(HERE, "concord_spark.py"), path, "-o", output,
                                 "--concord", BINARY, "--master", "local[2]", "--driver-memory", "2g", *options],
                                capture_output=True, text=True)
        if expect_failure:
            self.assertNotEqual(result.returncode, 0)
            return result.stderr
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        parts = sorted(part for part in os.listdir(output) if part.startswith("part-"))
        text = ""
        for part in parts:
            with open(os.path.join(output, part), encoding="utf-8") as file:
                text += file.read()
        return text

    def assertSameClusters(self, found, expected):
        self.assertEqual(pairwise_f1(clusters(found), clusters(expected)), 1.0)
        self.assertEqual(found, expected)

    def test_corpus_gives_one_machines_clusters(self):
        expected = self.one_machine(self.corpus)
        self.assertGreater(len(set(clusters(expected).values())), 1)
        self.assertSameClusters(self.spark(self.corpus, "corpus"), expected)

    def test_partitioning_does_not_change_the_output(self):
        expected = self.one_machine(self.corpus, "--threshold", "0.3", "--measure", "jaccard")
        found = self.spark(self.corpus, "partitioned", "--threshold", "0.3", "--measure", "jaccard",
                           "--input-partitions", "4", "--shuffle-partitions", "5", "--partitions", "3",
                           "--verify-block", "7")
        self.assertSameClusters(found, expected)

    def test_parquet_with_named_columns(self):
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").appName("concord-test-parquet").getOrCreate()
        try:
            with open(self.corpus, encoding="utf-8") as file:
                rows = [(row["id"], row["text"]) for row in map(json.loads, file)]
            parquet = os.path.join(self.scratch.name, "corpus.parquet")
            spark.createDataFrame(rows, "doc string, body string").coalesce(1).write.parquet(parquet)
        finally:
            spark.stop()
        found = self.spark(parquet, "parquet", "--id-column", "doc", "--text-column", "body")
        self.assertSameClusters(found, self.one_machine(self.corpus))

    def test_duplicate_ids_stop_the_job(self):
        duplicated = os.path.join(self.scratch.name, "duplicated.jsonl")
        with open(self.corpus, encoding="utf-8") as file:
            lines = file.readlines()
        with open(duplicated, "w", encoding="utf-8") as file:
            file.writelines(lines + lines[:1])
        message = self.spark(duplicated, "duplicated", expect_failure=True)
        self.assertIn(f"duplicated.jsonl:{len(lines) + 1}: duplicate id", message)
        self.assertFalse(os.path.exists(os.path.join(self.scratch.name, "duplicated")))

    def test_a_malformed_line_stops_the_job_or_is_skipped_and_reported(self):
        malformed = os.path.join(self.scratch.name, "malformed.jsonl")
        with open(self.corpus, encoding="utf-8") as file:
            lines = file.readlines()
        with open(malformed, "w", encoding="utf-8") as file:
            file.writelines(lines[:3] + ["not json\n"] + lines[3:])
        message = self.spark(malformed, "malformed", expect_failure=True)
        self.assertIn(f"concord_spark: concord sketch exited with 1: concord: {malformed}:4: malformed JSON", message)
        self.assertFalse(os.path.exists(os.path.join(self.scratch.name, "malformed")))
        found = self.spark(malformed, "malformed-skipped", "--skip-invalid")
        self.assertSameClusters(found, self.one_machine(malformed, "--skip-invalid"))

    def test_an_existing_output_is_never_replaced(self):
        message = self.spark(self.corpus, "", expect_failure=True)
        self.assertIn("exists", message)

    def test_syndication_10k_gives_one_machines_clusters(self):
        if not os.path.exists(GENERATOR):
            self.skipTest(f"{GENERATOR} is absent: the 10k syndication corpus cannot be made")
        corpus = os.path.join(self.scratch.name, "syndication-10k.jsonl")
        subprocess.run([sys.executable, GENERATOR, "--docs", "10000", "--seed", "7", "--out", corpus],
                       check=True, capture_output=True)
        expected = self.one_machine(corpus)
        self.assertEqual(len(expected.splitlines()), 10000)
        self.assertSameClusters(self.spark(corpus, "syndication-10k"), expected)


if __name__ == "__main__":
    unittest.main()
