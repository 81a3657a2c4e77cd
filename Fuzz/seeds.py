#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses into OUT/<Harness>/, from the repository's sample
Corpus/ and a few crafted inputs. Generated, not committed, to keep the repository small.

Usage: seeds.py REPO OUT CONCORD   (CONCORD: a built `concord`, for real index files)
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

repo, out, concord = sys.argv[1], sys.argv[2], sys.argv[3]
LIMIT = 3500  # below every harness's -max_len


def stories():
    """(story, [(outlet, text)]) for each folder of the sample corpus, in a fixed order."""
    root = os.path.join(repo, "Corpus")
    for story in sorted(os.listdir(root)):
        folder = os.path.join(root, story)
        if not os.path.isdir(folder):
            continue
        texts = []
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                texts.append((name.removesuffix(".txt"), handle.read()))
        yield story, texts


def clip(text, size):
    """At most `size` UTF-8 bytes of `text`, cut at a character boundary."""
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def write(harness, name, data):
    folder = os.path.join(out, harness)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data[:LIMIT] if harness != "FuzzIndexFile" else data)


def jsonl(documents, **options):
    return "".join(json.dumps(document, **options) + "\n" for document in documents)


def table(documents, delimiter):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "text", "title", "outlet", "date"], delimiter=delimiter,
                            lineterminator="\n")
    writer.writeheader()
    for document in documents:
        writer.writerow(document)
    return buffer.getvalue()


corpus = list(stories())

# JSONL and CSV/TSV: each story as a small corpus of short documents.
for story, texts in corpus:
    documents = [{"id": f"{story}/{outlet}", "text": clip(text, 500), "title": text.split("\n", 1)[0][:80],
                  "outlet": outlet, "date": "2024-05-01"} for outlet, text in texts]
    write("FuzzJSONL", f"{story}.jsonl", jsonl(documents))
    write("FuzzJSONL", f"{story}-ascii.jsonl", jsonl(documents[:2], ensure_ascii=True))
    write("FuzzCSV", f"{story}.csv", table(documents, ","))
    write("FuzzCSV", f"{story}.tsv", table(documents, "\t"))

write("FuzzJSONL", "crafted.jsonl", "\ufeff" + "\n".join([
    '{"id": 7, "text": "integer id"}',
    '{"id": "a", "text": null, "title": "null text"}',
    '{"text": "no id"}',
    '{"id": "b"}',
    '{"id": "c", "text": 5}',
    '{"id": "d", "text": "escapes \\u00e9 \\ud83d\\ude00 \\n \\t \\" \\\\ \\/", "extra": {"nested": [1, 2.5e3, true, false, null]}}',
    '{"id": "e", "text": "lone surrogate \\ud800"}',
    '   ',
    '{"id": "f", "text": "crlf"}\r',
    '{"id": -9223372036854775808, "text": "smallest integer"}',
    '{"id": 1.5, "text": "fraction id"}',
    '[1, 2]',
    '{"id": "g", "text": "unterminated',
]) + "\n")
write("FuzzJSONL", "invalid-utf8.jsonl", b'{"id": "x\xff", "text": "bad byte in id"}\n{"id": "y", "text": "caf\xc3"}\n')

write("FuzzCSV", "crafted.csv", "\ufeffid,text,title\n"
      '1,"quoted, with comma",t\n'
      '2,"spans\nlines ""quoted""",\n'
      '3\n'
      ',no id\n'
      '4,text,title,extra,columns,beyond,the,header\n'
      '5,"unclosed\n')
write("FuzzCSV", "no-header.csv", "a,b\n1,2\n")
write("FuzzCSV", "invalid-utf8.csv", b"id,text\nid\xff1,text\n2,caf\xc3\n")

# The text pipeline: the first byte picks the options (see FuzzTextPipeline.swift).
crafted_texts = [
    "Deir ez-Zor, Deir Ezzor and \u062f\u064a\u0631 \u0627\u0644\u0632\u0648\u0631 are one place; Al Mayadin, al-Bukamal.",
    "\u041c\u043e\u0441\u043a\u0432\u0430 \u4e1c\u4eac \u00c9cole na\u00efve \ufb01 \u2460 \u02bfAli \u02beAmr O'Neill \u201cquoted\u201d",
    "Share this article\nSubscribe to our newsletter\nvar x = function() { return 1; };\nThe real text. Second sentence!",
    "Mr. Smith went to Washington. He said: \"No.\" Then 3.5 million people left... Why?",
]
for index, text in enumerate(crafted_texts):
    for option in range(8):
        write("FuzzTextPipeline", f"crafted-{index}-{option}", bytes([option]) + text.encode("utf-8"))
for story, texts in corpus:
    for number, (outlet, text) in enumerate(texts):
        write("FuzzTextPipeline", f"{story}-{outlet}", bytes([number % 8]) + clip(text, 2000).encode("utf-8"))

# The word diff: two reports of one story, split at a 0xFF byte.
for story, texts in corpus:
    for (first, a), (second, b) in zip(texts, texts[1:]):
        write("FuzzWordDiff", f"{story}-{first}-{second}",
              clip(a, 1700).encode("utf-8") + b"\xff" + clip(b, 1700).encode("utf-8"))
    outlet, text = texts[0]
    edited = text.replace(" the ", " The ").replace(",", "")
    write("FuzzWordDiff", f"{story}-restyled", clip(text, 1700).encode("utf-8") + b"\xff" + clip(edited, 1700).encode("utf-8"))
write("FuzzWordDiff", "moved", b"One two three four five. Six seven eight nine ten.\xffSix seven eight nine ten. One two three four five.")

# Index files made by `concord index add`, without their 8-byte checksum (the harness appends it).
with tempfile.TemporaryDirectory() as scratch:
    for name, stories_used, words, options in [
        ("one-story-8-slots", 1, 40, ["--slots", "8"]),
        ("three-stories-16-slots", 3, 30, ["--slots", "16", "--ngram", "3"]),
        ("two-stories-affine", 2, 30, ["--slots", "8", "--scheme", "affine", "--measure", "jaccard"]),
        ("two-stories-char", 2, 20, ["--slots", "4", "--char-ngram", "4", "--names", "all", "--no-clean"]),
        ("integer-ids", 2, 20, ["--slots", "8"]),
    ]:
        documents = []
        for story, texts in corpus[:stories_used]:
            for outlet, text in texts[:2]:
                document_id = len(documents) + 1 if name == "integer-ids" else f"{story}/{outlet}"
                documents.append({"id": document_id, "text": " ".join(text.split()[:words])})
        source = os.path.join(scratch, f"{name}.jsonl")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(jsonl(documents))
        index = os.path.join(scratch, f"{name}.cidx")
        subprocess.run([concord, "index", "add", index, source, "--threads", "1"] + options, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(index, "rb") as handle:
            data = handle.read()
        write("FuzzIndexFile", name, data[:-8])

for harness in sorted(os.listdir(out)):
    folder = os.path.join(out, harness)
    if os.path.isdir(folder):
        sizes = [os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder)]
        print(f"seeds: {harness}: {len(sizes)} inputs, largest {max(sizes)} bytes")
