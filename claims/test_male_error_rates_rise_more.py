"""B4: compression cannibalises low-frequency attributes: the Male subgroup's error rates
rise relatively more than the not-Male subgroup's.

Quote (CBCM p.5): "Compression cannibalizes performance on low-frequency attributes in order
to preserve overall performance." At 95% pruning the FPR rises +49.54% for Male, +6.32% for
not-Male, +12.72% overall (second-hand; paper-claims.md B4, 2.4).

Operational definition (target Blond_Hair, 1 = blond): per model, within subgroup g,
FPR = P(predicted blond | not blond, g) and FNR = P(predicted not blond | blond, g). Two
cases per level, declared here:
  fpr   the paper's headline: Male FPR (non-blond males called blond) vs not-Male FPR;
  fnr   the under-represented cell: Male FNR (blond males, 0.85% of training) vs not-Male FNR.
CBCM's relative change (rate_pruned - rate_dense) / rate_dense of population means is
recorded for Male, not Male and overall. The statistic decided on is the Male-minus-not-Male
difference of relative changes, each change taken relative to the subgroup's rate pooled
over all 2M models (a denominator every relabelling shares, so no relabelling divides by
zero):  T = (mean_P - mean_D)(Male) / pooled(Male) - (mean_P - mean_D)(not Male) / pooled(not Male).

Kind: effect. Decision (fixtures/decision.py): permutation test relabelling the pooled dense
and pruned models, Holm over the experiment's levels (one family per rate):
  reproduced    Male's rate rises relatively more (p_for <= alpha);
  contradicted  Male's rate rises relatively less (p_against <= alpha);
  inconclusive  neither.
Not evaluated: a subgroup without examples of the rate's class, a rate that no model of
either population ever errs on (the relative change is undefined), and degenerate
populations (a model that predicts one class everywhere, fixtures/decision.py).

Changelog: v1 first version. v2 (issue 12): Male against not-Male as CBCM (v1: against
overall); permutation test with Holm; collapsed populations are not evaluated (v1
"reproduced" at 99% from models predicting "not blond" for every image, through the
smoothing of zero rates).
"""

import numpy as np
import pytest

from fixtures.claim_fixtures import family_decision
from fixtures.decision import Decision, decide_cells, mean_difference, permutation_test
from fixtures.experiments import CELEBA_EXPERIMENTS
from fixtures.metrics import binary_rates, relative_change

pytestmark = pytest.mark.claim(
    id="B4",
    statement="The Male subgroup's FPR and FNR rise relatively more than the not-Male subgroup's under pruning",
    source="CBCM p.5 and B4 (FPR +49.54% Male, +6.32% not-Male, +12.72% overall at 95%); paper-claims.md B4, 2.4",
    version=2,
    kind="effect",
    experiments=CELEBA_EXPERIMENTS,
)

SUBGROUPS = ("Male", "not Male")


def rates(population, mask, rate):
    """float64 [M]: each model's FPR or FNR within `mask` (fractions)."""
    return getattr(binary_rates(population.labels, population.y_true, mask), rate)


def relative_changes(dense, pruned, rate):
    """CBCM-style relative change of the rate's population mean, per subgroup and overall."""
    groups = {"overall": np.ones_like(dense.y_true, dtype=bool), **dense.dataset.test_groups}
    return {name: relative_change(float(np.mean(rates(dense, mask, rate))), float(np.mean(rates(pruned, mask, rate))))
            for name, mask in groups.items()}


def analyse(family, rate):
    groups, m = family.dense.dataset.test_groups, family.dense.size
    target = 0 if rate == "fpr" else 1
    for name in SUBGROUPS:
        if not (groups[name] & (family.y_true == target)).any():
            reason = f"not evaluated: the test set has no {name} example with Blond_Hair = {target} ({rate.upper()})"
            return {f"s{level:g}": Decision("not evaluated", reason) for level in family.levels}
    p_for, p_against, summaries, values, out = {}, {}, {}, {}, {}
    for level, population in family.levels.items():
        cell = f"s{level:g}"
        before = {name: rates(family.dense, groups[name], rate) for name in SUBGROUPS}
        after = {name: rates(population, groups[name], rate) for name in SUBGROUPS}
        pooled = {name: float(np.concatenate([before[name], after[name]]).mean()) for name in SUBGROUPS}
        zero = [name for name in SUBGROUPS if pooled[name] == 0.0]
        if zero:
            out[cell] = Decision("not evaluated", f"not evaluated: no model of either population makes a {zero[0]} "
                                                  f"{rate.upper()} error, so its relative change is undefined")
            continue
        male = mean_difference(before["Male"], after["Male"])
        other = mean_difference(before["not Male"], after["not Male"])
        test = permutation_test(lambda rows: male(rows) / pooled["Male"] - other(rows) / pooled["not Male"], m, m)
        changes = relative_changes(family.dense, population, rate)
        p_for[cell], p_against[cell] = test.p_greater, test.p_less
        values[cell] = {"rate": rate, "relative_change": changes, "dense_rates": before, "pruned_rates": after,
                        "pooled_rates": pooled, "permutation": test.as_dict()}
        summaries[cell] = (f"{rate.upper()} relative change: Male {100 * changes['Male']:+.1f}%, not Male "
                           f"{100 * changes['not Male']:+.1f}%, overall {100 * changes['overall']:+.1f}%; T = "
                           f"{test.observed:+.3f}, p(Male rises more) = {test.p_greater:.3g}, p(less) = {test.p_less:.3g}")
    return {**decide_cells(p_for, p_against, summaries, values), **out}


@pytest.mark.parametrize("rate", ["fpr", "fnr"])
def test_male_error_rates_rise_more(case, rate, family, evidence):
    evidence.apply(family_decision(case, family, analyse, rate))
