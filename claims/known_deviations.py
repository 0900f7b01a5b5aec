"""Claim cases that do not reproduce here, each with its reason: applied as strict xfails.

A case listed here is reported as KNOWN DEVIATION while its decision keeps contradicting the
claim. If it stops (a code change, another population size), the run fails until this table
is updated. Entries apply only at the population sizes they were observed with: with another
M the case is tested afresh.

Adding an entry is a separate, reviewable act: never add one to make a run green without the
measured values that explain it.

Issue 12 re-derived the table under the new decision rules (permutation tests with Holm; B4
Male against not-Male): the v1 entries (B4 on celeba-synthetic, Male against overall) no
longer describe the decisions made now and were removed. Every entry below was measured at
commit 1eee7a7 (models of CODE_VERSION 2; celeba-synthetic with its 19,962-image test split).
"""

#: (test function, case id) -> (population sizes, reason)
KNOWN_DEVIATIONS: dict[tuple[str, str], tuple[tuple[int, ...], str]] = {
    ("test_underrepresented_group_overindexes_among_cies", "digits-lt-s0.99"): ((5, 10), (
        "digits-lt at 99%: pruned models (top-1 0.49 vs 0.95 dense) disagree with the reference on every class, "
        "so the tail's share of their disagreements falls below the dense models' (M = 5: 0.738 vs 0.910, Holm "
        "p(under) = 0.020; M = 10: 0.749 vs 0.903, p = 0.005), although the tail still holds most Modal CIEs "
        "(133 of 162 at M = 5; test share 0.500): at M = 5 head classes 2, 3, 4 take 7-8% of the pruned models' "
        "disagreements each against 0-3% of the dense models'")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.9-fnr"): ((10, 30), (
        "synthetic faces, M = 10: the Male FNR rises less than the not-Male FNR in relative terms (CBCM's measure: "
        "Male +107%, not Male +168%, overall +160%; Holm p(less) = 0.008), though about as much in points "
        "(population means 0.138 -> 0.286 Male, 0.060 -> 0.162 not Male): the Male rate starts 2.3 times higher. "
        "M = 30 (seeds 0-29; replicate 100,000+ alike): Male +97% (+110%), not Male +146% (+162%), Holm p(less) = "
        "0.005; in points Male rises more, 0.165 -> 0.325 against 0.077 -> 0.190")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.95-fnr"): ((10, 30), (
        "synthetic faces, M = 10: Male FNR +165%, not Male +327%, overall +304% (Holm p(less) = 0.005); in points "
        "0.138 -> 0.364 Male, 0.060 -> 0.258 not Male; see the 0.9 entry. M = 30: Male +121% (replicate 100,000+: "
        "+125%), not Male +238% (+267%), Holm p(less) = 0.005; in points 0.165 -> 0.366 Male, 0.077 -> 0.261 "
        "not Male")),
    ("test_celeba_top_line_barely_moves", "celeba-synthetic-s0.95"): ((10, 30), (
        "synthetic faces, M = 10: top-1 falls 4.59 points at 95% (0.980 -> 0.934; upper 95% bound 5.76; Holm "
        "p(drop > 2 points) = 0.006), against CBCM's 1.34 for ResNet-18 on real CelebA: the 24-pixel strided CNN "
        "of the fast tier keeps 5% of its weights. M = 30: 5.26 points (upper bound 5.81; replicate 100,000+: 5.46, bound "
        "6.07), Holm p(drop > 2 points) below 1e-9")),
    # Measured at M = 30 by `python benchmarks/run.py --only sizes` (commit 3a577a3; seeds 0-29, and the
    # replicate 100,000-100,029 in brackets; benchmarks/README.md has the run).
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.5-fpr"): ((30,), (
        "synthetic faces, M = 30: the not-Male FPR rises a little and the Male FPR does not (relative change Male "
        "-17.0% [+0.1%], not Male +5.2% [+26.5%]; Holm p(less) = 0.036 [0.005]). Both rates are about 1% (Male "
        "0.78% -> 0.64%, not Male 1.26% -> 1.32%): a difference of a few of the 7,535 non-blond males")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.7-fpr"): ((30,), (
        "synthetic faces, M = 30: Male FPR -8.0% [+14.2%], not Male +21.5% [+59.2%] (Holm p(less) = 0.010 "
        "[0.005]); Male 0.78% -> 0.71%, not Male 1.26% -> 1.53%; see the 0.5 entry")),
    ("test_underrepresented_group_overindexes_among_cies", "celeba-synthetic-s0.9"): ((30,), (
        "synthetic faces, M = 30: blond males take a smaller share of the pruned models' disagreements with the "
        "reference than of the dense models' (0.050 vs 0.064 [0.053 vs 0.061]; Holm p(under) = 0.024 [0.204: "
        "inconclusive in the replicate]), while they are 31 of the 543 Modal CIEs (5.7%) against 0.9% of the test "
        "set: the group is over-represented among CIEs, as CBCM B8 states, but pruning adds disagreements on the "
        "other groups faster than on it (W9: blond males lose 16.0 points, top-1 2.2)")),
    ("test_underrepresented_group_overindexes_among_cies", "celeba-synthetic-s0.95"): ((30,), (
        "synthetic faces, M = 30: blond-male share of disagreements 0.034 pruned vs 0.064 dense [0.036 vs 0.061], "
        "Holm p(under) = 0.005 [0.005]; 43 of 1,371 Modal CIEs (3.1%) are blond males, 3.5 times their 0.9% test "
        "share; see the 0.9 entry")),
    ("test_achieved_sparsity_matches_target", "celeba-synthetic-s0.99"): ((30,), (
        "synthetic faces at 99%, M = 30: 2 of 30 models keep more weights than the target (global sparsity "
        "0.98952 and 0.98988 for seeds 19 and 26 [0.98983 and 0.98938 for the 20th and 30th models]). Seed 19 "
        "retrained: its dense1 kernel keeps 389 of 36,864 weights against TF-MOT's k = 369, because 24 weights of "
        "one output unit (one input channel at 24 positions) hold one identical value, -0.0036295, which is the "
        "threshold magnitude, and TF-MOT's mask keeps every weight at or above the threshold; seed 26 keeps 374 "
        "with 6 tied weights. Seed 19 predicts one class everywhere (top-1 0.867, the majority rate). A TF-MOT "
        "tie at the threshold, not a wrong target")),
}
