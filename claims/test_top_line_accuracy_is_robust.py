"""W1/W2: pruning barely moves top-line accuracy at moderate sparsity.

Quote (WDCF abstract, W1): "models with radically different numbers of weights have
comparable top-line performance metrics". W2: ResNet-50 on ImageNet, population-mean top-1
76.68% dense, 75.87% at 50%, 75.02% at 70%, 72.57% at 90% (paper-claims.md W2).

Operational definition: drop = mean top-1 of the dense population minus mean top-1 of the
population at s, in percentage points (30 models each in the paper; M here).
Kind: no-change (it passes when pruning changes nothing). Decision: fixtures/top_line.py
(reproduced only if the upper 95% confidence bound of the drop is inside the band;
contradicted if the drop exceeds the band significantly, Holm over the levels).
Band: fixtures/paper.py TOP_LINE_BAND_POINTS (the paper's own losses rounded up). Asserted
up to 90%, the highest level with a published top-line figure.

Changelog: v1 first version. v2 (issue 12): interval rule (v1 decided on the point estimate).
"""

import pytest

from fixtures.claim_fixtures import family_decision
from fixtures.paper import TOP_LINE_BAND_POINTS
from fixtures.top_line import top_line_cells

pytestmark = pytest.mark.claim(
    id="W2",
    statement="Population-mean top-1 accuracy stays within a small band of the dense population's",
    source="WDCF abstract and W2 (ResNet-50: -1.7 points at 70%, -4.1 at 90%); paper-claims.md W1, W2",
    version=2,
    kind="no-change",
    max_sparsity=max(TOP_LINE_BAND_POINTS),
)


def band_for(sparsity: float) -> float:
    """The band of the lowest declared level at or above `sparsity` (points)."""
    return TOP_LINE_BAND_POINTS[min(level for level in TOP_LINE_BAND_POINTS if level >= sparsity)]


def analyse(family):
    cells = {f"s{level:g}": population.labels for level, population in family.levels.items()}
    bands = {f"s{level:g}": band_for(level) for level in family.levels}
    return top_line_cells(family.dense.labels, cells, family.y_true, bands)


def test_top_line_accuracy_is_robust(case, family, evidence):
    evidence.apply(family_decision(case, family, analyse))
