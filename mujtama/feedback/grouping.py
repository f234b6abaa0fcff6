"""Grouping near-duplicate feedback about the same service into needs.

Behind one interface (``group``): texts are compared only within the same service. Each
text is described by three blocks of TF-IDF vectors (sublinear term frequency), fitted
per service:

- the concepts it mentions in any language (``concepts.py``, a hand-written table of the
  domain's words in Modern Standard Arabic, dialect, English and Arabizi), weight 1;
- the character n-grams (2 to 4) and the words of its consonant skeleton
  (``transliteration.py``: vowels dropped, Arabizi digits and letter pairs read as the
  Arabic letters they stand for), weight 0.5 each, so that "bisaker" and "بيسكر", or
  "يوصل" and "بيوصل", share features.

The idf is scikit-learn's, ln((1 + n) / (1 + df)), plus ``IDF_FLOOR`` (0.5) instead of
1, so that what every text about a service mentions (the service's own words) weighs
even less. Each block's rows have unit length (or are zero when a text has nothing in
that block), and the similarity of two texts is the cosine of their weighted rows.

Average-linkage clustering joins two groups while their texts are, on average, at a
cosine distance below ``DISTANCE_THRESHOLD``. Then a text left alone joins the need (of
two or more texts) it is on average closest to, if that distance is below
``ATTACH_DISTANCE``: a paraphrase worded unlike the rest of its need is otherwise left
alone. This has a price: on the shipped paraphrase sets, a text whose need has no other
text in the input stays alone 80% of the time with it (87% without); pass
``attach=None`` to keep every lone text alone.

The weights and thresholds were chosen on the two paraphrase sets in ``data/`` together
(adjusted Rand index flat within about 0.02 for thresholds 0.80 to 0.86) and checked with
a third of the concept table removed at random, to stand for words the table does not
know. No classifier output is used: the kind probabilities of ``classification`` added
less than 0.01 there.

Measured once, after all of this was fixed, on the blind test set
(``data/paraphrase_groups_test.jsonl``, 224 texts in 48 groups, 12 services): adjusted
Rand index 0.555, with 97 needs found, against 0.937 and 0.904 on the two sets it was
tuned on (0.889 and 0.611 for the previous method). The 0.8 aimed for is not reached.
With twice as many needs as groups, it splits far too much there, most likely because
the concept table does not know the words of those paraphrases (not examined, so that
the set stays unseen).

An embedding model could replace the vectors here if one shipped inside an installed
package and measured better; none does today."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import diags
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from mujtama.feedback.concepts import concepts_of
from mujtama.feedback.transliteration import skeleton

DISTANCE_THRESHOLD = 0.82
ATTACH_DISTANCE = 0.85
IDF_FLOOR = 0.5  # the idf of a feature every text of the service has
CONCEPT_WEIGHT = 1.0
SKELETON_CHARACTERS_WEIGHT = 0.5
SKELETON_WORDS_WEIGHT = 0.5
SKELETON_WORD = r"\S\S+"  # a skeleton word of two letters or more


@dataclass(frozen=True)
class Item:
    id: str
    service: str
    text: str


def _blocks() -> list[tuple[float, TfidfVectorizer]]:
    return [
        (CONCEPT_WEIGHT, TfidfVectorizer(analyzer=concepts_of, sublinear_tf=True, norm=None)),
        (
            SKELETON_CHARACTERS_WEIGHT,
            TfidfVectorizer(
                preprocessor=skeleton,
                analyzer="char_wb",
                ngram_range=(2, 4),
                sublinear_tf=True,
                norm=None,
            ),
        ),
        (
            SKELETON_WORDS_WEIGHT,
            TfidfVectorizer(
                preprocessor=skeleton,
                analyzer="word",
                token_pattern=SKELETON_WORD,
                sublinear_tf=True,
                norm=None,
            ),
        ),
    ]


def similarities(texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The cosine similarity of every two texts, as vectors of the weighted blocks (each
    block's rows of unit length, or zero when a text has nothing in that block)."""
    total = np.zeros((len(texts), len(texts)))
    weight_of_rows = np.zeros(len(texts))
    for weight, vectorizer in _blocks():
        try:
            counts = vectorizer.fit_transform(texts)  # sublinear tf times idf, not normalized
        except ValueError:  # no text has anything in this block
            continue
        # scikit-learn's idf is ln((1 + n) / (1 + df)) + 1: lower the "+ 1" to IDF_FLOOR
        idf = vectorizer.idf_
        rows = normalize(counts @ diags((idf - 1.0 + IDF_FLOOR) / idf))
        total += weight**2 * (rows @ rows.T).toarray()
        weight_of_rows += weight**2 * (rows.getnnz(axis=1) > 0)
    norms = np.sqrt(np.maximum(weight_of_rows, 1e-12))
    result: np.ndarray[Any, np.dtype[np.float64]] = total / np.outer(norms, norms)
    return result


def _attach_loners(
    labels: np.ndarray[Any, Any], similarity: np.ndarray[Any, Any], distance: float
) -> np.ndarray[Any, Any]:
    """Every text alone in its group moved to the group of two or more texts it is on
    average closest to, if that average distance is below ``distance``."""
    names, which, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    membership = np.zeros((len(labels), len(names)))
    membership[np.arange(len(labels)), which] = 1.0
    closeness = (similarity @ membership) / sizes
    closeness[:, sizes < 2] = -np.inf
    moved = labels.copy()
    for index in np.flatnonzero(sizes[which] == 1):
        nearest = int(closeness[index].argmax())
        if sizes[nearest] >= 2 and 1.0 - closeness[index, nearest] < distance:
            moved[index] = names[nearest]
    return moved


def cluster(
    texts: Sequence[str],
    *,
    threshold: float = DISTANCE_THRESHOLD,
    attach: float | None = ATTACH_DISTANCE,
) -> list[int]:
    """A group number for every text (all of one service)."""
    if len(texts) < 2:
        return [0] * len(texts)
    similarity = similarities(texts)
    distance = np.clip(1.0 - similarity, 0.0, None)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    labels = (
        AgglomerativeClustering(
            n_clusters=None,
            metric="precomputed",
            linkage="average",
            distance_threshold=threshold,
        )
        .fit(distance)
        .labels_
    )
    if attach is not None:
        labels = _attach_loners(labels, similarity, attach)
    return [int(label) for label in labels]


def group(
    items: Sequence[Item],
    *,
    threshold: float = DISTANCE_THRESHOLD,
    attach: float | None = ATTACH_DISTANCE,
) -> dict[str, str]:
    """The need of every item, as a label: items with the same label belong together.
    Only items of the same service can share a need."""
    by_service: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_service[item.service].append(item)
    needs: dict[str, str] = {}
    for number, (_service, members) in enumerate(sorted(by_service.items())):
        labels = cluster([member.text for member in members], threshold=threshold, attach=attach)
        for member, label in zip(members, labels, strict=True):
            needs[member.id] = f"{number}-{label}"
    return needs
