"""Loading and converting a full-tier model on CPU: prints the figures quoted in
fixtures/models.py (`load_model_file`) and fixtures/quantization.py ("Lowering").

    python benchmarks/model_files.py [--architecture inception-v3] [--repeats 3]

A randomly initialised model (nothing is downloaded) at its input size is saved as model.keras in a
temporary folder, then:
  - loaded with tf_keras's `keras.models.load_model(path, compile=False)` and with
    `fixtures.models.load_model_file`, `--repeats` times each (median wall seconds), and the two
    checked for identical weights and outputs;
  - converted to TFLite (float32 and dynamic) with `experimental_lower_to_saved_model` True
    (tf_keras's default: through a SavedModel) and False (a frozen concrete function, the suite's
    choice), each timed, with the largest output difference from Keras on 4 random images.
Run it on a quiet machine; it prints and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from fixtures.models import build_model, load_model_file  # noqa: E402
from fixtures.quantization import predict_logits  # noqa: E402
from fixtures.tensorflow_runtime import device_description, tensorflow  # noqa: E402

INPUT_SHAPES = {"inception-v3": (299, 299, 3), "inception-v3-keras-study": (218, 178, 3), "resnet18": (224, 224, 3)}


def timed(function, repeats: int) -> tuple[float, object]:
    seconds, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--architecture", default="inception-v3", choices=sorted(INPUT_SHAPES))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    tf, keras, _ = tensorflow()
    keras.utils.set_random_seed(0)
    shape = INPUT_SHAPES[args.architecture]
    model = build_model(args.architecture, shape, 2)
    images = np.random.default_rng(0).random((4, *shape), dtype=np.float32)
    reference = model(images, training=False).numpy()
    print(f"{args.architecture} at {shape[0]}x{shape[1]}, {model.count_params():,} weights; {device_description()}; "
          f"tensorflow {tf.__version__}, median of {args.repeats}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.keras"
        model.save(path)
        print(f"model.keras: {path.stat().st_size / 2**20:.1f} MiB")
        print("| load | seconds |\n|---|---|")
        keras_seconds, by_keras = timed(lambda: keras.models.load_model(path, compile=False), args.repeats)
        ours_seconds, by_file = timed(lambda: load_model_file(path), args.repeats)
        print(f"| keras.models.load_model | {keras_seconds:.1f} |\n| load_model_file | {ours_seconds:.1f} |")
        same = all(np.array_equal(a, b) for a, b in zip(by_keras.get_weights(), by_file.get_weights()))
        outputs = np.array_equal(by_keras(images, training=False).numpy(), by_file(images, training=False).numpy())
        print(f"identical weights: {same}; identical outputs: {outputs}")

    print("\n| TFLite mode | lowering | convert s | bytes | max abs difference from Keras |\n|---|---|---|---|---|")
    for mode in ("float32", "dynamic"):
        for lower in (True, False):
            def convert() -> bytes:
                converter = tf.lite.TFLiteConverter.from_keras_model(model)
                converter.experimental_lower_to_saved_model = lower
                if mode == "dynamic":
                    converter.optimizations = [tf.lite.Optimize.DEFAULT]
                return converter.convert()

            seconds, blob = timed(convert, 1)
            difference = np.abs(predict_logits(blob, [images]) - reference).max()
            name = "SavedModel (default)" if lower else "frozen concrete function"
            print(f"| {mode} | {name} | {seconds:.1f} | {len(blob):,} | {difference:.2e} |")


if __name__ == "__main__":
    main()
