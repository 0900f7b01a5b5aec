"""B9 (deployment check): a float32 TFLite conversion predicts what the Keras model predicts.

CBCM B9 quantizes post-training "via TensorFlow Lite" (paper-claims.md B9); WDCF W4 compares
the TFLite-quantized models with the dense Keras ones. Such a comparison measures
quantization only if conversion itself changes nothing, so the parity check comes first:
the stripped dense models, converted to TFLite without any optimisation
(fixtures/quantization.py mode "float32"), evaluated with the TFLite interpreter on the test
set in test-id order, against the labels the Keras models predicted (stored at training).

Decision (per experiment, over the M dense models):
  reproduced    every test label of every model is the same;
  contradicted  any label differs (the count and the largest probability change recorded).

Changelog: v1 first version.
"""

import numpy as np
import pytest

pytestmark = pytest.mark.claim(
    id="B9",
    statement="A float32 TFLite conversion of each dense model predicts the same test labels as the Keras model",
    source="CBCM B9 (post-training quantization via TensorFlow Lite); WDCF W4; paper-claims.md B9, W4",
    version=1,
    kind="check",
    modes=("float32",),
)


def test_float_tflite_predicts_what_keras_predicts(case, dense, quantized, evidence):
    changed = quantized.labels != dense.labels
    largest = float(np.abs(quantized.probs - dense.probs).max())
    evidence.record(mode=case.mode, labels_changed=int(changed.sum()), labels_changed_per_model=changed.sum(axis=1),
                    max_abs_probability_difference=largest)
    evidence.decide(reproduced=not changed.any(), contradicted=bool(changed.any()),
                    summary=f"{int(changed.sum())} of {changed.size} test labels differ between the Keras and the float32 "
                            f"TFLite models ({dense.size} models); largest probability difference {largest:.3g}")
