"""B4: compression cannibalises low-frequency attributes: the Male subgroup's error rates
rise relatively more than the overall rates.

Quote (CBCM p.5): "Compression cannibalizes performance on low-frequency attributes in order
to preserve overall performance." At 95% pruning the FPR rises +49.54% for Male, +6.32% for
not-Male, +12.72% overall (second-hand; paper-claims.md B4, 2.4).

Operational definition (target Blond_Hair, 1 = blond): per model, within subgroup g,
FPR = P(predicted blond | not blond, g) and FNR = P(predicted not blond | blond, g). Two
cases per level, declared here:
  fpr   the paper's headline: Male FPR (non-blond males called blond) vs overall FPR;
  fnr   the under-represented cell: Male FNR (blond males, 0.85% of training) vs overall FNR.
Relative change as in CBCM: (rate_pruned - rate_dense) / rate_dense, from population means;
recorded for every subgroup and rate. Decision across seeds: per model
l = log(rate_Male) - log(rate_overall), with rates smoothed as (errors + 0.5) / (n + 1) so a
model with no errors has a finite log; one-sided Welch test of l, dense vs pruned:
  reproduced    l rises with pruning (Male rate grew relatively more), p <= alpha;
  contradicted  l falls (Male rate grew relatively less), p <= alpha;
  inconclusive  neither.

Changelog: v1 first version.
"""

import numpy as np
import pytest

from fixtures.experiments import CELEBA_EXPERIMENTS
from fixtures.metrics import binary_rates, relative_change, welch_test
from fixtures.paper import ALPHA

pytestmark = pytest.mark.claim(
    id="B4",
    statement="The Male subgroup's FPR and FNR rise relatively more than the overall rates under pruning",
    source="CBCM p.5 and B4 (FPR +49.54% Male, +6.32% not-Male, +12.72% overall at 95%); paper-claims.md B4, 2.4",
    version=1,
    experiments=CELEBA_EXPERIMENTS,
)


def smoothed_log_rate(population, group, rate):
    """log((errors + 0.5) / (n + 1)) per model, errors and n counted within `group`."""
    target = 0 if rate == "fpr" else 1  # FPR counts over non-blond examples, FNR over blond ones
    within = group & (population.y_true == target)
    errors = (population.labels[:, within] != target).sum(axis=1)
    return np.log((errors + 0.5) / (within.sum() + 1))


def relative_changes(dense, pruned):
    """CBCM-style relative change of each rate, per test subgroup and overall (fractions)."""
    groups = {"overall": np.ones_like(dense.y_true, dtype=bool), **dense.dataset.test_groups}
    changes = {}
    for name, mask in groups.items():
        before, after = binary_rates(dense.labels, dense.y_true, mask), binary_rates(pruned.labels, pruned.y_true, mask)
        changes[name] = {rate: relative_change(float(np.mean(getattr(before, rate))), float(np.mean(getattr(after, rate))))
                         for rate in ("fpr", "fnr", "error")}
    return changes


@pytest.mark.parametrize("rate", ["fpr", "fnr"])
def test_male_error_rates_rise_more(case, rate, dense, pruned, evidence):
    male, everyone = dense.dataset.test_groups["Male"], np.ones_like(dense.y_true, dtype=bool)
    l_dense = smoothed_log_rate(dense, male, rate) - smoothed_log_rate(dense, everyone, rate)
    l_pruned = smoothed_log_rate(pruned, male, rate) - smoothed_log_rate(pruned, everyone, rate)
    rises, falls = welch_test(l_dense, l_pruned, "less"), welch_test(l_dense, l_pruned, "greater")
    changes = relative_changes(dense, pruned)
    evidence.record(rate=rate, relative_change=changes, log_ratio_dense=l_dense, log_ratio_pruned=l_pruned,
                    p_male_rises_more=rises.pvalue, p_male_rises_less=falls.pvalue)
    evidence.decide(reproduced=rises.pvalue <= ALPHA, contradicted=falls.pvalue <= ALPHA,
                    summary=f"{rate.upper()} relative change: Male {100 * changes['Male'][rate]:+.1f}%, "
                            f"not Male {100 * changes['not Male'][rate]:+.1f}%, overall {100 * changes['overall'][rate]:+.1f}%; "
                            f"p(Male rises more) = {rises.pvalue:.3g}, p(less) = {falls.pvalue:.3g}")
