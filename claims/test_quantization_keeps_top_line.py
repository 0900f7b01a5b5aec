"""W4 (top line): post-training quantized populations keep the dense population's top-1.

WDCF W4 (paper-claims.md): post-training TFLite quantization (float16, dynamic-range
"hybrid" int8, fixed-point int8 calibrated on a small representative set; CBCM B9: the
first 100 training examples) "appears to introduce less disparate harm" than pruning (p.6).
Top-1 of the quantized models: NOT FOUND in either paper (paper-claims.md W4, §5).

Operational definition, per mode (fixtures/quantization.py): the M dense models (seeds
0..M-1) quantized, evaluated with the TFLite interpreter; drop = mean dense top-1 minus mean
quantized top-1 in percentage points. Kind: no-change (it passes when quantization changes
nothing). Decision as W2 (fixtures/top_line.py): reproduced only if the upper 95% confidence
bound of the drop is inside BAND_POINTS; contradicted if the drop exceeds it significantly
(Holm over the modes); inconclusive otherwise.
Band, declared without a published number: the papers give no top-1 for quantized models,
and they present quantization as the *less* harmful compression, so a quantized population
is held to the band of the mildest pruning WDCF reports (TOP_LINE_BAND_POINTS at 30%:
2 points, the W2 70% loss rounded up).

Changelog: v1 first version. v2 (issue 12): interval rule (v1 decided on the point estimate).
"""

import pytest

from fixtures.claim_fixtures import cell_of
from fixtures.decision import degenerate_reason
from fixtures.paper import TOP_LINE_BAND_POINTS
from fixtures.populations import NotEvaluated
from fixtures.quantization import QUANTIZED_MODES
from fixtures.top_line import top_line_cells

#: See the docstring: moderate pruning's band; no published top-1 for quantized models.
BAND_POINTS = TOP_LINE_BAND_POINTS[0.3]

pytestmark = pytest.mark.claim(
    id="W4-top1",
    statement="Post-training quantized populations (dynamic, float16, int8) keep top-1 within 2 points of the dense population's",
    source="WDCF W4 p.5-6 (post-training TFLite quantization; quantized top-1 NOT FOUND, band declared); "
           "CBCM B9 (first 100 training examples calibrate int8); paper-claims.md W4, B9",
    version=2,
    kind="no-change",
    modes=QUANTIZED_MODES,
)


def test_quantization_keeps_top_line(case, dense, populations, evidence):
    try:
        quantized = {mode: populations.quantized(case.experiment, mode).labels for mode in QUANTIZED_MODES}
    except NotEvaluated as reason:
        evidence.not_evaluated(str(reason))
    for name, labels in (("dense", dense.labels), *quantized.items()):
        reason = degenerate_reason(name, labels, dense.y_true)
        if reason:
            evidence.not_evaluated(reason)
    cells = top_line_cells(dense.labels, quantized, dense.y_true, {mode: BAND_POINTS for mode in quantized})
    evidence.record(mode=case.mode)
    evidence.apply(cells[cell_of(case)])
