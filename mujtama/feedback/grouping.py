"""Grouping near-duplicate feedback about the same service into needs.

Behind one interface (``group``): texts are compared only within the same service,
as TF-IDF vectors of character n-grams and words of the folded text (fitted per
service, so the words every text about a service shares weigh little) next to the
concepts they mention in any language (``concepts.py``), and joined by
average-linkage clustering on cosine distance: two groups merge while their texts
are, on average, closer than ``DISTANCE_THRESHOLD``. An embedding model could replace
the vectors here if one shipped inside an installed package and measured better;
none does today."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import hstack
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from mujtama.feedback.concepts import concepts_of
from mujtama.feedback.text import prepare

DISTANCE_THRESHOLD = 0.8
CONCEPT_WEIGHT = 1.0
LONG_WORD = r"(?u)\b\w\w+\b"  # words of two letters or more


@dataclass(frozen=True)
class Item:
    id: str
    service: str
    text: str


def _vectors(texts: Sequence[str]) -> Any:
    """Each text as the words and character n-grams it uses, and the concepts it
    mentions (``concepts.py``), two blocks of equal weight."""
    characters = TfidfVectorizer(
        preprocessor=prepare, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True
    )
    words = TfidfVectorizer(
        preprocessor=prepare, analyzer="word", sublinear_tf=True, token_pattern=LONG_WORD
    )
    lexical = normalize(
        hstack([characters.fit_transform(texts), words.fit_transform(texts)]).toarray()
    )
    try:
        meant = TfidfVectorizer(analyzer=concepts_of, sublinear_tf=True).fit_transform(texts)
    except ValueError:  # no text mentions a known concept
        return lexical
    return np.hstack([lexical, CONCEPT_WEIGHT * normalize(meant.toarray())])


def group(items: Sequence[Item], *, threshold: float = DISTANCE_THRESHOLD) -> dict[str, str]:
    """The need of every item, as a label: items with the same label belong together.
    Only items of the same service can share a need."""
    by_service: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_service[item.service].append(item)
    needs: dict[str, str] = {}
    for number, (_service, members) in enumerate(sorted(by_service.items())):
        if len(members) == 1:
            needs[members[0].id] = f"{number}-0"
            continue
        clustering = AgglomerativeClustering(
            n_clusters=None,
            metric="cosine",
            linkage="average",
            distance_threshold=threshold,
        ).fit(_vectors([member.text for member in members]))
        for member, label in zip(members, clustering.labels_, strict=True):
            needs[member.id] = f"{number}-{label}"
    return needs
