"""W10: pruned models are more sensitive to corruptions, and more so at higher sparsity.

Quote (WDCF p.2, W10): "Pruned networks are more sensitive to natural adversarial images and
corruptions." Measured in the paper as top-1 on ImageNet-C per corruption and intensity
(official code `robustness_tests/imagenet_corruptions.py`); numbers NOT FOUND
(paper-claims.md W10). ImageNet-A has no analogue here.

Corrupted test sets (fixtures/corruptions.py, parameters and their sources declared there):
gaussian noise, gaussian blur, contrast, brightness, JPEG, severities 1-5, deterministic.
Operational definition at level s, per model m: relative drop on set k =
(clean top-1 - top-1 on k) / clean top-1 (fractions); D(m) = its mean over the 25 sets.
Decision across seeds (Welch, alpha from fixtures/paper.py):
  reproduced    D(pruned) > D(dense) (one-sided p <= alpha), and the mean D does not fall
                from the next lower selected level (the gap grows with sparsity);
  contradicted  D(pruned) < D(dense) (p <= alpha), or D at s below D at the next lower
                level (one-sided p <= alpha);
  inconclusive  otherwise.
Recorded: the population-mean relative drop per corruption and severity, dense and pruned.
Asserted up to 90%, WDCF's highest level (W11: 30/50/70/90%).

Changelog: v1 first version.
"""

import pytest

from fixtures.corruptions import CORRUPTIONS, SEVERITIES
from fixtures.metrics import welch_test
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="W10",
    statement="Pruned populations lose more accuracy (relative) on corrupted test sets than dense ones, more so at higher sparsity",
    source="WDCF p.2 and W10 (ImageNet-C, per corruption and intensity; numbers NOT FOUND); "
           "ImageNet-C parameters (Hendrycks & Dietterich 2019); paper-claims.md W10",
    version=1,
    max_sparsity=0.9,
)


def relative_drops(corrupted):
    """float64 [M, sets]: (clean top-1 - corrupted top-1) / clean top-1 of each model."""
    accuracy = corrupted.accuracy()
    return (accuracy[:, :1] - accuracy[:, 1:]) / accuracy[:, :1]


def by_corruption(drops, sets):
    """{corruption: [population-mean relative drop at severity 1..5]}."""
    mean = dict(zip(sets[1:], drops.mean(axis=0)))
    return {name: [mean[f"{name}-{severity}"] for severity in SEVERITIES] for name in CORRUPTIONS}


def test_pruned_models_lose_more_under_corruption(case, dense, pruned, previous_level, under_corruption, evidence):
    before, after = under_corruption(dense), under_corruption(pruned)
    drop_dense, drop_pruned = relative_drops(before), relative_drops(after)
    d_dense, d_pruned = drop_dense.mean(axis=1), drop_pruned.mean(axis=1)
    d_previous = relative_drops(under_corruption(previous_level)).mean(axis=1) if previous_level else d_dense
    more, less = welch_test(d_dense, d_pruned, "less"), welch_test(d_dense, d_pruned, "greater")
    falls = welch_test(d_previous, d_pruned, "greater")
    evidence.record(clean_top1={"dense": before.accuracy()[:, 0], "pruned": after.accuracy()[:, 0]},
                    mean_relative_drop={"dense": d_dense, "pruned": d_pruned, "previous_level": d_previous},
                    relative_drop_by_corruption={"dense": by_corruption(drop_dense, before.sets),
                                                 "pruned": by_corruption(drop_pruned, after.sets)},
                    p_pruned_drops_more=more.pvalue, p_pruned_drops_less=less.pvalue, p_falls_from_previous=falls.pvalue)
    evidence.decide(reproduced=more.pvalue <= ALPHA and d_pruned.mean() >= d_previous.mean(),
                    contradicted=less.pvalue <= ALPHA or falls.pvalue <= ALPHA,
                    summary=f"mean relative drop under corruption: dense {100 * d_dense.mean():.2f}%, pruned "
                            f"{100 * d_pruned.mean():.2f}%, previous level {100 * d_previous.mean():.2f}%; "
                            f"p(pruned more) = {more.pvalue:.3g}, p(less) = {less.pvalue:.3g}, "
                            f"p(falls from previous) = {falls.pvalue:.3g}")
