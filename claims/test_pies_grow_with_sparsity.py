"""W5 / B6: PIEs (Modal CIEs) exceed what two dense populations disagree on, and grow with
sparsity.

Definition (WDCF §2.1, paper-claims.md 2.1): x is a Pruning Identified Exemplar at sparsity
t iff the modal label of the population pruned to t differs from the modal label of the
dense population (ties to the largest class index, as in the official code). CBCM's Modal
CIE is the same rule (paper-claims.md 2.5). WDCF: 10.27% of ImageNet val at 90% sparsity
(W5); CBCM B6: 555 CelebA test CIEs at 30% pruning, "compression level sets how many"
(second-hand).

Kind: effect. Statistic at level s: the PIE count (test examples). Decision
(fixtures/decision.py):
  level cell  permutation test relabelling the pooled dense and pruned models (exact at
              M = 5); reproduced if the count is larger than under relabelling (Holm over the
              family's cells, p <= alpha). A level cell is never "contradicted": no count
              proves the absence of an effect; too few PIEs is inconclusive.
  trend cell  "grows": the least-squares slope, against the level's rank, of the mean
              per-model disagreement with the dense modal label (the per-model quantity
              whose modal aggregate is the PIE count; a modal count of reassigned models
              has little power, since a 4-to-1 mix of a strong effect is almost as modal as
              5-to-0); pruned models reassigned to levels under the null; reproduced if it
              grows (p_up <= alpha), contradicted if it falls (p_down <= alpha). Its own
              family: "grows" is one statement, "exceeds at level s" (Holm over the levels)
              another. The PIE counts per level are recorded beside it.
Recorded, not decided: the PIE fraction (the paper's "small": WDCF 10.27% at 90%), the
dense-vs-dense count (seeds 0..M-1 vs M..2M-1), the number of PIEs whose modal label was
decided by the tie rule (either population tied), and the PIE count under the opposite tie
rule (smallest class index), which measures the tie rule's effect.

Changelog: v1 first version. v2 (issue 12): permutation test with Holm; one trend test;
"small" recorded, not decided (it could not fail); ties recorded.
"""

import pytest

from fixtures.claim_fixtures import family_decision
from fixtures.decision import decide_cells, modal_disagreements, permutation_test, trend_test
from fixtures.metrics import modal_labels, pie_mask

pytestmark = pytest.mark.claim(
    id="W5/B6",
    statement="PIEs / Modal CIEs exceed relabelled dense-vs-pruned disagreement and grow with sparsity",
    source="WDCF §2.1, W5 (10.27% of ImageNet val at 90%); CBCM B6 (555 CIEs at 30%); paper-claims.md W5, B6, 2.1, 2.5",
    version=2,
    kind="effect",
    trend=True,
)


def pie_counts(dense, pruned, classes):
    """PIE count, its tie-decided part, and the count under the smallest-index tie rule."""
    pies = pie_mask(dense, pruned, classes)
    tied = modal_labels(dense, classes).ties | modal_labels(pruned, classes).ties
    flipped = pie_mask(classes - 1 - dense, classes - 1 - pruned, classes)  # ties to the smallest index
    return int(pies.sum()), int((pies & tied).sum()), int(flipped.sum())


def analyse(family):
    classes, dense, m = family.num_classes, family.dense.labels, family.dense.size
    n = dense.shape[1]
    dense_vs_dense = pie_counts(dense, family.floor.labels, classes)[0]  # the same for every level
    p_for, summaries, values = {}, {}, {}
    for level, population in family.levels.items():
        cell = f"s{level:g}"
        disagree = modal_disagreements(dense, population.labels, classes)
        test = permutation_test(lambda rows: disagree(rows).sum(axis=1), m, m)
        count, tied, other_rule = pie_counts(dense, population.labels, classes)
        p_for[cell] = test.p_greater
        values[cell] = {"pie_count": count, "pie_fraction": count / n, "pies_decided_by_tie": tied,
                        "pie_count_smallest_index_ties": other_rule, "permutation": test.as_dict(),
                        "floor": {"median": test.null_median, "q95": test.null_q95, "splits": test.resamples},
                        "dense_vs_dense_count": dense_vs_dense}
        summaries[cell] = (f"{count} PIEs ({100 * count / n:.1f}% of test; {tied} decided by the tie rule) vs relabelled "
                           f"median {test.null_median:g}, q95 {test.null_q95:g}; p = {test.p_greater:.3g}")
    cells = decide_cells(p_for, {}, summaries, values)
    if len(family.levels) >= 3:
        reference = modal_labels(dense, classes).labels
        trend = trend_test(lambda models: (models != reference).mean(), list(family.levels),
                           [population.labels for population in family.levels.values()])
        counts = [pie_counts(dense, population.labels, classes)[0] for population in family.levels.values()]
        cells.update(decide_cells({"trend": trend.p_up}, {"trend": trend.p_down}, {"trend": (
            f"PIE counts {', '.join(str(c) for c in counts)} at {', '.join(f'{s:g}' for s in trend.levels)}; per-model "
            f"disagreement with the dense modal label {', '.join(f'{100 * v:.2f}%' for v in trend.values)}, slope "
            f"{100 * trend.slope:+.3g} points a level; p(up) = {trend.p_up:.3g}, p(down) = {trend.p_down:.3g}")},
            {"trend": {"trend": trend.as_dict(), "pie_counts": counts}}))
    return cells


def test_pies_grow_with_sparsity(case, family, evidence):
    evidence.apply(family_decision(case, family, analyse))
