#!/usr/bin/python3
"""Side-by-side parity of SpinDetect's boosted trees with XGBoost and scikit-learn.

Usage: parity.py OURS_COMMAND WORKDIR [NAME TRAIN.csv TEST.csv ...]
Generates the synthetic data sets into WORKDIR, adds any extra named CSV pairs (label column "label"),
trains all three learners on each, and prints one markdown table.
OURS_COMMAND is a shell prefix that, given TRAIN TEST, prints "auc=… logloss=… seconds=… cpu_seconds=…".
"""
import os
import shlex
import subprocess
import sys
import time

import numpy as np
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score

THREADS = int(os.environ.get("PARITY_THREADS", "2"))
ROUNDS = 100
LEAVES = 20
ETA = 0.2
MIN_LEAF = 10
# XGBoost bounds the hessian sum of a child, not its row count: 10 rows at p = 0.5 weigh 10 × 0.25.
MIN_CHILD_WEIGHT = MIN_LEAF * 0.25


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def interactions(rng, n):
    x = rng.normal(size=(n, 10))
    logit = (1.5 * x[:, 0] * x[:, 1]
             + 2.0 * ((x[:, 2] > 0) ^ (x[:, 3] > 0)) - 1.0
             + np.sin(2 * x[:, 4])
             + 0.8 * (x[:, 5] > 0.5) * x[:, 6])
    y = rng.random(n) < sigmoid(logit)
    return x, y


def missing(rng, n):
    x = rng.normal(size=(n, 12))
    x[:, 7] = rng.integers(0, 6, size=n)  # a low-cardinality column
    logit = x[:, 0] - 0.8 * x[:, 1] + 0.6 * x[:, 2] * x[:, 3] + 0.5 * x[:, 7] - 1.2
    y = rng.random(n) < sigmoid(logit)
    x[rng.random(n) < 0.3, 0] = np.nan                        # missing completely at random
    x[x[:, 5] > 1.0, 1] = np.nan                              # missing depending on another column
    x[(rng.random(n) < np.where(y, 0.5, 0.1)), 2] = np.nan    # missingness itself is informative
    return x, y


def large(rng, n):
    x = rng.normal(size=(n, 30))
    x[:, 20:25] = np.round(x[:, 20:25] * 2)                   # few distinct values
    x[:, 25:30] = rng.exponential(size=(n, 5))                # skewed
    logit = (0.8 * x[:, 0] - 0.6 * x[:, 1] + 0.7 * x[:, 2] * x[:, 3]
             + 1.0 * ((x[:, 4] > 0) & (x[:, 5] > 0)) + 0.5 * np.abs(x[:, 6])
             + 0.3 * x[:, 20] - 0.4 * np.log1p(x[:, 25]) + 0.2 * x[:, 10:15].sum(axis=1) - 0.5)
    y = rng.random(n) < sigmoid(logit)
    return x, y


SYNTHETIC = [
    ("interactions", interactions, 50_000, 50_000),
    ("missing", missing, 50_000, 50_000),
    ("large", large, 200_000, 50_000),
]


def write_csv(path, x, y):
    header = ",".join(["label"] + [f"f{i}" for i in range(x.shape[1])])
    table = np.column_stack([y.astype(np.float64), x])
    np.savetxt(path, table, delimiter=",", header=header, comments="", fmt="%.7g")


def generate(workdir):
    sets = []
    for seed, (name, make, n_train, n_test) in enumerate(SYNTHETIC):
        train, test = os.path.join(workdir, f"{name}.train.csv"), os.path.join(workdir, f"{name}.test.csv")
        if not (os.path.exists(train) and os.path.exists(test)):
            rng = np.random.default_rng(1000 + seed)
            x, y = make(rng, n_train + n_test)
            write_csv(train, x[:n_train], y[:n_train])
            write_csv(test, x[n_train:], y[n_train:])
        sets.append((name, train, test))
    return sets


def load(path):
    with open(path) as f:
        columns = f.readline().strip().split(",")
    label = columns.index("label")
    try:
        table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    except ValueError:  # empty cells: the slower reader fills them with NaN
        table = np.genfromtxt(path, delimiter=",", skip_header=1, filling_values=np.nan, dtype=np.float64)
    y = table[:, label].astype(int)
    x = np.delete(table, label, axis=1).astype(np.float32)
    return x, y


