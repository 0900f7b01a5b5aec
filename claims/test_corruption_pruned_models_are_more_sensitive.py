"""W10: pruned models are more sensitive to corruptions, and more so at higher sparsity.

Quote (WDCF p.2, W10): "Pruned networks are more sensitive to natural adversarial images and
corruptions." Measured in the paper as top-1 on ImageNet-C per corruption and intensity
(official code `robustness_tests/imagenet_corruptions.py`); numbers NOT FOUND
(paper-claims.md W10). ImageNet-A has no analogue here.

Corrupted test sets (fixtures/corruptions.py, parameters and their sources declared there):
gaussian noise, gaussian blur, contrast, brightness, JPEG, severities 1-5, deterministic.
Operational definition at level s, per model m: relative drop on set k =
(clean top-1 - top-1 on k) / clean top-1 (fractions); D(m) = its mean over the 25 sets.

Kind: effect. Decision (fixtures/decision.py), Holm over the experiment's levels:
  level cell    permutation test of mean D(pruned) - mean D(dense), relabelling the pooled
                models: reproduced if pruned models lose more (p_for <= alpha), contradicted
                if they lose less (p_against <= alpha), inconclusive otherwise;
  trend cell    "more so at higher sparsity": the least-squares slope of mean D against the
                level's rank, pruned models reassigned to levels under the null: reproduced
                if it grows, contradicted if it falls (its own family: "more so at higher
                sparsity" is one statement, "more at level s" another).
Recorded: the population-mean relative drop per corruption and severity, dense and pruned.
Asserted up to 90%, WDCF's highest level (W11: 30/50/70/90%).

Changelog: v1 first version. v2 (issue 12): permutation test with Holm, one trend test
(v1: Welch per cell and pairwise comparison with the previous level).
"""

import pytest

from fixtures.claim_fixtures import family_decision
from fixtures.corruptions import CORRUPTIONS, SEVERITIES
from fixtures.decision import decide_cells, mean_difference, permutation_test, trend_test

pytestmark = pytest.mark.claim(
    id="W10",
    statement="Pruned populations lose more accuracy (relative) on corrupted test sets than dense ones, more so at higher sparsity",
    source="WDCF p.2 and W10 (ImageNet-C, per corruption and intensity; numbers NOT FOUND); "
           "ImageNet-C parameters (Hendrycks & Dietterich 2019); paper-claims.md W10",
    version=2,
    kind="effect",
    trend=True,
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


def analyse(family, under_corruption):
    before = under_corruption(family.dense)
    drop_dense = relative_drops(before)
    d_dense, m = drop_dense.mean(axis=1), family.dense.size
    p_for, p_against, summaries, values, per_level = {}, {}, {}, {}, {}
    for level, population in family.levels.items():
        cell, after = f"s{level:g}", under_corruption(population)
        drop_pruned = relative_drops(after)
        per_level[level] = d_pruned = drop_pruned.mean(axis=1)
        test = permutation_test(mean_difference(d_dense, d_pruned), m, m)
        p_for[cell], p_against[cell] = test.p_greater, test.p_less
        values[cell] = {"clean_top1": {"dense": before.accuracy()[:, 0], "pruned": after.accuracy()[:, 0]},
                        "mean_relative_drop": {"dense": d_dense, "pruned": d_pruned},
                        "by_corruption": {"dense": by_corruption(drop_dense, before.sets),
                                          "pruned": by_corruption(drop_pruned, after.sets)},
                        "permutation": test.as_dict()}
        summaries[cell] = (f"mean relative drop under corruption: pruned {100 * d_pruned.mean():.1f}% vs dense "
                           f"{100 * d_dense.mean():.1f}%; p(more) = {test.p_greater:.3g}, p(less) = {test.p_less:.3g}")
    cells = decide_cells(p_for, p_against, summaries, values)
    if len(per_level) >= 3:
        trend = trend_test(lambda values: values.mean(), list(per_level), list(per_level.values()))
        cells.update(decide_cells({"trend": trend.p_up}, {"trend": trend.p_down}, {"trend": (
            f"mean relative drops {', '.join(f'{100 * v:.1f}%' for v in trend.values)} at "
            f"{', '.join(f'{s:g}' for s in trend.levels)}; slope {100 * trend.slope:+.3g} points a level "
            f"(tau {trend.tau:.2f}); p(up) = {trend.p_up:.3g}, p(down) = {trend.p_down:.3g}")},
            {"trend": {"trend": trend.as_dict()}}))
    return cells


def test_pruned_models_lose_more_under_corruption(case, family, under_corruption, evidence):
    evidence.apply(family_decision(case, family, analyse, under_corruption))
