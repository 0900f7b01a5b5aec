"""B8: under-represented groups are over-represented among CIEs / PIEs.

CBCM B8: "underrepresented attributes (e.g. Male, and Blond Male in particular) over-index
in the CIE set". Each experiment declares its under-represented test group
(fixtures/experiments.py): CelebA "blond male" (0.85% of training images); the digits-lt
analogue "tail" (the 5 rarest training classes, half of the balanced test set).

Operational definition at level s: Modal CIEs = PIEs (W5 rule); statistic = the group's share
among the CIEs. Part of the effect is built in: two *dense* populations also disagree mostly
on hard examples, and under-represented groups are harder (v1 of this claim "reproduced" on
a dense-vs-dense null). The permutation null takes that into account by construction: it
relabels the pooled dense and pruned models, so the share to beat is the group's share among
the disagreements of relabelled populations.

Kind: effect. Decision (fixtures/decision.py), Holm over the experiment's levels:
  reproduced    the share is larger than under relabelling (p_for <= alpha);
  contradicted  the share is smaller than under relabelling (p_against <= alpha);
  inconclusive  neither; also when there are no CIEs.
Recorded: the share ratio (CIE share / test share) and the dense-vs-dense share.

Changelog: v1 first version. v2: the share to beat includes the dense-vs-dense floor.
v3 (issue 12): permutation test with Holm (the floor's pooled share was not a valid null).
"""

import numpy as np
import pytest

from fixtures.claim_fixtures import family_decision
from fixtures.decision import Decision, decide_cells, modal_disagreements, permutation_test
from fixtures.metrics import pie_mask, share_ratio

pytestmark = pytest.mark.claim(
    id="B8",
    statement="The under-represented group (blond males; tail classes) is over-represented among CIEs",
    source="CBCM B8 (under-represented attributes over-index in the CIE set); paper-claims.md B8",
    version=3,
    kind="effect",
)


def analyse(family):
    (name, group), classes = family.dense.underrepresented, family.num_classes
    dense, m = family.dense.labels, family.dense.size
    weights = group.astype(np.float64)
    p_for, p_against, summaries, values, out = {}, {}, {}, {}, {}
    for level, population in family.levels.items():
        cell = f"s{level:g}"
        cies = pie_mask(dense, population.labels, classes)
        n, k = int(cies.sum()), int((cies & group).sum())
        if n == 0:
            out[cell] = Decision("inconclusive", f"no CIEs at sparsity {level:g}")
            continue
        disagree = modal_disagreements(dense, population.labels, classes)

        def share(rows):
            d = disagree(rows)
            with np.errstate(invalid="ignore", divide="ignore"):
                return (d @ weights) / d.sum(axis=1)

        test = permutation_test(share, m, m)
        null = pie_mask(dense, family.floor.labels, classes)
        p_for[cell], p_against[cell] = test.p_greater, test.p_less
        values[cell] = {"group": name, "cie_count": n, "group_cies": k, "ratio": share_ratio(cies, group),
                        "test_share": float(group.mean()), "permutation": test.as_dict(),
                        "dense_vs_dense_share": float((null & group).sum() / null.sum()) if null.any() else None}
        summaries[cell] = (f"{k} of {n} CIEs are {name} (share {k / n:.3f}; test {group.mean():.3f}; relabelled median "
                           f"{test.null_median:.3f}, q95 {test.null_q95:.3f}); p(over) = {test.p_greater:.3g}, "
                           f"p(under) = {test.p_less:.3g}")
    return {**decide_cells(p_for, p_against, summaries, values), **out}


def test_underrepresented_group_overindexes_among_cies(case, family, evidence):
    evidence.apply(family_decision(case, family, analyse))
