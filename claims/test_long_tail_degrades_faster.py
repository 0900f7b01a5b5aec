"""W9: compression hurts the long tail: under-represented examples lose more accuracy.

Quote (WDCF p.2, W9): "Compression impairs the model's ability to predict accurately on the
long-tail of less frequent instances."

Operational definition: each experiment declares its under-represented test group
(fixtures/experiments.py: digits-lt "tail" = the 5 rarest training classes; CelebA "blond
male" = 0.85% of training images, CBCM B5). Per model, gap = top-1 - group accuracy
(fractions). The group's accuracy drops more than top-line accuracy exactly when the pruned
population's gaps exceed the dense population's. Decision across seeds with a one-sided
Welch test of the per-model gaps (alpha from fixtures/paper.py):
  reproduced    pruned gaps > dense gaps, p <= alpha;
  contradicted  pruned gaps < dense gaps, p <= alpha (the group held up better);
  inconclusive  neither.
The drop of the rest of the test set is recorded beside it.

Changelog: v1 first version.
"""

import pytest

from fixtures.metrics import per_model_accuracy, per_model_subset_accuracy, welch_test
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="W9",
    statement="Accuracy on the under-represented group (tail classes; blond males) degrades faster than top-line accuracy",
    source="WDCF p.2 (long tail); CBCM B4/B5 (low-frequency attributes); paper-claims.md W9",
    version=1,
)


def group_accuracies(population):
    """Per-model top-1, under-represented-group and rest-of-test accuracy (fractions)."""
    _, group = population.underrepresented
    return {"top1": per_model_accuracy(population.labels, population.y_true),
            "group": per_model_subset_accuracy(population.labels, population.y_true, group),
            "rest": per_model_subset_accuracy(population.labels, population.y_true, ~group)}


def test_long_tail_degrades_faster(case, dense, pruned, evidence):
    before, after = group_accuracies(dense), group_accuracies(pruned)
    gap_dense, gap_pruned = before["top1"] - before["group"], after["top1"] - after["group"]
    faster, slower = welch_test(gap_dense, gap_pruned, "less"), welch_test(gap_dense, gap_pruned, "greater")
    drops = {name: 100 * (before[name].mean() - after[name].mean()) for name in before}
    evidence.record(group=dense.underrepresented[0], drop_points=drops, gap_dense=gap_dense, gap_pruned=gap_pruned,
                    p_group_faster=faster.pvalue, p_group_slower=slower.pvalue)
    evidence.decide(reproduced=faster.pvalue <= ALPHA, contradicted=slower.pvalue <= ALPHA,
                    summary=f"drops (points): {dense.underrepresented[0]} {drops['group']:.2f}, top-1 {drops['top1']:.2f}, "
                            f"rest {drops['rest']:.2f}; p(faster) = {faster.pvalue:.3g}, p(slower) = {slower.pvalue:.3g}")
