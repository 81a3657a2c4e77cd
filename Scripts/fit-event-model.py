#!/usr/bin/env python3
"""Refits the pair model of `concord cluster --mode events` on labelled events.

    Scripts/fit-event-model.py CORPUS.jsonl [--concord PATH] [--out model.json] [--folds 5]

CORPUS is JSONL with "id", "text" (and "title", "date" when there are any) and a gold "cluster"
per report (as ../shared/corpus/events/neus_train.jsonl). The script runs Concord's events mode
on the corpus with --pair-features, so the features are exactly those Concord computes; labels
each candidate pair (1 when both reports belong to one gold event), and fits a logistic
regression by Newton's method (IRLS) with a small ridge penalty. It prints the weights as the
Swift literal of `EventPairModel.fitted` and, with --out, writes them as JSON for --event-model.

--folds K also cross-validates by event: the events are split into K folds; for each fold the
model is fitted on the pairs of the other folds' corpus, and Concord clusters with that model
(--event-model) the held-out fold alone, and the whole corpus (scored on the held-out reports
only, so the other folds' reports compete as neighbours); both held-out pairwise F1 scores
(from ../shared/eval's scorer) are printed per fold. Needs numpy.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def run_concord(concord: str, corpus: str, out_dir: str, extra: list[str]) -> tuple[str, str]:
    """Runs events mode on `corpus`; returns the paths of its assignments and pair features."""
    assignments = os.path.join(out_dir, "assignments.jsonl")
    features = os.path.join(out_dir, "pairs.jsonl")
    subprocess.run([concord, "cluster", corpus, "--mode", "events", "-q", "-o", assignments,
                    "--pair-features", features, *extra], check=True)
    return assignments, features


def labelled_pairs(features_path: str, gold: dict) -> tuple[list[str], np.ndarray, np.ndarray]:
    names, rows, labels = None, [], []
    with open(features_path, encoding="utf-8") as lines:
        for line in lines:
            pair = json.loads(line)
            if names is None:
                names = [key for key in pair if key not in ("a", "b", "probability")]
            rows.append([pair[name] for name in names])
            labels.append(1.0 if gold[pair["a"]] == gold[pair["b"]] else 0.0)
    return names or [], np.array(rows, dtype=float), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, ridge: float = 1e-3, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by IRLS; returns (weights, intercept)."""
    design = np.hstack([x, np.ones((x.shape[0], 1))])
    beta = np.zeros(design.shape[1])
    penalty = ridge * len(y) * np.eye(design.shape[1])
    penalty[-1, -1] = 0  # the intercept is not penalized
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty @ beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def read_corpus(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def pairwise_f1(gold_path: str, predicted: str) -> float:
    scorer = os.path.join(REPO, "..", "shared", "eval", "score_clusters.py")
    result = subprocess.run([sys.executable, scorer, gold_path, predicted, "--json"], check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout)["pairwise_f1"]


def write_jsonl(path: str, documents: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")


def model_json(names: list[str], weights: np.ndarray, intercept: float) -> dict:
    return {"intercept": round(intercept, 4), "weights": {n: round(float(w), 4) for n, w in zip(names, weights)}}


def with_lone_events(documents: list[dict], fraction: float) -> list[dict]:
    """Keeps only the first report of a `fraction` of the events (spread evenly over them), so
    that the training corpus, like a real one, holds reports that have no partner: without them
    a report's best match is nearly always its own event's, and the model learns to trust rank
    over similarity."""
    events = sorted({str(d["cluster"]) for d in documents})
    lone = {e for i, e in enumerate(events) if (i * 0.6180339887498949) % 1 < fraction}
    seen: set[str] = set()
    kept = []
    for document in documents:
        event = str(document["cluster"])
        if event in lone and event in seen:
            continue
        seen.add(event)
        kept.append(document)
    return kept


def fit_corpus(concord: str, documents: list[dict], lone: float, work: str, extra: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Runs Concord on `documents` (a `lone` fraction of events cut to one report) in `work` and
    returns the feature names and the labelled candidate pairs."""
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "train.jsonl")
    write_jsonl(path, with_lone_events(documents, lone))
    _, features = run_concord(concord, path, work, extra)
    return labelled_pairs(features, {d["id"]: d["cluster"] for d in documents})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--concord", default=os.path.join(REPO, ".build", "release", "concord"))
    parser.add_argument("--out", help="write the model as JSON (for --event-model)")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate by event with this many folds")
    parser.add_argument("--lone-events", type=float, default=0.3,
                        help="fraction of events cut to one report for fitting (default 0.3)")
    parser.add_argument("--concord-args", default="", help="more options for concord, e.g. '--date-field none'")
    args = parser.parse_args()
    extra = args.concord_args.split()
    documents = read_corpus(args.corpus)
    gold = {d["id"]: d["cluster"] for d in documents}

    with tempfile.TemporaryDirectory() as work:
        names, x, y = fit_corpus(args.concord, documents, args.lone_events, os.path.join(work, "all"), extra)
        weights, intercept = fit(x, y)
        print(f"{len(y)} candidate pairs, {int(y.sum())} within one event")
        model = model_json(names, weights, intercept)
        print("weights: [" + ", ".join(f"{model['weights'][n]}" for n in names) + f"], intercept: {model['intercept']}")
        if args.out:
            with open(args.out, "w", encoding="utf-8") as out:
                json.dump(model, out, indent=2)
                out.write("\n")

        if args.folds > 1:
            events = sorted({str(d["cluster"]) for d in documents})
            scores = []
            for fold in range(args.folds):
                held = {e for i, e in enumerate(events) if i % args.folds == fold}
                train = [d for d in documents if str(d["cluster"]) not in held]
                test = [d for d in documents if str(d["cluster"]) in held]
                fold_dir = os.path.join(work, f"fold{fold}")
                os.makedirs(fold_dir)
                test_path = os.path.join(fold_dir, "test.jsonl")
                write_jsonl(test_path, test)
                fold_names, fx, fy = fit_corpus(args.concord, train, args.lone_events, os.path.join(fold_dir, "train"), extra)
                fw, fb = fit(fx, fy)
                model_path = os.path.join(fold_dir, "model.json")
                with open(model_path, "w", encoding="utf-8") as out:
                    json.dump(model_json(fold_names, fw, fb), out)
                test_dir = os.path.join(fold_dir, "test")
                os.makedirs(test_dir)
                assignments, _ = run_concord(args.concord, test_path, test_dir, extra + ["--event-model", model_path])
                alone = pairwise_f1(test_path, assignments)
                # The held-out reports clustered among all the others (a harder test: the other
                # folds' reports compete as neighbours), scored on the held-out reports only.
                full_dir = os.path.join(fold_dir, "full")
                os.makedirs(full_dir)
                full_assignments, _ = run_concord(args.concord, args.corpus, full_dir, extra + ["--event-model", model_path])
                held_ids = {d["id"] for d in test}
                held_predictions = os.path.join(full_dir, "held.jsonl")
                with open(full_assignments, encoding="utf-8") as lines, open(held_predictions, "w", encoding="utf-8") as out:
                    for line in lines:
                        if json.loads(line)["id"] in held_ids:
                            out.write(line)
                within = pairwise_f1(test_path, held_predictions)
                scores.append((alone, within))
                print(f"fold {fold + 1}/{args.folds}: {len(test)} reports held out, pairwise F1 {alone:.4f} clustered alone, "
                      f"{within:.4f} among all reports")
            for index, label in ((0, "clustered alone"), (1, "among all reports")):
                values = [score[index] for score in scores]
                print(f"cross-validated pairwise F1, {label}: mean {np.mean(values):.4f} "
                      f"(min {min(values):.4f}, max {max(values):.4f})")

if __name__ == "__main__":
    main()
