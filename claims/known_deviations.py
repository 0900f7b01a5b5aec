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
    ("test_achieved_sparsity_matches_target", "celeba-synthetic-s0.99"): (5, (
        "TF-MOT keeps every weight tied at the pruning threshold (mask = |w| >= threshold): in one of 5 models "
        "(seed 0) 32 weights of dense1 share |w| = 0.00959923 (regrown by identical Adam steps after pruning), "
        "so 397 of 36,864 weights survive instead of 369 (sparsity 0.98923 vs 0.99; 28 weights over)")),
    ("test_class_impact_grows", "digits-lt-s0.99"): (5, (
        "at 99% sparsity digits-lt top-1 collapses by 51 points; every class falls with it, so the mean-shifted "
        "per-class test finds 2 impacted classes vs 6 at 90% (floor q95 1): the count does not keep growing "
        "beyond the paper's highest level (90%)")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.5-fpr"): (5, (
        "synthetic faces: Male FPR falls with pruning (-67.8%) more than overall FPR (-47.3%); non-blond males "
        "(short dark hair) are the generator's easiest cell, so CBCM's Male-FPR effect does not appear")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.9-fpr"): (5, (
        "synthetic faces: Male FPR +18.6% vs overall +20.3% at 90%; the generator's non-blond males stay easy")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.7-fnr"): (5, (
        "synthetic faces: FNR rises most for blond females (not Male +173.7%, Male +61.1%, overall +152.1%): "
        "the generator's blond cue is hair colour on long hair, which pruning erodes for women first")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.9-fnr"): (5, (
        "synthetic faces: FNR not Male +382.9%, Male +127.8%, overall +334.0% at 90% (see the 0.7 entry)")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.99-fnr"): (5, (
        "synthetic faces: FNR not Male +2042%, Male +550%, overall +1756% at 99% (see the 0.7 entry)")),
    ("test_pruned_models_lose_more_under_corruption", "celeba-synthetic-s0.9"): (5, (
        "synthetic faces: the mean relative top-1 drop over the 25 corrupted sets falls from 4.70% at 70% to 3.79% at "
        "90% (one-sided Welch p = 0.044) and stays below the dense population's 4.23% (p(pruned less) = 0.15); the 90% "
        "models (clean top-1 0.958 vs 0.982 dense) lose relatively less under JPEG (quality 7: 5.6% vs 8.9%) and "
        "low contrast (factor 0.05: 9.7% vs 13.6%), more under brightness +0.5 (13.2% vs 10.6%); no level's drop "
        "exceeds the dense population's significantly (0.3-0.7: inconclusive)")),
}
