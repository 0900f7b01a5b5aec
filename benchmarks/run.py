"""Benchmarks of the suite on this machine: they print figures, they assert nothing.

    python benchmarks/run.py              # everything (about 40 minutes on 2 cores)
    python benchmarks/run.py --only overhead,shared

Sections:
  overhead     one spec trained through the suite's store (spec, lock, training, predictions,
               checksums, atomic publish) vs a bare tf_keras script doing the same fit,
               strip, prediction and save on the same data; median of several repetitions.
  tiers        cold and warm wall time of `pytest -m fast -n 2` and `-n 1`, and of the fast
               claims only (`pytest claims/ -m fast -n 2`), in fresh caches, with
               models_trained from verdict.json, the slowest tests, and where the worker
               time of the -n 2 cold run went (the store's own records).
  shared       two independent pytest processes sharing one cache directory ("two
               machines"): wall time and how many models each trained.
  throughput   training images per second per experiment (train.json of the -n 2 cold
               run; needs tiers), next to a stated theoretical peak of one core.
  population   per fast experiment, in one process: one model trained alone (the store's
               path) vs groups of G = 1, 5, 10, 30 members trained together
               (fixtures/population_training.py), each alone run interleaved with a group;
               seconds per model counted from build to the last member's written entry, as
               process CPU time (robust to other load) and wall time.
  sizes        cold `pytest claims/ -m fast -n 2` at --population 5 and at --population 30, in
               fresh caches, one after the other, then the M = 30 run again with
               --replicate=1 (seeds 100,000+) in a third fresh cache: wall and CPU time (user +
               system of pytest and its workers), models trained, where the worker time went,
               outcome counts, and the agreement of the two M = 30 replicates
               (benchmarks/replicates.py). About an hour on 2 cores. The report directories
               are kept (their paths are printed).
  verdict      cold then warm `pytest claims/ -m fast -n 2` at the default population, in a fresh
               cache: wall and CPU time, and warm / cold (issue 13: a warm verdict under 10%).
Run it on a quiet machine: other processes distort every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

REPETITIONS = 5



def read_verdict(report: Path) -> dict:
    """A report dir's verdict: the complete one, else the partial one (`-m fast` runs are
    partial: fixtures/verdict.py writes them to partial/verdict.json)."""
    for path in (report / "verdict.json", report / "partial" / "verdict.json"):
        if path.exists():
            return json.loads(path.read_text())
    return {}

def overhead(experiment: str = "digits-lt", sparsity: float = 0.9) -> dict[str, float]:
    """Suite vs bare tf_keras for the same training, in one process (TF imported once)."""
    from fixtures.experiments import EXPERIMENTS
    from fixtures.models import build_model, strip, wrap_for_pruning
    from fixtures.populations import Populations
    from fixtures.store import ModelStore
    from fixtures.tensorflow_runtime import tensorflow
    from fixtures.training import EVAL_BATCH, total_steps

    tf, keras, tfmot = tensorflow()
    exp = EXPERIMENTS[experiment]

    def suite(seed: int) -> float:
        with tempfile.TemporaryDirectory() as cache:
            store = ModelStore(Path(cache), "bench")
            store.prepare()
            pops = Populations(store, 5, [], {})
            spec = pops.spec(experiment, sparsity, seed)
            pops.dataset(experiment)  # data loading is not training: excluded from both sides
            started = time.perf_counter()
            store.ensure([spec], pops._train)
            return time.perf_counter() - started

    def bare(seed: int) -> float:
        from fixtures.populations import Populations as P

        data = P(ModelStore(Path(tempfile.gettempdir()), "x"), 5, [], {}).dataset(experiment)
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            keras.utils.set_random_seed(seed)
            model = build_model(exp.architecture, data.input_shape, data.num_classes)
            model = wrap_for_pruning(model, sparsity, exp.pruning, total_steps(len(data.y_train), exp))
            model.compile(optimizer=keras.optimizers.Adam(exp.budget.learning_rate),
                          loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
            model.fit(data.make_train(exp.budget.batch_size, seed), epochs=exp.budget.epochs, verbose=0,
                      callbacks=[tfmot.sparsity.keras.UpdatePruningStep(),
                                 tfmot.sparsity.keras.PruningSummaries(log_dir=f"{out}/logs")])
            # test logits before and after strip_pruning, batch by batch, as the suite computes them
            np.concatenate([model(batch, training=False).numpy() for batch in data.make_test(EVAL_BATCH)])
            stripped = strip(model)
            np.concatenate([stripped(batch, training=False).numpy() for batch in data.make_test(EVAL_BATCH)])
            stripped.save(f"{out}/model.keras")
            return time.perf_counter() - started

    bare(100), suite(100)  # warm-up: graph tracing caches, first-use allocations
    suite_times, bare_times = [], []
    for rep in range(REPETITIONS):  # alternate so drifts hit both sides alike
        bare_times.append(bare(rep))
        suite_times.append(suite(rep))
    return {"suite_median_s": statistics.median(suite_times), "bare_median_s": statistics.median(bare_times),
            "ratio": statistics.median(suite_times) / statistics.median(bare_times),
            "suite_s": suite_times, "bare_s": bare_times}


def cpu_seconds_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pytest_run(cache: Path, report: Path, *args: str) -> dict[str, float]:
    """One pytest run in REPO: wall and CPU time (user + system of pytest and its workers),
    figures from its verdict, its last line and its slowest tests (with --durations)."""
    started, cpu_before = time.perf_counter(), cpu_seconds_of_children()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--model-cache={cache}",
                             f"--report-dir={report}", *args], cwd=REPO, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - started, cpu_seconds_of_children() - cpu_before
    verdict = read_verdict(report)
    provenance = verdict.get("provenance", {})
    return {"wall_s": wall, "cpu_s": cpu, "exit": result.returncode, "models_trained": provenance.get("models_trained"),
            "models_loaded": provenance.get("models_loaded"), "peak_memory_mb": provenance.get("peak_memory_mb"),
            "tail": result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-300:],
            "slowest": [line.strip() for line in result.stdout.splitlines() if line.strip().endswith(("]", ")")) and
                        (" call " in line or " setup " in line) and line.strip()[0].isdigit()]}


def tiers() -> tuple[dict[str, dict], dict[str, dict], dict[str, float]]:
    """Cold then warm runs of the fast tier (-n 2, -n 1) and of its claims only (-n 2); the
    training throughput and a time profile are read from the -n 2 cold cache."""
    rows, rates, profile = {}, {}, {}
    for name, args in (("-n 2", ["-m", "fast", "-n", "2"]), ("-n 1", ["-m", "fast", "-n", "1"]),
                       ("claims/ -n 2", ["claims/", "-m", "fast", "-n", "2"])):
        work = Path(tempfile.mkdtemp(prefix="bench-tier-"))
        for state in ("cold", "warm"):
            rows[f"{name} {state}"] = pytest_run(work / "cache", work / "reports", *args, "--durations=3")
        if name == "-n 2":
            rates, profile = throughput(work / "cache"), time_profile(work / "cache")
        shutil.rmtree(work, ignore_errors=True)
    return rows, rates, profile


def time_profile(cache: Path) -> dict[str, float]:
    """Worker seconds spent writing store entries, from their own records: training per
    experiment (train.json) and derived entries (info.json of TFLite / corrupted-set entries)."""
    profile: dict[str, float] = {}
    for record in sorted(cache.glob("*/*/train.json")):
        key = f"training {record.parts[-3]}"
        profile[key] = profile.get(key, 0.0) + json.loads(record.read_text())["wall_seconds"]
    for record in sorted(cache.glob("*/*/info.json")):
        kind = "tflite" if "-tflite-" in record.parent.name else "corruptions"
        profile[f"derived {kind}"] = profile.get(f"derived {kind}", 0.0) + json.loads(record.read_text())["wall_seconds"]
    return profile


def shared() -> dict[str, dict]:
    """Two pytest processes ("machines", -n 1 each) sharing one cold cache directory."""
    work = Path(tempfile.mkdtemp(prefix="bench-shared-"))
    args = ["-m", "fast", "-n", "1", "claims/"]
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               f"--model-cache={work / 'cache'}", f"--report-dir={work / ('reports' + str(i))}", *args],
                              cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in (1, 2)]
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - started
    rows = {}
    for i in (1, 2):
        verdict = read_verdict(work / f"reports{i}")
        rows[f"machine {i}"] = {"exit": codes[i - 1], "models_trained": verdict["provenance"]["models_trained"],
                                "statuses": {c["id"]: c["status"] for c in verdict["claims"]}}
    entries = sum(1 for p in (work / "cache").glob("*/*/manifest.json"))
    rows["together"] = {"wall_s": wall, "entries_in_cache": entries,
                        "same_verdict": rows["machine 1"]["statuses"] == rows["machine 2"]["statuses"]}
    shutil.rmtree(work, ignore_errors=True)
    return rows


def throughput(cache: Path) -> dict[str, dict]:
    """Median training images/s per experiment, from the entries in `cache`."""
    rows = {}
    for experiment in sorted(p.name for p in cache.iterdir() if p.is_dir() and not p.name.startswith((".", "data"))):
        rates = [json.loads(t.read_text())["train_images_per_second"] for t in (cache / experiment).glob("*/train.json")]
        if rates:
            rows[experiment] = {"models": len(rates), "median_images_per_s": statistics.median(rates)}
    return rows


#: Training FLOPs per image (forward multiply-adds x 2 x 3 for forward + backward), counted by
#: hand from the architectures in fixtures/models.py.
FLOPS_PER_IMAGE = {
    # conv1 8*8*16*9 + conv2 8*8*32*144 + dense1 512*64 + classifier 64*10 = 337,536 MACs
    "digits-lt": 337_536 * 2 * 3,
    # conv1 12*12*16*27 + conv2 6*6*32*144 + dense1 1152*32 + classifier 32*2 = 265,024 MACs
    "celeba-synthetic": 265_024 * 2 * 3,
}


#: Group sizes the population benchmark compares with one model trained alone.
GROUPS = (1, 5, 10, 30)


def population(experiment: str, sparsity: float = 0.9, groups: tuple[int, ...] = GROUPS) -> dict[str, dict[str, float]]:
    """Seconds per model (CPU and wall) for one model alone vs groups trained together.

    Alone: `fixtures.training.train_entry` (what the store runs today: build, prune, fit,
    test logits before and after strip, save, logs, train.json). Group: `train_group` then
    every member's entry files (`write_member_entry`: standalone stripped model, its logits,
    save, logs, train.json). Data loading is excluded from both. Every group run follows an
    alone run, so drifts in the machine's load hit both alike; fresh seeds every run.
    """
    from fixtures import population_training as pt
    from fixtures.experiments import EXPERIMENTS
    from fixtures.populations import Populations
    from fixtures.store import ModelStore
    from fixtures.training import train_entry

    exp = EXPERIMENTS[experiment]
    pops = Populations(ModelStore(Path(tempfile.gettempdir()), "bench"), 5, [], {})
    data = pops.dataset(experiment)
    seeds = iter(range(10_000, 100_000, 100))

    def alone() -> tuple[float, float]:
        spec = pops.spec(experiment, sparsity, next(seeds))
        with tempfile.TemporaryDirectory() as out:
            cpu, wall = time.process_time(), time.perf_counter()
            train_entry(spec, exp, data, Path(out), None)
            return time.process_time() - cpu, time.perf_counter() - wall

    def group(size: int) -> tuple[float, float]:
        first = next(seeds)
        specs = [pops.spec(experiment, sparsity, seed) for seed in range(first, first + size)]
        with tempfile.TemporaryDirectory() as out:
            cpu, wall = time.process_time(), time.perf_counter()
            trained = pt.train_group(specs, exp, data)
            wrapped = pt.group_test_logits(trained["group"], data, size)
            for member in range(size):
                (Path(out) / str(member)).mkdir()
                pt.write_member_entry(trained, wrapped, specs, member, exp, data, Path(out) / str(member))
            return (time.process_time() - cpu) / size, (time.perf_counter() - wall) / size

    alone()  # warm-up: first-use costs of TensorFlow
    alone_runs, rows = [], {}
    for size in groups:
        alone_runs.append(alone())
        cpu, wall = group(size)
        rows[f"G={size}"] = {"cpu_s": cpu, "wall_s": wall}
    rows = {"alone": {"cpu_s": statistics.median(c for c, _ in alone_runs),
                      "wall_s": statistics.median(w for _, w in alone_runs)}, **rows}
    images = exp.budget.epochs * len(data.y_train)
    for row in rows.values():
        row["images_per_cpu_s"] = images / row["cpu_s"]
        row["gflops_per_cpu_s"] = row["images_per_cpu_s"] * FLOPS_PER_IMAGE[experiment] / 1e9
        row["speedup_cpu"] = rows["alone"]["cpu_s"] / row["cpu_s"]
        row["speedup_wall"] = rows["alone"]["wall_s"] / row["wall_s"]
    return rows


def sizes(small: int = 5, large: int = 30) -> tuple[dict[str, dict], list[str]]:
    """Cold verdicts at two population sizes and a second seed replicate of the large one,
    each in a fresh cache (issue 13's target: the large one within 2x of the small one)."""
    from collections import Counter

    from benchmarks.replicates import compare, load

    keep = Path(tempfile.mkdtemp(prefix="bench-sizes-"))
    rows: dict[str, dict] = {}
    for name, extra in ((f"M = {small}", [f"--population={small}"]), (f"M = {large}", [f"--population={large}"]),
                        (f"M = {large}, replicate 1", [f"--population={large}", "--replicate=1"])):
        work = keep / name.replace(" ", "").replace(",", "-").replace("=", "")
        row = pytest_run(work / "cache", work / "reports", "claims/", "-m", "fast", "-n", "2", *extra)
        row["profile"] = time_profile(work / "cache")
        row["outcomes"] = dict(Counter(case["outcome"] for case in read_verdict(work / "reports").get("cases", [])))
        row["reports"] = str(work / "reports")
        rows[name] = row
        print(f"{name:<24} wall {row['wall_s']:7.1f} s  CPU {row['cpu_s']:7.1f} s  trained {row['models_trained']}  "
              f"exit {row['exit']}  | {row['tail']}", flush=True)
        shutil.rmtree(work / "cache", ignore_errors=True)
    agreement = compare(load(Path(rows[f"M = {large}"]["reports"])), load(Path(rows[f"M = {large}, replicate 1"]["reports"])))
    return rows, agreement


def verdict_cold_warm() -> dict[str, dict]:
    """`pytest claims/ -m fast -n 2` at the default population: cold (fresh cache), then warm."""
    work = Path(tempfile.mkdtemp(prefix="bench-verdict-"))
    rows = {state: pytest_run(work / "cache", work / "reports", "claims/", "-m", "fast", "-n", "2", "--durations=5")
            for state in ("cold", "warm")}  # in order: cold, then warm
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="overhead,tiers,shared,throughput,population,sizes,verdict")  # throughput needs tiers
    sections = parser.parse_args().only.split(",")
    print(f"# forgetting-claims benchmarks, {time.strftime('%Y-%m-%d')}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    if "overhead" in sections:
        o = overhead()
        print(f"\n## harness overhead (digits-lt, s=0.9, median of {REPETITIONS})")
        print(f"suite {o['suite_median_s']:.2f} s  bare tf_keras {o['bare_median_s']:.2f} s  ratio {o['ratio']:.3f}")
        print(f"suite runs {[round(t, 2) for t in o['suite_s']]}  bare runs {[round(t, 2) for t in o['bare_s']]}")
    rates: dict[str, dict] = {}
    if "tiers" in sections:
        print("\n## pytest -m fast, and its claims only (fresh cache, then warm)")
        rows, rates, profile = tiers()
        for name, row in rows.items():
            print(f"{name:<18} wall {row['wall_s']:7.1f} s  trained {row['models_trained']}  loaded {row['models_loaded']}  "
                  f"exit {row['exit']}  peak MB {row['peak_memory_mb']}  | {row['tail']}")
            for line in row["slowest"]:
                print(f"{'':<18}   slowest: {line}")
        print("\n## where the worker time goes (-n 2 cold, from the store's own records)")
        for name, seconds in profile.items():
            print(f"{name:<32} {seconds:7.1f} s")
    if "shared" in sections:
        print("\n## two pytest processes sharing one cold cache (-n 1 each)")
        for name, row in shared().items():
            print(f"{name:<10} {row}")
    if "throughput" in sections and rates:
        print("\n## training throughput (one core per model; -n 2 cold run)")
        for experiment, row in rates.items():
            flops = FLOPS_PER_IMAGE.get(experiment)
            achieved = f"{row['median_images_per_s'] * flops / 1e9:.1f} GFLOP/s" if flops else "n/a"
            print(f"{experiment:<18} {row['median_images_per_s']:8.0f} images/s  ({row['models']} models; {achieved})")
        print("peak of one core (stated, not measured): AVX-512 FMA fp32, 2 units x 16 lanes x 2 flops per cycle "
              "= 64 flops/cycle, ~190 GFLOP/s at ~3 GHz")
    if "population" in sections:
        print("\n## population training: one model alone vs G members trained together (s=0.9; per model, "
              "build to written entry)")
        print(f"{'experiment':<18} {'run':<6} {'CPU s':>7} {'wall s':>7} {'images/CPU s':>13} {'GFLOP/CPU s':>12} "
              f"{'x alone (CPU)':>14} {'x alone (wall)':>15}")
        for experiment in FLOPS_PER_IMAGE:
            for name, row in population(experiment).items():
                print(f"{experiment:<18} {name:<6} {row['cpu_s']:7.2f} {row['wall_s']:7.2f} {row['images_per_cpu_s']:13,.0f} "
                      f"{row['gflops_per_cpu_s']:12.1f} {row['speedup_cpu']:14.2f} {row['speedup_wall']:15.2f}", flush=True)

    if "sizes" in sections:
        print("\n## cold `pytest claims/ -m fast -n 2` at two population sizes, fresh caches (and a second "
              "replicate of the larger)")
        rows, agreement = sizes()
        small, large = list(rows)[:2]
        print(f"\n{'run':<24} {'wall s':>8} {'CPU s':>8} {'models':>7}  outcomes")
        for name, row in rows.items():
            print(f"{name:<24} {row['wall_s']:8.1f} {row['cpu_s']:8.1f} {row['models_trained']!s:>7}  {row['outcomes']}")
        print(f"ratio {large} / {small}: wall {rows[large]['wall_s'] / rows[small]['wall_s']:.2f}x, "
              f"CPU {rows[large]['cpu_s'] / rows[small]['cpu_s']:.2f}x (target: at most 2x)")
        for name, row in rows.items():
            print(f"where the worker time went, {name}: " +
                  ", ".join(f"{key} {seconds:.0f} s" for key, seconds in row["profile"].items()))
            print(f"  reports: {row['reports']}")
        print("\n" + "\n".join(agreement))

    if "verdict" in sections:
        print("\n## the verdict at the default population: cold, then warm (`pytest claims/ -m fast -n 2`)")
        rows = verdict_cold_warm()
        for state, row in rows.items():
            print(f"{state:<5} wall {row['wall_s']:7.1f} s  CPU {row['cpu_s']:7.1f} s  trained {row['models_trained']}  "
                  f"loaded {row['models_loaded']}  exit {row['exit']}  | {row['tail']}")
            for line in row["slowest"]:
                print(f"{'':<5}   slowest: {line}")
        print(f"warm / cold: wall {rows['warm']['wall_s'] / rows['cold']['wall_s']:.1%}, "
              f"CPU {rows['warm']['cpu_s'] / rows['cold']['cpu_s']:.1%} (target: under 10%)")


if __name__ == "__main__":
    main()
