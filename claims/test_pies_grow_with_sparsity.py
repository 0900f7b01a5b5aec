"""W5 / B6: PIEs (Modal CIEs) are a small fraction of the test set and grow with sparsity.

Definition (WDCF §2.1, paper-claims.md 2.1): x is a Pruning Identified Exemplar at sparsity
t iff the modal label of the population pruned to t differs from the modal label of the
dense population (ties to the largest class index, as in the official code). CBCM's Modal
CIE is the same rule (paper-claims.md 2.5). WDCF: 10.27% of ImageNet val at 90% sparsity
(W5); CBCM B6: 555 CelebA test CIEs at 30% pruning, "compression level sets how many"
(second-hand).

Operational checks at each level s (counts of test examples):
  floor     the PIE count between two dense populations, over the balanced splits of the
            2M dense models (fixtures/noise_floor.py); q95 is its 95th percentile.
  exceeds   count(s) > floor q95.
  grows     count(s) >= count at the next lower selected level (the floor median for the
            lowest), allowing the floor's own spread (q95 - median) as noise.
  small     where top-line accuracy is still robust (drop within the W2 band), the PIE
            fraction is at most SMALL_FRACTION.
  reproduced    exceeds, grows and small hold;
  contradicted  grows or small fails, or count(s) <= floor q95 at s >= HIGH_SPARSITY;
  inconclusive  count(s) within the floor below HIGH_SPARSITY (no effect visible yet).

Changelog: v1 first version.
"""

import pytest

from fixtures.metrics import per_model_accuracy, pie_mask
from fixtures.noise_floor import noise_floor as floor_of
from fixtures.paper import HIGH_SPARSITY, TOP_LINE_BAND_POINTS

pytestmark = pytest.mark.claim(
    id="W5/B6",
    statement="PIEs / Modal CIEs exceed the dense-vs-dense floor, grow with sparsity, and are a small fraction of the test set",
    source="WDCF §2.1, W5 (10.27% of ImageNet val at 90%); CBCM B6 (555 CIEs at 30%); paper-claims.md W5, B6, 2.1, 2.5",
    version=1,
)

#: "A narrow subset": the paper's 10.27% at 90% rounded up to 15% of the test set.
SMALL_FRACTION = 0.15


def pie_count(a, b, num_classes):
    return int(pie_mask(a, b, num_classes).sum())


def test_pies_grow_with_sparsity(case, dense, pruned, noise_floor, previous_level, evidence):
    classes = dense.dataset.num_classes
    count = pie_count(dense.labels, pruned.labels, classes)
    floor = floor_of(dense.labels, noise_floor.labels, lambda a, b: pie_count(a, b, classes))
    previous = pie_count(dense.labels, previous_level.labels, classes) if previous_level else floor.median
    drop = 100 * (per_model_accuracy(dense.labels, dense.y_true).mean() - per_model_accuracy(pruned.labels, pruned.y_true).mean())
    robust = case.sparsity in TOP_LINE_BAND_POINTS and drop <= TOP_LINE_BAND_POINTS[case.sparsity]
    fraction = count / dense.labels.shape[1]
    exceeds, grows = count > floor.quantile(0.95), count >= previous - (floor.quantile(0.95) - floor.median)
    small = fraction <= SMALL_FRACTION or not robust
    evidence.record(pie_count=count, pie_fraction=fraction, floor=floor.as_dict(), previous_level_count=previous,
                    top1_drop_points=drop, top_line_robust=robust)
    evidence.decide(reproduced=exceeds and grows and small,
                    contradicted=not grows or not small or (case.sparsity >= HIGH_SPARSITY and not exceeds),
                    summary=f"{count} PIEs ({100 * fraction:.1f}% of test) vs floor q95 {floor.quantile(0.95):g} "
                            f"(median {floor.median:g}); previous level {previous:g}; top-1 drop {drop:.2f} points")
