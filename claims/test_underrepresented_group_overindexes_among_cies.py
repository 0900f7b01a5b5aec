"""B8: under-represented groups are over-represented among CIEs / PIEs.

CBCM B8: "underrepresented attributes (e.g. Male, and Blond Male in particular) over-index
in the CIE set". Each experiment declares its under-represented test group
(fixtures/experiments.py): CelebA "blond male" (0.85% of training images); the digits-lt
analogue "tail" (the 5 rarest training classes, half of the balanced test set).

Operational definition at level s: Modal CIEs = PIEs (W5 rule); ratio = (group share among
the CIEs) / (group share of the test set) (fixtures.metrics.share_ratio).
Part of the effect is built in: two *dense* populations also disagree mostly on hard
examples, and under-represented groups are harder (on digits-lt, v1 of this claim
"reproduced" on a dense-vs-dense null). So the share to beat is the group's share among
dense-vs-dense disagreements, pooled over the balanced splits of the 2M dense models
(fixtures/noise_floor.py), or its test-set share if that is larger. Decision (alpha from
fixtures/paper.py):
  reproduced    more group examples among the CIEs than that share predicts (one-sided
                binomial test, p <= alpha);
  contradicted  fewer group examples than the test-set share predicts (hypergeometric
                test, p <= alpha);
  inconclusive  neither, or no CIEs.

Changelog: v1 first version. v2: the share to beat includes the dense-vs-dense floor.
"""

import pytest
from scipy.stats import binom, hypergeom

from fixtures.metrics import pie_mask, share_ratio
from fixtures.noise_floor import noise_floor as floor_of
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="B8",
    statement="The under-represented group (blond males; tail classes) is over-represented among CIEs",
    source="CBCM B8 (under-represented attributes over-index in the CIE set); paper-claims.md B8",
    version=2,
)


def test_underrepresented_group_overindexes_among_cies(case, dense, pruned, noise_floor, evidence):
    (name, group), classes = dense.underrepresented, dense.dataset.num_classes
    cies = pie_mask(dense.labels, pruned.labels, classes)
    n, k, test_share = int(cies.sum()), int((cies & group).sum()), float(group.mean())
    if n == 0:
        evidence.inconclusive(f"no CIEs at sparsity {case.sparsity:g}")
    null_in_group = floor_of(dense.labels, noise_floor.labels, lambda a, b: (pie_mask(a, b, classes) & group).sum())
    null_all = floor_of(dense.labels, noise_floor.labels, lambda a, b: pie_mask(a, b, classes).sum())
    floor_share = float(null_in_group.values.sum() / null_all.values.sum()) if null_all.values.sum() else 0.0
    to_beat = max(test_share, floor_share)
    p_over, p_under = binom.sf(k - 1, n, to_beat), hypergeom.cdf(k, len(group), int(group.sum()), n)
    evidence.record(group=name, cie_count=n, group_cies=k, ratio=share_ratio(cies, group), test_share=test_share,
                    floor_share=floor_share, p_over=p_over, p_under=p_under)
    evidence.decide(reproduced=p_over <= ALPHA, contradicted=p_under <= ALPHA,
                    summary=f"{k} of {n} CIEs are {name} (share {k / n:.3f}; test {test_share:.3f}, "
                            f"dense-vs-dense floor {floor_share:.3f}); p(over) = {p_over:.3g}, p(under) = {p_under:.3g}")
