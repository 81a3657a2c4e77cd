"""Concord's cluster job on Apache Spark: the clusters `concord cluster` finds, on many machines.

Stages (each a Spark job group, timed, with its shuffle bytes in --metrics):
  sketch      every partition of the input piped through `concord sketch`
  candidates  band keys grouped into buckets (the bucket cap of one machine), each pair once
  verify      candidate pairs and their documents' records in blocks, through `concord verify`
  components  connected components of the verified pairs (large-star / small-star)
  link        each component's records and pairs through `concord link` (average linkage)
  output      clusters numbered by their first document, written in input order

The concord binary does all matching; this file only moves records between its stages. See
README.md for the formats, the settings and a cluster's spark-submit line.
"""
import argparse
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession, functions as F, Window

MATCHING_OPTIONS = ["ngram", "char-ngram", "slots", "scheme", "seed", "threshold", "bands", "rows", "measure", "names"]


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Cluster a corpus of reports with Concord on Spark: the same clusters as `concord cluster`.")
    parser.add_argument("input", help="a JSONL file (one {id, text} object per line) or Parquet files")
    parser.add_argument("-o", "--output", required=True, help="output directory (must not exist)")
    parser.add_argument("--input-format", choices=["auto", "jsonl", "parquet"], default="auto",
                        help="auto: Parquet for a .parquet path or a directory, else JSONL")
    parser.add_argument("--output-format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--id-column", default="id", help="field or column of document ids")
    parser.add_argument("--text-column", default="text", help="field or column of document texts")
    parser.add_argument("--concord", default=None,
                        help="the concord binary shipped to executors (default: concord on PATH)")
    parser.add_argument("--skip-invalid", action="store_true", help="skip malformed lines (each is reported)")
    parser.add_argument("--verify-block", type=int, default=200_000,
                        help="documents per verify block: a verify task holds the records of two blocks")
    parser.add_argument("--input-partitions", type=int, default=0,
                        help="read a local input in about this many partitions (default: Spark's split size)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="partitions of the sketch and link stages (default: Spark's default parallelism)")
    parser.add_argument("--shuffle-partitions", type=int, default=0,
                        help="partitions after each shuffle (default: one per 32 MB of a local input, 2 to 400; "
                        "Spark's setting for a remote one)")
    parser.add_argument("--metrics", help="write stage times, shuffle bytes and counts to this JSON file")
    parser.add_argument("--master", default=None, help="Spark master when not run by spark-submit (default local[*])")
    parser.add_argument("--driver-memory", default="6g", help="JVM heap when not run by spark-submit (local mode)")
    for name in MATCHING_OPTIONS:
        parser.add_argument("--" + name, help="as for concord cluster")
    parser.add_argument("--no-clean", action="store_true", help="as for concord cluster")
    return parser.parse_args(argv)


def matching_arguments(options):
    """The matching options, as concord's command line takes them."""
    arguments = []
    for name in MATCHING_OPTIONS:
        value = getattr(options, name.replace("-", "_"))
        if value is not None:
            arguments += ["--" + name, str(value)]
    if options.no_clean:
        arguments.append("--no-clean")
    return arguments


def concord_binary(options):
    path = options.concord or shutil.which("concord")
    if not path or not os.access(path, os.X_OK):
        sys.exit("concord_spark: no concord binary; build one (see Spark/README.md) and pass --concord PATH")
    return os.path.abspath(path)


def executor_binary(name):
    """The shipped binary on this executor, made executable (addFile may drop the mode bits)."""
    path = SparkFiles.get(name)
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def pipe(binary_name, arguments, chunks):
    """Lines through one concord process, as Arrow batches of one string column `line`.

    `chunks` yields lists of input lines; a thread feeds them to the process while its output is
    read here, so neither side waits on a full pipe. Raises with concord's message when it fails."""
    import pyarrow

    process = subprocess.Popen([executor_binary(binary_name)] + arguments, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    problems, errors = [], []

    def feed():
        try:
            for lines in chunks:
                if lines:
                    process.stdin.write(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
        except BrokenPipeError:
            pass
        except Exception as error:  # the upstream partition failed: stop concord, report it below
            problems.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    feeder = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    feeder.start()
    reader.start()
    batch = []
    for line in process.stdout:
        batch.append(line[:-1].decode("utf-8", "surrogateescape"))
        if len(batch) == 8192:
            yield pyarrow.RecordBatch.from_arrays([pyarrow.array(batch, pyarrow.string())], names=["line"])
            batch = []
    feeder.join()
    status = process.wait()
    reader.join()
    if problems:
        raise problems[0]
    if status != 0:
        message = b"".join(errors).decode("utf-8", "replace").strip()
        raise RuntimeError(f"concord {arguments[0]} exited with {status}: {message}")
    if batch:
        yield pyarrow.RecordBatch.from_arrays([pyarrow.array(batch, pyarrow.string())], names=["line"])


def stage_partition(binary_name, command, arguments, numbered=False):
    """A partition's first column through one concord process (none for an empty partition).
    With `numbered`, the second column numbers the lines, which must run on one by one, and
    `concord sketch` is told the first number."""
    def run(batches):
        batches = (batch for batch in batches if batch.num_rows)
        first = next(batches, None)
        if first is None:
            return
        start = first.column(1)[0].as_py() if numbered else None

        def chunks():
            expected = start
            for batch in itertools.chain([first], batches):
                if numbered:
                    numbers = batch.column(1)
                    if numbers[0].as_py() != expected or numbers[batch.num_rows - 1].as_py() != expected + batch.num_rows - 1:
                        raise RuntimeError(f"lines out of order in a partition near line {expected}")
                    expected += batch.num_rows
                yield batch.column(0).to_pylist()
        yield from pipe(binary_name, [command] + (["--first-line", str(start)] if numbered else []) + arguments, chunks())
    return run


def connected_components(spark, edges):
    """Each node of `edges` (columns a < b) with the smallest node of its component: alternating
    large-star and small-star (Kiveris et al. 2014) until the edges stop changing, when every
    component is a star around its smallest node."""
    current = edges.select(F.col("b").alias("u"), F.col("a").alias("v")).localCheckpoint()
    rounds = 0
    while True:
        rounds += 1
        both = current.union(current.select(F.col("v").alias("u"), F.col("u").alias("v")))
        smallest = both.groupBy("u").agg(F.least(F.col("u"), F.min("v")).alias("m"))
        large = (both.join(smallest, "u").where(F.col("v") > F.col("u"))
                 .select(F.col("v").alias("u"), F.col("m").alias("v")).where(F.col("u") != F.col("v")))
        oriented = large.select(F.greatest("u", "v").alias("u"), F.least("u", "v").alias("v")).distinct()
        smallest = oriented.groupBy("u").agg(F.min("v").alias("m"))
        small = (oriented.join(smallest, "u").select(F.col("v").alias("u"), "m")
                 .union(smallest.select("u", "m"))
                 .where(F.col("u") != F.col("m"))
                 .select("u", F.col("m").alias("v")).distinct().localCheckpoint())
        unchanged = small.exceptAll(current).count() == 0 and current.exceptAll(small).count() == 0
        current = small
        if unchanged:
            break
    labels = current.select(F.col("u").alias("n"), F.col("v").alias("c")).union(
        current.select(F.col("v").alias("n"), F.col("v").alias("c"))).distinct()
    return labels, rounds


class StageClock:
    """Seconds per stage; each stage is a Spark job group, so its shuffle bytes can be summed."""

    def __init__(self, context):
        self.context = context
        self.seconds = {}
        self.started = None
        self.name = None

    def start(self, name):
        self.stop()
        self.name = name
        self.started = time.monotonic()
        self.context.setJobGroup(name, name)
        print(f"concord_spark: {name}…", file=sys.stderr, flush=True)

    def stop(self):
        if self.name:
            self.seconds[self.name] = round(time.monotonic() - self.started, 2)
            self.name = None


def shuffle_metrics(context):
    """Shuffle written and spilled bytes per job group, from the Spark UI's REST API (empty when
    the UI is off)."""
    base = context.uiWebUrl
    if not base:
        return {}
    application = f"{base}/api/v1/applications/{context.applicationId}"
    try:
        jobs = json.load(urllib.request.urlopen(f"{application}/jobs"))
        stages = json.load(urllib.request.urlopen(f"{application}/stages"))
    except OSError:
        return {}
    stage_group = {}
    for job in jobs:
        for stage in job.get("stageIds", []):
            stage_group[stage] = job.get("jobGroup", "")
    totals = {}
    for stage in stages:
        group = stage_group.get(stage["stageId"], "")
        entry = totals.setdefault(group, {"shuffle_write_bytes": 0, "memory_spilled_bytes": 0, "disk_spilled_bytes": 0})
        entry["shuffle_write_bytes"] += stage.get("shuffleWriteBytes", 0)
        entry["memory_spilled_bytes"] += stage.get("memoryBytesSpilled", 0)
        entry["disk_spilled_bytes"] += stage.get("diskBytesSpilled", 0)
    return totals


def local_size(path):
    """Bytes of a local input file or directory; 0 for one Spark reads elsewhere (hdfs://, s3a://)."""
    if "://" in path and not path.startswith("file://"):
        return 0
    path = path[len("file://"):] if path.startswith("file://") else path
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(folder, file)) for folder, _, files in os.walk(path) for file in files)
    return os.path.getsize(path)


def read_lines(spark, options):
    """The input as JSONL lines (`value`) numbered from 1 (`n`) in input order, with the field
    options for sketch. Each partition's lines are consecutive: a partition is numbered from the
    line counts of the partitions before it."""
    parquet = options.input_format == "parquet" or (
        options.input_format == "auto" and (options.input.endswith(".parquet") or os.path.isdir(options.input)))
    if parquet:
        frame = spark.read.parquet(options.input).select(F.to_json(F.struct(
            F.col(options.id_column).alias("id"), F.col(options.text_column).alias("text"))).alias("value"))
        fields = []
    else:
        # Lines end at LF only, as concord reads them (a lone CR stays inside its line).
        frame = spark.read.option("lineSep", "\n").text(options.input)
        fields = ["--id-field", options.id_column, "--text-field", options.text_column]
    frame = frame.select("value", F.spark_partition_id().alias("part"), F.monotonically_increasing_id().alias("id"))
    starts = {row["part"]: (row["first"], row["lines"]) for row in
              frame.groupBy("part").agg(F.min("id").alias("first"), F.count("*").alias("lines")).collect()}
    shifts, before = [], 0
    for part in range(max(starts, default=-1) + 1):
        first, count = starts.get(part, (0, 0))
        shifts.append(before + 1 - first)
        before += count
    if not shifts:
        return frame.select("value", F.col("id").alias("n")), fields
    shift = F.array(*[F.lit(value) for value in shifts])[F.col("part")]
    return frame.select("value", (F.col("id") + shift).alias("n")), fields


def main(argv):
    options = parse_arguments(argv)
    try:
        cluster(options)
    except Exception as error:
        # A stage's failure arrives wrapped in Spark's traces: say concord's message alone. Sketch
        # numbers lines as the input's, so its "<stdin>" is the input file.
        found = re.search(r"RuntimeError: (concord (\w+) exited with \d+: [^\n]*)", str(error))
        if not found:
            raise
        message = found.group(1).replace("<stdin>", options.input) if found.group(2) == "sketch" else found.group(1)
        sys.exit(f"concord_spark: {message}")


def cluster(options):
    """Runs the job; see the module's documentation."""
    if os.path.exists(options.output):
        sys.exit(f"concord_spark: {options.output} exists; give a new output directory")
    if os.path.abspath(options.output) == os.path.abspath(options.input):
        sys.exit("concord_spark: the output would replace the input")
    binary = concord_binary(options)
    matching = matching_arguments(options)
    shown = subprocess.run([binary, "sketch", "--show-settings"] + matching, capture_output=True, text=True)
    if shown.returncode != 0:
        sys.exit(f"concord_spark: {shown.stderr.strip()}")
    settings = json.loads(shown.stdout)
    cap = int(settings["bucket-cap"])

    if "://" not in options.input and not os.path.exists(options.input):
        sys.exit(f"concord_spark: {options.input}: no such file or directory")
    size = local_size(options.input)
    shuffle_partitions = options.shuffle_partitions or (size and min(400, max(2, size // (32 << 20))))
    builder = SparkSession.builder.appName("concord-cluster")
    if shuffle_partitions:  # else Spark's own setting (spark-submit's, for an input on HDFS or S3)
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    builder = (builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "2048")
               .config("spark.ui.showConsoleProgress", "false"))
    # Under spark-submit the JVM is already running (its gateway port is set): its master and memory stand.
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(options.master or "local[*]").config("spark.driver.memory", options.driver_memory)
    if options.input_partitions and size:
        split = str(max(4096, size // options.input_partitions))
        builder = builder.config("spark.sql.files.maxPartitionBytes", split).config("spark.sql.files.openCostInBytes", split)
    # Local workers run this Python, which has pyarrow (a cluster's executors need pyarrow installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    context.setLogLevel("WARN")
    context.addFile(binary)
    name = os.path.basename(binary)
    partitions = options.partitions or max(context.defaultParallelism, int(spark.conf.get("spark.sql.shuffle.partitions")))
    clock = StageClock(context)
    started = time.monotonic()
    counts = {}

    clock.start("sketch")
    lines, fields = read_lines(spark, options)
    sketch_arguments = ["-", "--quiet", "--threads", "1"] + fields + matching + (["--skip-invalid"] if options.skip_invalid else [])
    sketched = lines.mapInArrow(stage_partition(name, "sketch", sketch_arguments, numbered=True), "line string")
    records = sketched.select(
        F.from_json("line", "n long, shingles int, bands string, skipped string").alias("r"),
        F.regexp_extract("line", r'^\{"sketch":1,"n":\d+,"id":(.*),"shingles":\d+,"bands":', 1).alias("id"),
        "line").select("r.*", "id", "line").persist(StorageLevel.MEMORY_AND_DISK)
    for row in records.where(F.col("skipped").isNotNull()).orderBy("n").collect():
        print(f"concord_spark: skipped line {row.n}: {row.skipped}", file=sys.stderr)
    documents = records.where(F.col("skipped").isNull()).drop("skipped")
    counts["documents"] = documents.count()
    duplicate = (documents.groupBy("id").agg(F.count("*").alias("count"), F.min("n").alias("first"), F.max("n").alias("last"))
                 .where(F.col("count") > 1).orderBy("first").limit(1).collect())
    if duplicate:
        row = duplicate[0]
        sys.exit(f"concord_spark: {options.input}:{row['last']}: duplicate id {row['id']} (first at line {row['first']}); ids must be unique")

    clock.start("candidates")
    keyed = documents.where(F.col("shingles") > 0).select("n", F.unbase64("bands").alias("k")).select(
        "n", F.posexplode(F.expr("transform(sequence(0, int(length(k) / 8) - 1), i -> substring(k, i * 8 + 1, 8))"))
        .alias("band", "key"))
    buckets = (keyed.groupBy("band", "key").agg(F.array_sort(F.collect_list("n")).alias("m"))
               .where(F.size("m") > 1).persist(StorageLevel.MEMORY_AND_DISK))
    counts["capped_buckets"] = buckets.where(F.size("m") > cap).count()
    # The first `cap` members of a bucket (in input order) pair with every later member, as on one machine.
    pairs = buckets.select(F.explode(F.expr(
        f"flatten(transform(sequence(0, least(size(m), {cap}) - 1), "
        "i -> transform(slice(m, i + 2, size(m) - i - 1), b -> named_struct('a', m[i], 'b', b))))")).alias("p")
    ).select("p.a", "p.b").distinct().persist(StorageLevel.MEMORY_AND_DISK)
    counts["candidate_pairs"] = pairs.count()
    buckets.unpersist()

    clock.start("verify")
    last = documents.agg(F.max("n")).first()[0] or 0
    # Blocks of at most --verify-block documents, and enough block pairs to keep every core busy.
    blocks = max(1, math.ceil(counts["documents"] / options.verify_block), round(math.sqrt(2 * context.defaultParallelism)))
    block_size = last // blocks + 1
    grouped = pairs.select("a", "b", (F.col("a") / block_size).cast("long").alias("ga"),
                           (F.col("b") / block_size).cast("long").alias("gb"))
    # Each record goes to the blocks of its partners only, once per block pair.
    needed = grouped.select(F.col("a").alias("n"), F.col("gb").alias("g")).union(
        grouped.select(F.col("b").alias("n"), F.col("ga").alias("g"))).distinct()
    own = (F.col("n") / block_size).cast("long")
    record_rows = needed.join(documents.select("n", "line"), "n").select(
        (F.least(own, F.col("g")) * blocks + F.greatest(own, F.col("g"))).alias("key"), "line")
    pair_rows = grouped.select((F.col("ga") * blocks + F.col("gb")).alias("key"),
                               F.concat(F.lit('{"a":'), F.col("a"), F.lit(',"b":'), F.col("b"), F.lit("}")).alias("line"))
    # A task holds one block pair, or a few when their keys hash alike.
    verified_lines = record_rows.union(pair_rows).repartition(blocks * (blocks + 1) // 2, "key").select("line").mapInArrow(
        stage_partition(name, "verify", ["--quiet", "--threads", "1"] + matching), "line string")
    edges = verified_lines.select(
        F.from_json("line", "a long, b long").alias("e"), "line").select("e.a", "e.b", "line").persist(StorageLevel.MEMORY_AND_DISK)
    counts["verified_pairs"] = edges.count()
    pairs.unpersist()

    clock.start("components")
    labels, counts["component_rounds"] = connected_components(spark, edges.select("a", "b"))
    labels = labels.persist(StorageLevel.MEMORY_AND_DISK)
    sizes = labels.groupBy("c").count()
    counts["components"] = sizes.count()
    counts["largest_component"] = sizes.agg(F.max("count")).first()[0] or 1

    clock.start("link")
    link_rows = documents.select("n", "line").join(labels, "n", "left").select(F.coalesce("c", "n").alias("c"), "line").union(
        edges.join(labels.withColumnRenamed("n", "a"), "a").select("c", "line"))
    linked_lines = link_rows.repartition(partitions, "c").select("line").mapInArrow(
        stage_partition(name, "link", matching), "line string")
    # {"id":ID,"cluster":K,"representative":R,"similarity":S,"n":N}: the JSON of an id never holds
    # a key such as ',"cluster":' unescaped, so the first occurrence of each key is the field.
    cluster_at = "instr(line, ',\"cluster\":')"
    representative_at = "instr(line, ',\"representative\":')"
    n_at = "instr(line, ',\"n\":')"
    linked = linked_lines.select(
        F.expr(f"cast(substring(line, {n_at} + 5, length(line) - {n_at} - 5) as long)").alias("n"),
        F.expr(f"cast(substring(line, {cluster_at} + 11, {representative_at} - {cluster_at} - 11) as long)").alias("k"),
        F.expr(f"substring(line, 1, {cluster_at} + 10)").alias("head"),
        F.expr(f"concat(substring(line, {representative_at}, {n_at} - {representative_at}), '}}')").alias("tail"),
    ).persist(StorageLevel.MEMORY_AND_DISK)
    counts["linked_documents"] = linked.count()
    if counts["linked_documents"] != counts["documents"]:
        sys.exit(f"concord_spark: link returned {counts['linked_documents']} documents of {counts['documents']}")

    clock.start("output")
    numbers = linked.select("k").distinct().select("k", (F.row_number().over(Window.orderBy("k")) - 1).alias("cluster"))
    counts["clusters"] = numbers.count()
    lines_out = linked.join(numbers, "k").select("n", F.concat("head", F.col("cluster").cast("string"), "tail").alias("value"))
    single = lines_out.repartition(1).sortWithinPartitions("n")
    if options.output_format == "jsonl":
        single.select("value").write.text(options.output)
    else:
        single.select(F.from_json("value", "id string, cluster long, representative string, similarity double").alias("o")) \
            .select("o.*").write.parquet(options.output)
    clock.stop()

    summary = {"seconds": round(time.monotonic() - started, 2), "stages": clock.seconds, "counts": counts,
               "settings": settings, "partitions": partitions, "verify_blocks": blocks,
               "shuffle": shuffle_metrics(context)}
    print(f"concord_spark: {counts['documents']:,} documents → {counts['clusters']:,} clusters; "
          f"{counts['candidate_pairs']:,} candidate pairs, {counts['verified_pairs']:,} verified, "
          f"{counts['capped_buckets']:,} capped buckets; {summary['seconds']} s", file=sys.stderr)
    if options.metrics:
        with open(options.metrics, "w") as file:
            json.dump(summary, file, indent=1)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
