"""B8: under-represented groups are over-represented among CIEs / PIEs.

CBCM B8: "underrepresented attributes (e.g. Male, and Blond Male in particular) over-index
in the CIE set". Each experiment declares its under-represented test group
(fixtures/experiments.py): CelebA "blond male" (0.85% of training images); the digits-lt
analogue "tail" (the 5 rarest training classes, half of the balanced test set).

Operational definition at level s: Modal CIEs = PIEs (W5 rule); ratio = (group share among
the CIEs) / (group share of the test set) (fixtures.metrics.share_ratio). Decision with the
exact hypergeometric test of the number of group examples among the CIEs (scipy), alpha
from fixtures/paper.py:
  reproduced    more group examples than chance, p <= alpha;
  contradicted  fewer group examples than chance, p <= alpha;
  inconclusive  neither, or no CIEs.

Changelog: v1 first version.
"""

import pytest
from scipy.stats import hypergeom

from fixtures.metrics import pie_mask, share_ratio
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="B8",
    statement="The under-represented group (blond males; tail classes) is over-represented among CIEs",
    source="CBCM B8 (under-represented attributes over-index in the CIE set); paper-claims.md B8",
    version=1,
)


def test_underrepresented_group_overindexes_among_cies(case, dense, pruned, evidence):
    (name, group), cies = dense.underrepresented, pie_mask(dense.labels, pruned.labels, dense.dataset.num_classes)
    n, k, total, in_group = int(cies.sum()), int((cies & group).sum()), len(group), int(group.sum())
    if n == 0:
        evidence.inconclusive(f"no CIEs at sparsity {case.sparsity:g}")
    p_over, p_under = hypergeom.sf(k - 1, total, in_group, n), hypergeom.cdf(k, total, in_group, n)
    evidence.record(group=name, cie_count=n, group_cies=k, ratio=share_ratio(cies, group), p_over=p_over, p_under=p_under)
    evidence.decide(reproduced=p_over <= ALPHA, contradicted=p_under <= ALPHA,
                    summary=f"{k} of {n} CIEs are {name} (test share {in_group / total:.3f}); "
                            f"ratio {share_ratio(cies, group):.2f}; p(over) = {p_over:.3g}, p(under) = {p_under:.3g}")
