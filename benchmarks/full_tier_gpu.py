"""GPU figures for the full tier (issue 14, item 4): prints a table, asserts nothing.

    python benchmarks/full_tier_gpu.py --images 20000 --steps 40 --work /tmp/gpu-bench

Written for a session with a GPU (none was available when it was written: it was run only
on CPU with tiny settings, `--images 64 --steps 2`, to check that it runs).
Every figure is training images per second: the median over `--steps` timed steps after
`WARMUP_STEPS` untimed ones (tracing, autotuning), batch = the experiment's batch size.

  decode   the CelebA loader's streamed training pipeline alone (read, JPEG decode, resize,
           shuffle, batch; fixtures/celeba.py), on a generated CelebA-format directory of
           178 x 218 JPEGs (fixtures/celeba_synthetic.py), at each model's input size
  bare     tf_keras `fit` of each architecture (fixtures/models.py) on one in-memory batch
           repeated: the model's own speed, no input pipeline
  suite    the same architectures through the suite's training (fixtures/training.py
           train_entry: the loader on the generated directory, callbacks, one epoch), from the
           entry's train.json; dense models (pruned ones add TF-MOT's mask updates)
  workers  bare ResNet-18 in one process vs two processes at once on the same GPU
           (`-n 1` vs `-n 2`): the sum of their images per second

Compare with the issue's anchors (orders of magnitude, H100-class, mixed precision):
ResNet-18 at 224 ~7,500 images/s, InceptionV3 at 299 ~1,700.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

WARMUP_STEPS = 5
#: (label, experiment whose architecture, budget and input size are used)
MODELS = [("inception-v3 218x178 (study)", "celeba-inception-v3-keras-study"),
          ("inception-v3 299x299", "celeba-inception-v3"),
          ("resnet18 224x224", "celeba-resnet18")]


def timed_fit(model, batch, steps: int, warmup: int) -> float:
    """Images per second of `model.fit` on `batch` (images, labels) repeated, median step time."""
    from fixtures.tensorflow_runtime import tensorflow

    tf, keras, _ = tensorflow()
    times: list[float] = []

    class Clock(keras.callbacks.Callback):
        def on_train_batch_begin(self, index, logs=None):
            self.start = time.perf_counter()

        def on_train_batch_end(self, index, logs=None):
            times.append(time.perf_counter() - self.start)

    data = tf.data.Dataset.from_tensors(batch).repeat(warmup + steps)
    model.fit(data, epochs=1, verbose=0, callbacks=[Clock()])
    return len(batch[1]) / statistics.median(times[warmup:])


def bare(experiment: str, precision: str, steps: int, warmup: int) -> float:
    import numpy as np

    from fixtures.celeba import image_shape
    from fixtures.experiments import EXPERIMENTS
    from fixtures.models import build_model, precision_policy
    from fixtures.tensorflow_runtime import tensorflow
    from fixtures.training import optimizer_config

    _, keras, _ = tensorflow()
    exp = EXPERIMENTS[experiment]
    shape = (*image_shape(exp.image_size), 3)
    rng = np.random.default_rng(0)
    batch = (rng.random((exp.budget.batch_size, *shape), dtype=np.float32),
             rng.integers(0, 2, exp.budget.batch_size).astype(np.int64))
    with precision_policy(precision):
        model = build_model(exp.architecture, shape, 2)
        model.compile(optimizer=keras.optimizers.get({"class_name": exp.budget.optimizer,
                                                      "config": optimizer_config(exp.budget)}),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        return timed_fit(model, batch, steps, warmup)


def decode_rate(root: Path, experiment: str, steps: int, warmup: int) -> float:
    from fixtures.celeba import celeba_dataset
    from fixtures.experiments import EXPERIMENTS

    exp = EXPERIMENTS[experiment]
    data = celeba_dataset(root, exp.image_size, "celeba", synthetic=True, in_memory_limit_bytes=0)  # streamed
    rates, last = [], time.perf_counter()
    for index, (images, _) in enumerate(data.make_train(exp.budget.batch_size, 0).repeat()):
        now = time.perf_counter()
        rates.append(len(images) / (now - last))
        last = now
        if index + 1 >= warmup + steps:
            break
    return statistics.median(rates[warmup:])


def suite(root: Path, work: Path, experiment: str, precision: str) -> float:
    """One epoch of a dense model through fixtures.training.train_entry (its train.json)."""
    from fixtures.populations import Populations
    from fixtures.store import ModelStore
    from fixtures.training import train_entry

    store = ModelStore(work / "cache", run_uid="benchmark")
    store.prepare()
    populations = Populations(store, 1, [], {"celeba_dir": str(root), "mixed_precision": precision != "float32",
                                             "budget": "full"})
    exp = populations.experiment(experiment)
    exp = dataclasses.replace(exp, budget=dataclasses.replace(exp.budget, epochs=1))
    spec = populations.spec(experiment, 0.0, 0)
    out = work / f"suite-{experiment}-{precision}"
    out.mkdir(parents=True, exist_ok=True)
    train_entry(spec, exp, populations.dataset(experiment), out, None, None)
    return json.loads((out / "train.json").read_text())["train_images_per_second"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=20000, help="training images of the generated directory")
    parser.add_argument("--steps", type=int, default=40, help="timed steps per figure")
    parser.add_argument("--work", type=Path, default=Path("/tmp/full-tier-gpu-bench"))
    parser.add_argument("--only", default="decode,bare,suite,workers")
    parser.add_argument("--models", default=",".join(name for _, name in MODELS), help="experiments whose models to time")
    parser.add_argument("--warmup", type=int, default=WARMUP_STEPS, help="untimed steps before each figure")
    parser.add_argument("--bare-one", nargs=2, metavar=("EXPERIMENT", "PRECISION"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_one:  # a child of the workers section
        print(json.dumps(bare(args.bare_one[0], args.bare_one[1], args.steps, args.warmup)))
        return
    from fixtures.celeba_synthetic import write_synthetic_celeba
    from fixtures.tensorflow_runtime import device_description

    sections = args.only.split(",")
    root = args.work / "celeba"
    if not (root / "list_eval_partition.txt").exists():
        started = time.perf_counter()
        write_synthetic_celeba(root, n_train=args.images, n_val=4, n_test=max(4, args.images // 8),
                               image_size=(178, 218), seed=14)
        print(f"generated {root}: {args.images} training images of 178x218 in {time.perf_counter() - started:.0f} s")
    print(f"device: {device_description()}")
    for label, experiment in [(label, name) for label, name in MODELS if name in args.models.split(",")]:
        if "decode" in sections:
            print(f"decode  {label:30s} {decode_rate(root, experiment, args.steps, args.warmup):10.0f} images/s")
        for precision in ("float32", "mixed_float16"):
            if "bare" in sections:
                print(f"bare    {label:30s} {precision:14s} {bare(experiment, precision, args.steps, args.warmup):10.0f} images/s")
            if "suite" in sections:  # the study's model from a random initialisation: the same cost
                print(f"suite   {label:30s} {precision:14s} {suite(root, args.work, experiment, precision):10.0f} images/s")
    if "workers" in sections:
        command = [sys.executable, __file__, "--steps", str(args.steps), "--warmup", str(args.warmup),
                   "--bare-one", "celeba-resnet18", "mixed_float16"]
        for count in (1, 2):
            env = [{**os.environ, "PYTEST_XDIST_WORKER": f"gw{i}", "PYTEST_XDIST_WORKER_COUNT": str(count)}
                   for i in range(count)]
            children = [subprocess.Popen(command, env=env[i], stdout=subprocess.PIPE, text=True) for i in range(count)]
            rates = [float(child.communicate()[0].strip().splitlines()[-1]) for child in children]
            print(f"workers resnet18 224x224 mixed -n {count}: {sum(rates):10.0f} images/s in all "
                  f"({', '.join(f'{r:.0f}' for r in rates)})")


if __name__ == "__main__":
    main()
