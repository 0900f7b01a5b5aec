"""W4 / B6: post-training quantization impacts fewer examples and fewer classes than
high-sparsity pruning.

Quote (WDCF p.6, W4): "While all the techniques we benchmark evidence disparate class level
impact, we note that quantization appears to introduce less disparate harm." Numbers
(second-hand, paper-claims.md W4): 119 of 1000 ImageNet classes significantly impacted by
fixed-point int8 vs 637 at 90% sparsity (W3); float16 and dynamic-range counts NOT FOUND.
CBCM B6: ~404-414 Modal CIEs for int8 vs 555 at 30% pruning (CelebA). Protocol: CBCM B9
(TFLite; int8 calibrated on the first 100 training examples); fixtures/quantization.py.

Operational definition, per mode q (the M dense models quantized; nothing retrained):
  cies      Modal CIEs of q = examples where the quantized population's modal label differs
            from the dense population's (the PIE rule, paper-claims.md 2.1, 2.5); the same
            count for the population pruned to HIGH_SPARSITY (0.9, fixtures/paper.py).
  classes   classes significantly impacted (fixtures.metrics.class_impact_test: mean-shifted
            per-class Welch, raw p <= alpha as W12; BH recorded), q vs dense and 0.9 vs dense.
            Multiclass experiments only, as W3 (with two classes the count is 0 or 2).
  reproduced    cies(q) < cies(0.9), and (multiclass) classes(q) < classes(0.9);
  contradicted  cies(q) > cies(0.9), or (multiclass) classes(q) > classes(0.9);
  inconclusive  otherwise (equal counts).
The dense-vs-dense floor of the CIE count is recorded beside it. As in the papers, the
quantized population is made from the dense models themselves while pruned models are
trained (and pruned) from their own initialisation, so part of the gap is built into the
protocol; the floor shows how much two independently trained dense populations differ.

Changelog: v1 first version.
"""

import pytest

from fixtures.metrics import class_impact_test, pie_mask
from fixtures.noise_floor import noise_floor as floor_of
from fixtures.paper import ALPHA, HIGH_SPARSITY
from fixtures.quantization import QUANTIZED_MODES

pytestmark = pytest.mark.claim(
    id="W4",
    statement="Post-training quantization yields fewer Modal CIEs and fewer significantly impacted classes than 90% pruning",
    source="WDCF W4 p.6 (int8: 119 classes vs 637 at 90% pruning); CBCM B6 (404-414 int8 CIEs vs 555 at 30%), "
           "B9 (TFLite, first 100 training examples); paper-claims.md W4, B6, B9, 2.2, 2.5",
    version=1,
    modes=QUANTIZED_MODES,
)


def cie_count(a, b, classes):
    return int(pie_mask(a, b, classes).sum())


def test_quantization_impacts_less_than_pruning(case, dense, quantized, high_sparsity, noise_floor, evidence):
    y, classes = dense.y_true, dense.dataset.num_classes
    cies = {"quantized": cie_count(dense.labels, quantized.labels, classes),
            "pruned": cie_count(dense.labels, high_sparsity.labels, classes)}
    floor = floor_of(dense.labels, noise_floor.labels, lambda a, b: cie_count(a, b, classes))
    evidence.record(mode=case.mode, pruned_sparsity=HIGH_SPARSITY, cies=cies, cie_floor=floor.as_dict())
    summary = f"{case.mode}: {cies['quantized']} CIEs vs {cies['pruned']} at {HIGH_SPARSITY:g} sparsity (dense floor median {floor.median:g})"
    fewer, more = cies["quantized"] < cies["pruned"], cies["quantized"] > cies["pruned"]
    if classes > 2:
        impact = {"quantized": class_impact_test(dense.labels, quantized.labels, y, classes, ALPHA),
                  "pruned": class_impact_test(dense.labels, high_sparsity.labels, y, classes, ALPHA)}
        raw = {name: result.n_raw for name, result in impact.items()}
        evidence.record(classes_raw=raw, classes_bh={name: result.n_bh for name, result in impact.items()},
                        pvalue_quantized=impact["quantized"].pvalue, pvalue_pruned=impact["pruned"].pvalue)
        summary += f"; {raw['quantized']} classes impacted vs {raw['pruned']} (BH {impact['quantized'].n_bh} vs {impact['pruned'].n_bh})"
        fewer, more = fewer and raw["quantized"] < raw["pruned"], more or raw["quantized"] > raw["pruned"]
    evidence.decide(reproduced=fewer, contradicted=more, summary=summary)
