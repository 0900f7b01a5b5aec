"""W4 (top line): post-training quantized populations keep the dense population's top-1.

WDCF W4 (paper-claims.md): post-training TFLite quantization (float16, dynamic-range
"hybrid" int8, fixed-point int8 calibrated on a small representative set; CBCM B9: the
first 100 training examples) "appears to introduce less disparate harm" than pruning (p.6).
Top-1 of the quantized models: NOT FOUND in either paper (paper-claims.md W4, §5).

Operational definition, per mode (fixtures/quantization.py): the M dense models (seeds
0..M-1) quantized, evaluated with the TFLite interpreter; drop = mean dense top-1 minus mean
quantized top-1 in percentage points; decision as W2 (fixtures/top_line.py):
  reproduced    drop <= BAND_POINTS;
  contradicted  drop > BAND_POINTS significantly (one-sided Welch, alpha from fixtures/paper.py);
  inconclusive  drop > BAND_POINTS, not significantly.
Band, declared without a published number: the papers give no top-1 for quantized models,
and they present quantization as the *less* harmful compression, so a quantized population
is held to the band of the mildest pruning WDCF reports (TOP_LINE_BAND_POINTS at 30%:
2 points, the W2 70% loss rounded up).

Changelog: v1 first version.
"""

import pytest

from fixtures.paper import ALPHA, TOP_LINE_BAND_POINTS
from fixtures.quantization import QUANTIZED_MODES
from fixtures.top_line import top_line

#: See the docstring: moderate pruning's band; no published top-1 for quantized models.
BAND_POINTS = TOP_LINE_BAND_POINTS[0.3]

pytestmark = pytest.mark.claim(
    id="W4-top1",
    statement="Post-training quantized populations (dynamic, float16, int8) keep top-1 within 2 points of the dense population's",
    source="WDCF W4 p.5-6 (post-training TFLite quantization; quantized top-1 NOT FOUND, band declared); "
           "CBCM B9 (first 100 training examples calibrate int8); paper-claims.md W4, B9",
    version=1,
    modes=QUANTIZED_MODES,
)


def test_quantization_keeps_top_line(case, dense, quantized, evidence):
    result = top_line(dense.labels, quantized.labels, dense.y_true, BAND_POINTS)
    evidence.record(mode=case.mode, dense_top1=result.dense_top1, quantized_top1=result.pruned_top1,
                    drop_points=result.drop_points, band_points=result.band_points,
                    p_drop_beyond_band=result.p_beyond_band)
    evidence.decide(reproduced=result.within_band, contradicted=result.p_beyond_band <= ALPHA,
                    summary=f"{case.mode}: {result.summary()}")
