"""Where reported results disagree: compare the figures sources give for the same candidate.

Two figures are compared as the intervals their writing allows: "51.2" stands for
[51.15, 51.25], "51" for [50.5, 51.5], "more than 51%" for (51, 100]. Overlapping intervals are
*consistent*. Otherwise the verdict depends on who counted what:

- different producers (electoral authority, exit poll, opposition tally): *competing claims*;
- the same kind of figure at different stated counting stages (80% vs 97% counted): a *revision*;
- the same kind of figure and nothing to explain the gap (44.02 against 44.2): a *mismatch*.

Opinion polls are compared only with opinion polls: a poll taken before the vote does not
contradict a count. Results written the same way by several sources are one :class:`Figure`, and
findings compare figures: the findings grow with the number of distinct figures, not with the
number of articles, and each result only joins its figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import Literal

from kg.model import Corpus, Result

Verdict = Literal["consistent", "revision", "mismatch", "competing-claims"]

#: Producers whose figures compete with each other when they differ.
CLAIMANT_KINDS = frozenset({"official", "exit-poll", "opposition-tally"})

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class SourcedResult:
    """A result together with the key of the article that reports it."""

    article: str
    result: Result


@dataclass(frozen=True)
class Figure:
    """A figure as sources write it for one candidate and election, with every result written so.

    Results of the same kind, share, precision, bound and counted share are one figure however
    many articles repeat it: findings compare figures, and each result belongs to one figure.
    """

    candidate: str
    election: str | None
    written: tuple  # kind, share, precision, bound, counted: what makes two reports the same figure
    results: tuple[SourcedResult, ...]

    @property
    def key(self) -> tuple:
        """What identifies the figure: candidate, election and its written parts, decimals canonical.

        >>> Figure("person/a", None, ("official", Decimal("51.20"), Decimal("0.01"), "exact", None), ()).key
        ('person/a', '', 'official', '51.2', '0.01', 'exact', '')
        """
        return (self.candidate, self.election or "", *map(_canonical, self.written))

    @property
    def sample(self) -> Result:
        """One result of the figure: every member has the same written parts, so any one will do."""
        return self.results[0].result


@dataclass(frozen=True)
class Finding:
    """A verdict on two figures given for the same candidate."""

    verdict: Verdict
    candidate: str
    election: str | None
    figures: tuple[Figure, Figure]
    explanation: str

    @property
    def results(self) -> tuple[SourcedResult, ...]:
        """The results of both figures compared."""
        return self.figures[0].results + self.figures[1].results

    @property
    def key(self) -> tuple:
        """What the finding compares: candidate, election and the two figures as written.

        Its IRI comes from this, not from the results of each figure, so that a new article
        repeating a figure adds one member to the figure instead of renaming the finding.
        """
        return (self.candidate, self.election or "", *(tuple(map(_canonical, f.written)) for f in self.figures))


def share_interval(result: Result) -> tuple[Decimal, Decimal]:
    """The range of true shares that the figure as written allows.

    >>> from kg.model import Span
    >>> def r(share, precision, bound="exact"):
    ...     return Result("c", Decimal(share), share, Decimal(precision), bound, "official",
    ...                   Span(0, 1), Span(0, 1))
    >>> share_interval(r("51.2", "0.1"))
    (Decimal('51.15'), Decimal('51.25'))
    >>> share_interval(r("51", "1", "more-than"))
    (Decimal('51'), Decimal('100'))
    """
    half = result.precision / 2
    share = result.share
    return {
        "exact": (share - half, share + half),
        "about": (share - result.precision, share + result.precision),
        "more-than": (share, HUNDRED),
        "at-least": (share, HUNDRED),
        "less-than": (Decimal(0), share),
        "at-most": (Decimal(0), share),
    }[result.bound]


def overlap(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Whether two closed intervals share a point.

    >>> overlap((Decimal(1), Decimal(2)), (Decimal(2), Decimal(3)))
    True
    """
    return a[0] <= b[1] and b[0] <= a[1]


