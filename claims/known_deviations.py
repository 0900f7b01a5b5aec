"""Claim cases that do not reproduce here, each with its reason: applied as strict xfails.

A case listed here is reported as KNOWN DEVIATION while it keeps failing. If it stops failing
(a code change, another population size), strict xfail fails the run until this table is
updated. Entries apply only at the population size they were observed with (default options:
M = 5, levels 0, 0.3, 0.5, 0.7, 0.9, 0.99): with another M the case is tested afresh.

Adding an entry is a separate, reviewable act: never add one to make a run green without the
measured values that explain it.
"""

#: (test function, case id) -> (population size, reason)
KNOWN_DEVIATIONS: dict[tuple[str, str], tuple[int, str]] = {
    # CBCM B4 on the synthetic faces: the Male FPR falls with pruning, more than overall, at
    # every level from 50% (also in the models of CODE_VERSION 1, trained on another batch order).
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.5-fpr"): (5, (
        "synthetic faces: Male FPR falls with pruning (-62.1%) more than overall FPR (-45.5%; one-sided "
        "p(Male rises less) = 0.045); non-blond males (short dark hair) are the generator's easiest cell, so "
        "CBCM's Male-FPR effect does not appear")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.7-fpr"): (5, (
        "synthetic faces: Male FPR -39.7% vs overall -15.6% at 70% (p(Male rises less) = 0.016); see the 0.5 entry")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.9-fpr"): (5, (
        "synthetic faces: Male FPR -51.7% vs overall -23.4% at 90% (p(Male rises less) = 0.005); see the 0.5 entry")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.99-fnr"): (5, (
        "synthetic faces: FNR rises most for blond females (not Male +1972%, Male +611%, overall +1735% at 99%; "
        "p(Male rises less) = 0.017): the generator's blond cue is hair colour on long hair, which pruning erodes "
        "for women first")),
}
