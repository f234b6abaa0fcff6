"""The classifier in service for the feedback tests: trained once per session on the
shipped training split and stored as the active version in each test's database, so
that classification on arrival runs for real without training in every test."""

import pickle

import pytest
import sklearn

from mujtama.feedback import classification
from mujtama.feedback.classification import shipped, train
from mujtama.feedback.models import ClassifierVersion


@pytest.fixture(scope="session")
def classifier_payload():
    return pickle.dumps(train(shipped("train")), protocol=pickle.HIGHEST_PROTOCOL)


@pytest.fixture
def classifier_in_service(db, classifier_payload, monkeypatch):
    monkeypatch.setattr(classification, "_loaded", None)
    return ClassifierVersion.objects.create(
        version=1,
        is_active=True,
        trained_on=len(shipped("train")),
        library_version=sklearn.__version__,
        metrics={},
        payload=classifier_payload,
    )
