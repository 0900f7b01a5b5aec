"""B8 analogue: under-represented (tail) classes are over-represented among PIEs.

CBCM B8: "underrepresented attributes ... over-index in the CIE set". The digits-lt analogue:
examples of the tail classes (the 5 rarest in training) are a larger share of the PIEs than
of the test set (where they are half: the test set is balanced).

Operational definition at level s: PIEs as in W5; ratio = (tail share among PIEs) / (tail
share of the test set) (fixtures.metrics.share_ratio). Decision with the exact
hypergeometric test of the number of tail examples among the PIEs (scipy), alpha from
fixtures/paper.py:
  reproduced    more tail PIEs than chance, p <= alpha;
  contradicted  fewer tail PIEs than chance, p <= alpha;
  inconclusive  neither, or no PIEs.

Changelog: v1 first version.
"""

import pytest
from scipy.stats import hypergeom

from fixtures.metrics import pie_mask, share_ratio
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="B8",
    statement="Tail-class examples are over-represented among PIEs",
    source="CBCM B8 (under-represented groups over-index among CIEs), long-tail analogue; paper-claims.md B8",
    version=1,
    experiments=("digits-lt",),
)


def test_tail_overrepresented_among_pies(case, dense, pruned, evidence):
    pies, tail = pie_mask(dense.labels, pruned.labels, dense.dataset.num_classes), dense.dataset.test_groups["tail"]
    n, k, total, in_tail = int(pies.sum()), int((pies & tail).sum()), len(tail), int(tail.sum())
    if n == 0:
        evidence.inconclusive(f"no PIEs at sparsity {case.sparsity:g}")
    p_over, p_under = hypergeom.sf(k - 1, total, in_tail, n), hypergeom.cdf(k, total, in_tail, n)
    evidence.record(pie_count=n, tail_pies=k, ratio=share_ratio(pies, tail), p_over=p_over, p_under=p_under)
    evidence.decide(reproduced=p_over <= ALPHA, contradicted=p_under <= ALPHA,
                    summary=f"{k} of {n} PIEs are tail examples (test share {in_tail / total:.2f}); "
                            f"ratio {share_ratio(pies, tail):.2f}; p(over) = {p_over:.3g}, p(under) = {p_under:.3g}")
