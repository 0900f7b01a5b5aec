"""W1/W2: pruning barely moves top-line accuracy at moderate sparsity.

Quote (WDCF abstract, W1): "models with radically different numbers of weights have
comparable top-line performance metrics". W2: ResNet-50 on ImageNet, population-mean top-1
76.68% dense, 75.87% at 50%, 75.02% at 70%, 72.57% at 90% (paper-claims.md W2).

Operational definition: drop = mean top-1 of the dense population minus mean top-1 of the
population at s, in percentage points (30 models each in the paper; M here).
Decision across seeds (Welch, alpha from fixtures/paper.py):
  reproduced    drop <= band(s);
  contradicted  drop > band(s) significantly (one-sided Welch test of pruned + band < dense);
  inconclusive  drop > band(s) but not significantly.
Band: fixtures/paper.py TOP_LINE_BAND_POINTS (the paper's own losses rounded up). Asserted
up to 90%, the highest level with a published top-line figure.

Changelog: v1 first version.
"""

import pytest

from fixtures.paper import ALPHA, TOP_LINE_BAND_POINTS
from fixtures.top_line import top_line

pytestmark = pytest.mark.claim(
    id="W2",
    statement="Population-mean top-1 accuracy stays within a small band of the dense population's",
    source="WDCF abstract and W2 (ResNet-50: -1.7 points at 70%, -4.1 at 90%); paper-claims.md W1, W2",
    version=1,
    max_sparsity=max(TOP_LINE_BAND_POINTS),
)


def band_for(sparsity: float) -> float:
    """The band of the lowest declared level at or above `sparsity` (points)."""
    return TOP_LINE_BAND_POINTS[min(level for level in TOP_LINE_BAND_POINTS if level >= sparsity)]


def test_top_line_accuracy_is_robust(case, dense, pruned, evidence):
    result = top_line(dense.labels, pruned.labels, dense.y_true, band_for(case.sparsity))
    evidence.record(dense_top1=result.dense_top1, pruned_top1=result.pruned_top1, drop_points=result.drop_points,
                    band_points=result.band_points, p_drop_beyond_band=result.p_beyond_band)
    evidence.decide(reproduced=result.within_band, contradicted=result.p_beyond_band <= ALPHA, summary=result.summary())
