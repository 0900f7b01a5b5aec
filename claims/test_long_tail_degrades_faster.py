"""W9: compression hurts the long tail: tail accuracy drops more than top-line accuracy.

Quote (WDCF p.2, W9): "Compression impairs the model's ability to predict accurately on the
long-tail of less frequent instances."

Operational definition on a long-tailed training set (digits-lt: the 5 rarest training
classes are the tail, fixtures/datasets.py): per model, gap = top-1 - tail-class accuracy
(fractions). Tail accuracy drops more than top-line accuracy exactly when the pruned
population's gaps exceed the dense population's. Decision across seeds with a one-sided
Welch test of the per-model gaps (alpha from fixtures/paper.py):
  reproduced    pruned gaps > dense gaps, p <= alpha;
  contradicted  pruned gaps < dense gaps, p <= alpha (the tail held up better);
  inconclusive  neither.
The head-class drop is recorded beside it.

Changelog: v1 first version.
"""

import pytest

from fixtures.metrics import per_model_accuracy, per_model_subset_accuracy, welch_test
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="W9",
    statement="Tail-class accuracy degrades faster than top-line accuracy under pruning",
    source="WDCF p.2 (long tail); paper-claims.md W9",
    version=1,
    experiments=("digits-lt",),
)


def group_accuracies(population):
    """Per-model top-1, tail-class and head-class accuracy (fractions)."""
    groups = population.dataset.test_groups
    return {"top1": per_model_accuracy(population.labels, population.y_true),
            "tail": per_model_subset_accuracy(population.labels, population.y_true, groups["tail"]),
            "head": per_model_subset_accuracy(population.labels, population.y_true, groups["head"])}


def test_long_tail_degrades_faster(case, dense, pruned, evidence):
    before, after = group_accuracies(dense), group_accuracies(pruned)
    gap_dense, gap_pruned = before["top1"] - before["tail"], after["top1"] - after["tail"]
    faster, slower = welch_test(gap_dense, gap_pruned, "less"), welch_test(gap_dense, gap_pruned, "greater")
    drops = {name: 100 * (before[name].mean() - after[name].mean()) for name in before}
    evidence.record(drop_points=drops, gap_dense=gap_dense, gap_pruned=gap_pruned, p_tail_faster=faster.pvalue,
                    p_tail_slower=slower.pvalue)
    evidence.decide(reproduced=faster.pvalue <= ALPHA, contradicted=slower.pvalue <= ALPHA,
                    summary=f"drops (points): tail {drops['tail']:.2f}, top-1 {drops['top1']:.2f}, head {drops['head']:.2f}; "
                            f"p(tail faster) = {faster.pvalue:.3g}, p(tail slower) = {slower.pvalue:.3g}")
