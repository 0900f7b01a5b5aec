"""W9: compression hurts the long tail: under-represented examples lose more accuracy.

Quote (WDCF p.2, W9): "Compression impairs the model's ability to predict accurately on the
long-tail of less frequent instances."

Operational definition: each experiment declares its under-represented test group
(fixtures/experiments.py: digits-lt "tail" = the 5 rarest training classes; CelebA "blond
male" = 0.85% of training images, CBCM B5). Per model, gap = top-1 - group accuracy
(fractions). The group's accuracy drops more than top-line accuracy exactly when the pruned
population's gaps exceed the dense population's.

Kind: effect. Statistic: mean pruned gap - mean dense gap (fraction). Decision
(fixtures/decision.py): permutation test relabelling the pooled dense and pruned models,
Holm over the experiment's levels:
  reproduced    the gap grows (p_for <= alpha after Holm);
  contradicted  the gap shrinks (p_against <= alpha after Holm: the group held up better);
  inconclusive  neither.
An empty group is "not evaluated". The drop of the rest of the test set is recorded beside.

Changelog: v1 first version. v2 (issue 12): permutation test with Holm (was Welch per cell).
"""

import pytest

from fixtures.claim_fixtures import family_decision
from fixtures.decision import Decision, decide_cells, mean_difference, permutation_test
from fixtures.metrics import per_model_accuracy, per_model_subset_accuracy

pytestmark = pytest.mark.claim(
    id="W9",
    statement="Accuracy on the under-represented group (tail classes; blond males) degrades faster than top-line accuracy",
    source="WDCF p.2 (long tail); CBCM B4/B5 (low-frequency attributes); paper-claims.md W9",
    version=2,
    kind="effect",
)


def group_accuracies(population):
    """Per-model top-1, under-represented-group and rest-of-test accuracy (fractions)."""
    _, group = population.underrepresented
    return {"top1": per_model_accuracy(population.labels, population.y_true),
            "group": per_model_subset_accuracy(population.labels, population.y_true, group),
            "rest": per_model_subset_accuracy(population.labels, population.y_true, ~group)}


def analyse(family):
    name, group = family.dense.underrepresented
    if not group.any():
        return {f"s{level:g}": Decision("not evaluated", f"not evaluated: no {name} example in the test set")
                for level in family.levels}
    before = group_accuracies(family.dense)
    gap_dense, m = before["top1"] - before["group"], family.dense.size
    p_for, p_against, summaries, values = {}, {}, {}, {}
    for level, population in family.levels.items():
        cell, after = f"s{level:g}", group_accuracies(population)
        gap_pruned = after["top1"] - after["group"]
        test = permutation_test(mean_difference(gap_dense, gap_pruned), m, m)
        drops = {key: 100 * (before[key].mean() - after[key].mean()) for key in before}
        p_for[cell], p_against[cell] = test.p_greater, test.p_less
        values[cell] = {"group": name, "group_size": int(group.sum()), "drop_points": drops, "gap_dense": gap_dense,
                        "gap_pruned": gap_pruned, "permutation": test.as_dict()}
        summaries[cell] = (f"drops (points): {name} {drops['group']:.2f}, top-1 {drops['top1']:.2f}, rest "
                           f"{drops['rest']:.2f} ({int(group.sum())} {name} test examples); gap change "
                           f"{100 * test.observed:+.2f} points, p(faster) = {test.p_greater:.3g}, "
                           f"p(slower) = {test.p_less:.3g}")
    return decide_cells(p_for, p_against, summaries, values)


def test_long_tail_degrades_faster(case, family, evidence):
    evidence.apply(family_decision(case, family, analyse))