def judge(a: Result, b: Result) -> Verdict | None:
    """The verdict on two figures for the same candidate, or None when they are not comparable.

    >>> from kg.model import Span
    >>> def r(share, precision, kind="official", counted=None):
    ...     return Result("c", Decimal(share), share, Decimal(precision), "exact", kind,
    ...                   Span(0, 1), Span(0, 1), counted=counted and Decimal(counted))
    >>> judge(r("51.2", "0.1"), r("51.20", "0.01"))
    'consistent'
    >>> judge(r("44.02", "0.01", counted="80"), r("44.2", "0.1"))
    'mismatch'
    >>> judge(r("51.2", "0.1", counted="80"), r("51.95", "0.01", counted="96.87"))
    'revision'
    >>> judge(r("51.2", "0.1"), r("31", "1", kind="exit-poll"))
    'competing-claims'
    >>> judge(r("51.2", "0.1"), r("40", "1", kind="opinion-poll")) is None
    True
    """
    if (a.kind == "opinion-poll") != (b.kind == "opinion-poll"):
        return None
    if overlap(share_interval(a), share_interval(b)):
        return "consistent"
    if a.kind != b.kind and a.kind in CLAIMANT_KINDS and b.kind in CLAIMANT_KINDS:
        return "competing-claims"
    if a.counted is not None and b.counted is not None and a.counted != b.counted:
        return "revision"
    return "mismatch"


def _figure(result: Result) -> tuple:
    """What makes two reports the same figure: who, how much, how written, by whom, how counted."""
    return (result.kind, result.share, result.precision, result.bound, result.counted)


def find_disagreements(corpus: Corpus) -> list[Finding]:
    """Compare every distinct figure with every other for the same candidate and election.

    Only figures from different articles are compared; results written identically are one figure.
    """
    findings = []
    for left, right in combinations_of_figures(group_figures(corpus)):
        if {s.article for s in left.results} == {s.article for s in right.results} and len(left.results) == 1:
            continue  # one article giving two figures is not two sources disagreeing
        verdict = judge(left.sample, right.sample)
        if verdict is None:
            continue
        findings.append(Finding(
            verdict=verdict,
            candidate=left.candidate,
            election=left.election,
            figures=(left, right),
            explanation=explain(verdict, left.sample, right.sample),
        ))
    return findings


def group_figures(corpus: Corpus) -> list[Figure]:
    """Every distinct figure of the corpus with its results, sorted by candidate, election and figure."""
    groups: dict[tuple, dict[tuple, list[SourcedResult]]] = defaultdict(lambda: defaultdict(list))
    for extraction in corpus.extractions:
        for result in extraction.results:
            sourced = SourcedResult(extraction.article.key, result)
            groups[(result.candidate, result.election or "")][_figure(result)].append(sourced)
    return [
        Figure(candidate, election or None, written, tuple(members))
        for (candidate, election), figures in sorted(groups.items())
        for written, members in sorted(figures.items(), key=_sort_key)
    ]


def combinations_of_figures(figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Every pair of figures for the same candidate and election, in the order ``figures`` gives."""
    by_subject: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_subject[(figure.candidate, figure.election)].append(figure)
    return [pair for same in by_subject.values() for pair in combinations(same, 2)]


def _canonical(value: object) -> str:
    """A figure's part as text, decimals canonical: 51.20 and 51.2 (as a store keeps it) agree.

    >>> _canonical(Decimal("51.20")), _canonical(None), _canonical("official")
    ('51.2', '', 'official')
    """
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else str(value)


def _sort_key(item: tuple[tuple, list[SourcedResult]]) -> tuple:
    kind, share, precision, bound, counted = item[0]
    return (kind, share, precision, bound, counted if counted is not None else Decimal(-1))


def explain(verdict: Verdict, a: Result, b: Result) -> str:
    """One English sentence saying why two figures got their verdict.

    >>> from kg.model import Span
    >>> r = lambda s, p: Result("c", Decimal(s), s, Decimal(p), "exact", "official", Span(0, 1), Span(0, 1))
    >>> explain("mismatch", r("44.02", "0.01"), r("44.2", "0.1"))
    'official 44.02% (44.015 to 44.025) and official 44.2% (44.15 to 44.25) do not agree and nothing explains the gap'
    """
    def describe(result: Result) -> str:
        low, high = share_interval(result)
        # The figure's value, not its printed form: every member of a group shares the value, so
        # the sentence stays the same whichever source happens to come first.
        counted = f" at {result.counted.normalize():f}% counted" if result.counted is not None else ""
        bound = "" if result.bound == "exact" else result.bound.replace("-", " ") + " "
        return f"{result.kind} {bound}{result.share.normalize():f}%{counted} ({low} to {high})"

    reason = {
        "consistent": "agree within the precision each is written with",
        "revision": "differ because they were taken at different counting stages",
        "mismatch": "do not agree and nothing explains the gap",
        "competing-claims": "are competing claims by different producers",
    }[verdict]
    return f"{describe(a)} and {describe(b)} {reason}"
