"""W4 / B6: post-training quantization changes fewer predictions than high-sparsity pruning.

Quote (WDCF p.6, W4): "While all the techniques we benchmark evidence disparate class level
impact, we note that quantization appears to introduce less disparate harm." Numbers
(second-hand, paper-claims.md W4): 119 of 1000 ImageNet classes significantly impacted by
fixed-point int8 vs 637 at 90% sparsity (W3); float16 and dynamic-range counts NOT FOUND.
CBCM B6: ~404-414 Modal CIEs for int8 vs 555 at 30% pruning (CelebA). Protocol: CBCM B9
(TFLite; int8 calibrated on the first 100 training examples); fixtures/quantization.py.

Why not compare CIE counts directly (v1): the quantized population is made from the dense
models themselves, while the pruned population is trained from its own initialisations, so
it carries at least the disagreement of two independently trained dense populations. v1 was
won by construction (0 quantization CIEs against the dense-vs-dense floor).

Operational definition, per mode q, per seed m (fractions of the test set):
  e_q(m)  = disagree(Q_m, D_m): quantized model m vs its own dense model (0 if quantization
            changed nothing);
  e_p(m)  = disagree(P_m, D_m) - disagree(F_m, D_m): pruned model m at HIGH_SPARSITY (0.9)
            vs dense model m, minus what an independently trained dense model F_m (second
            dense population, seed M + m) already disagrees with D_m: pruning's excess over
            its own null (0 in expectation if pruning changed nothing).
  d(m)    = e_p(m) - e_q(m): positive when pruning changes more than quantization.
Kind: effect. Decision (fixtures/decision.py sign_flip_test, exact at M <= 10; Holm over the
modes):
  reproduced    d > 0 (p_for <= alpha);
  contradicted  d < 0 (p_against <= alpha): quantization changed more than pruning's excess;
  inconclusive  neither.
If pruning changed nothing, e_p ~ 0 and any quantization flip makes d < 0: the comparison
is not won by construction. Recorded beside it: CBCM's comparator, the same excess at 30%
(COMPARATOR_SPARSITY); the Modal CIE counts of q, 0.9 and the dense-vs-dense split; and, on
multiclass experiments, the classes significantly impacted (W3's test), as in the papers.

Changelog: v1 first version. v2 (issue 12): paired excess over each population's own null
(v1 compared raw CIE counts and was won by construction).
"""

import numpy as np
import pytest

from fixtures.claim_fixtures import cell_of
from fixtures.decision import decide_cells, degenerate_reason, sign_flip_test
from fixtures.metrics import class_impact_test, pie_mask
from fixtures.paper import ALPHA, COMPARATOR_SPARSITY, HIGH_SPARSITY
from fixtures.populations import NotEvaluated
from fixtures.quantization import QUANTIZED_MODES

pytestmark = pytest.mark.claim(
    id="W4",
    statement="Post-training quantization changes fewer predictions than 90% pruning beyond its own dense-vs-dense null",
    source="WDCF W4 p.6 (int8: 119 classes vs 637 at 90% pruning); CBCM B6 (404-414 int8 CIEs vs 555 at 30%), "
           "B9 (TFLite, first 100 training examples); paper-claims.md W4, B6, B9, 2.2, 2.5",
    version=2,
    kind="effect",
    modes=QUANTIZED_MODES,
)


def disagreement(a, b):
    """float64 [M]: fraction of test examples on which model m of `a` and model m of `b` differ."""
    return (a != b).mean(axis=1, dtype=np.float64)


def pruning_excess(dense, pruned, floor):
    return disagreement(pruned, dense) - disagreement(floor, dense)


def test_quantization_impacts_less_than_pruning(case, dense, noise_floor, high_sparsity, comparator, populations,
                                                evidence):
    y, classes = dense.y_true, dense.dataset.num_classes
    try:
        quantized = {mode: populations.quantized(case.experiment, mode).labels for mode in QUANTIZED_MODES}
    except NotEvaluated as reason:
        evidence.not_evaluated(str(reason))
    pops = {"dense": dense.labels, "second dense": noise_floor.labels, f"s{HIGH_SPARSITY:g}": high_sparsity.labels,
            f"s{COMPARATOR_SPARSITY:g}": comparator.labels, **quantized}
    for name, labels in pops.items():
        reason = degenerate_reason(name, labels, y)
        if reason:
            evidence.not_evaluated(reason)
    e_pruned = pruning_excess(dense.labels, high_sparsity.labels, noise_floor.labels)
    e_comparator = pruning_excess(dense.labels, comparator.labels, noise_floor.labels)
    p_for, p_against, summaries, values = {}, {}, {}, {}
    for mode, labels in quantized.items():
        e_quantized = disagreement(labels, dense.labels)
        test = sign_flip_test(e_pruned - e_quantized)
        p_for[mode], p_against[mode] = test.p_greater, test.p_less
        values[mode] = {"excess_quantized": e_quantized, "excess_pruned": e_pruned,
                        "excess_comparator": e_comparator, "comparator_sparsity": COMPARATOR_SPARSITY,
                        "pruned_sparsity": HIGH_SPARSITY, "sign_flip": test.as_dict(),
                        "modal_cies": {"quantized": int(pie_mask(dense.labels, labels, classes).sum()),
                                       "pruned": int(pie_mask(dense.labels, high_sparsity.labels, classes).sum()),
                                       "comparator": int(pie_mask(dense.labels, comparator.labels, classes).sum()),
                                       "dense_vs_dense": int(pie_mask(dense.labels, noise_floor.labels, classes).sum())}}
        if classes > 2:
            values[mode]["classes_raw"] = {
                name: class_impact_test(dense.labels, other, y, classes, ALPHA).n_raw
                for name, other in (("quantized", labels), ("pruned", high_sparsity.labels),
                                    ("dense_vs_dense", noise_floor.labels))}
        summaries[mode] = (f"{mode}: changes {100 * e_quantized.mean():.2f}% of test labels vs pruning's excess "
                           f"{100 * e_pruned.mean():.2f}% at {HIGH_SPARSITY:g} ({100 * e_comparator.mean():.2f}% at "
                           f"{COMPARATOR_SPARSITY:g}); p(less) = {test.p_greater:.3g}, p(more) = {test.p_less:.3g}")
    evidence.record(mode=case.mode)
    evidence.apply(decide_cells(p_for, p_against, summaries, values)[cell_of(case)])
