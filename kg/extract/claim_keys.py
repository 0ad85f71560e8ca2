"""Claim keys: one key per statement a speaker makes, across articles and languages."""

from __future__ import annotations

from collections import defaultdict

from kg.iris import short_hash


def cluster_statements(statements: list[tuple[str, str, str]], concepts_of) -> dict[int, str]:
    """One claim key per group of statements: same speaker and most of their concepts shared.

    ``statements`` are (speaker, text, language); ``concepts_of(text, language)`` gives the set of
    concept words of a text (content words, with the language's lexicon mapping them to shared
    English concepts). Two statements are one claim when the speaker is the same and at least two
    concepts and half of the smaller set are shared. The key hashes the speaker and the concepts
    of the group's first statement in sorted order, so it does not depend on the article order.
    Its limit: a translation that shares fewer than two mapped words with the original is not
    recognised, and one speaker's two different sentences on the same theme may be merged.
    """
    concepts = [concepts_of(text, lang) for _, text, lang in statements]
    parent = list(range(len(statements)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(statements, concepts):
        if _similar(concepts[i], concepts[j]):
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(statements)):
        groups[root(i)].append(i)
    keys: dict[int, str] = {}
    for members in groups.values():
        first = min(members, key=lambda i: (statements[i][2] != "en", statements[i][1], statements[i][2]))
        key = short_hash(statements[first][0], " ".join(sorted(concepts[first])) or statements[first][1])
        for i in members:
            keys[i] = key
    return keys


def _candidate_pairs(statements: list[tuple[str, str, str]], concepts: list[frozenset[str]]):
    """The pairs (i < j) of one speaker's statements that share at least two concepts.

    Blocked by speaker and indexed by concept, so the work grows with the pairs that could match,
    not with the square of the corpus; equal concept sets are compared once, through their first.

    >>> sorted(_candidate_pairs([("a", "", ""), ("a", "", ""), ("b", "", "")],
    ...                         [frozenset("xyz"), frozenset("xy"), frozenset("xy")]))
    [(0, 1)]
    """
    firsts: dict[tuple[str, frozenset[str]], int] = {}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (speaker, _, _) in enumerate(statements):
        first = firsts.setdefault((speaker, concepts[i]), i)
        if first != i:
            yield first, i
            continue
        shared: dict[int, int] = defaultdict(int)
        for concept in concepts[i]:
            posting = postings[(speaker, concept)]
            for j in posting:
                shared[j] += 1
            posting.append(i)
        yield from ((j, i) for j, count in shared.items() if count >= 2)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= 2 and shared >= 0.5 * min(len(a), len(b))
