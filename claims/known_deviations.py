"""Claim cases that do not reproduce here, each with its reason: applied as strict xfails.

A case listed here is reported as KNOWN DEVIATION while it keeps failing. If it stops failing
(a code change, another population size), strict xfail fails the run until this table is
updated. Entries apply only at the population size they were observed with (default options:
M = 5): with another M the case is tested afresh.

Adding an entry is a separate, reviewable act: never add one to make a run green without the
measured values that explain it.

Issue 12 re-derived the table under the new decision rules (permutation tests with Holm,
B4 Male against not-Male): the v1 entries (all B4 on celeba-synthetic) no longer describe
the decisions made now and were removed; entries below carry the commit that measured them.
"""

#: (test function, case id) -> (population size, reason)
KNOWN_DEVIATIONS: dict[tuple[str, str], tuple[int, str]] = {
    # Measured at commit 41a98a5 (claims run on the models of CODE_VERSION 2).
    ("test_underrepresented_group_overindexes_among_cies", "digits-lt-s0.99"): (5, (
        "digits-lt at 99%: pruned models (top-1 0.493 vs 0.954 dense) disagree with the reference on every class, "
        "so the tail's share of their disagreements (0.738) falls below the dense models' (0.910; Holm "
        "p(under) = 0.020), although the tail still holds 133 of the 162 Modal CIEs (test share 0.500): head classes "
        "2, 3, 4 take 7-8% of the disagreements each at 99% against 0-3% for dense models. Damage spreading to "
        "every class at near-collapse, not a group spared")),
}