def run_xgboost(xtr, ytr, xte, yte):
    start, cpu = time.perf_counter(), time.process_time()
    dtrain = xgb.DMatrix(xtr, label=ytr, nthread=THREADS)
    params = {
        "objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide",
        "max_leaves": LEAVES, "max_depth": 0, "eta": ETA, "max_bin": 255,
        "min_child_weight": MIN_CHILD_WEIGHT, "nthread": THREADS, "seed": 123,
    }
    booster = xgb.train(params, dtrain, num_boost_round=ROUNDS)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    p = booster.predict(xgb.DMatrix(xte, nthread=THREADS))
    return roc_auc_score(yte, p), log_loss(yte, p), seconds, cpu


def run_sklearn(xtr, ytr, xte, yte):
    model = HistGradientBoostingClassifier(
        max_leaf_nodes=LEAVES, learning_rate=ETA, max_iter=ROUNDS, min_samples_leaf=MIN_LEAF,
        max_bins=255, early_stopping=False, random_state=123)
    start, cpu = time.perf_counter(), time.process_time()
    model.fit(xtr, ytr)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    p = model.predict_proba(xte)[:, 1]
    return roc_auc_score(yte, p), log_loss(yte, p), seconds, cpu


def run_ours(command, train, test):
    run = subprocess.run(shlex.split(command) + [train, test], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"error: our learner failed on {train} (exit {run.returncode}):\n{run.stderr.strip() or run.stdout.strip()}")
    output = run.stdout
    line = [l for l in output.splitlines() if l.startswith("auc=")][-1]
    values = dict(part.split("=") for part in line.split())
    return float(values["auc"]), float(values["logloss"]), float(values["seconds"]), float(values["cpu_seconds"])


def main():
    if len(sys.argv) < 3 or (len(sys.argv) - 3) % 3:
        sys.exit(__doc__)
    command, workdir = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    extra_sets = [(extra[i], extra[i + 1], extra[i + 2]) for i in range(0, len(extra), 3)]
    # Checked before any data set is generated or any learner runs.
    for name, train, test in extra_sets:
        for path in (train, test):
            if not os.path.isfile(path):
                sys.exit(f"error: {name}: {path} does not exist")
            with open(path) as f:
                if "label" not in f.readline().strip().split(","):
                    sys.exit(f"error: {name}: {path} has no 'label' column in its header")
    only = os.environ.get("PARITY_ONLY")
    known = [s[0] for s in SYNTHETIC]
    if only:
        unknown = [name for name in only.split(",") if name not in known]
        if unknown:
            sys.exit(f"error: PARITY_ONLY names unknown data sets {', '.join(unknown)}; known: {', '.join(known)}")
    os.makedirs(workdir, exist_ok=True)
    sets = generate(workdir)
    if only:
        sets = [s for s in sets if s[0] in only.split(",")]
    sets += extra_sets

    # Warm XGBoost up once so its one-off start-up cost is not charged to the first data set.
    xgb.train({"nthread": THREADS}, xgb.DMatrix(np.zeros((10, 2)), label=np.arange(10) % 2), num_boost_round=1)
    print("| data set | rows (train/test) × features | method | AUC | log-loss | train wall (s) | train CPU (s) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    summary = []
    for name, train, test in sets:
        xtr, ytr = load(train)
        xte, yte = load(test)
        shape = f"{len(ytr)}/{len(yte)} × {xtr.shape[1]}"
        results = {
            "SpinDetect": run_ours(command, train, test),
            "XGBoost": run_xgboost(xtr, ytr, xte, yte),
            "sklearn HGB": run_sklearn(xtr, ytr, xte, yte),
        }
        for method, (auc, loss, seconds, cpu) in results.items():
            print(f"| {name} | {shape} | {method} | {auc:.4f} | {loss:.4f} | {seconds:.2f} | {cpu:.2f} |")
        ours, ref = results["SpinDetect"], results["XGBoost"]
        summary.append((name, ours[0] - ref[0], ours[2] / ref[2], ours[3] / ref[3]))
        sys.stdout.flush()
    print()
    print("| data set | AUC − XGBoost AUC (target ≥ −0.002) | wall / XGBoost wall (target ≤ 1) | CPU / XGBoost CPU |")
    print("| --- | --- | --- | --- |")
    for name, delta, wall, cpu in summary:
        print(f"| {name} | {delta:+.4f} | {wall:.2f} | {cpu:.2f} |")


if __name__ == "__main__":
    main()
