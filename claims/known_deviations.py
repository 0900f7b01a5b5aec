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
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.9-fnr"): ((10,), (
        "synthetic faces, M = 10: the Male FNR rises less than the not-Male FNR in relative terms (CBCM's measure: "
        "Male +107%, not Male +168%, overall +160%; Holm p(less) = 0.008), though about as much in points "
        "(population means 0.138 -> 0.286 Male, 0.060 -> 0.162 not Male): the Male rate starts 2.3 times higher")),
    ("test_male_error_rates_rise_more", "celeba-synthetic-s0.95-fnr"): ((10,), (
        "synthetic faces, M = 10: Male FNR +165%, not Male +327%, overall +304% (Holm p(less) = 0.005); in points "
        "0.138 -> 0.364 Male, 0.060 -> 0.258 not Male; see the 0.9 entry")),
    ("test_celeba_top_line_barely_moves", "celeba-synthetic-s0.95"): ((10,), (
        "synthetic faces, M = 10: top-1 falls 4.59 points at 95% (0.980 -> 0.934; upper 95% bound 5.76; Holm "
        "p(drop > 2 points) = 0.006), against CBCM's 1.34 for ResNet-18 on real CelebA: the 24-pixel strided CNN "
        "of the fast tier keeps 5% of its weights")),
}
