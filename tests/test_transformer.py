"""scikit-learn conventions of FramingFeatures, tested one by one (check_estimator
assumes numeric 2-D input, which a text featurizer does not take)."""

import inspect
import math
import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline

from framing.features import feature_names
from framing.transformer import FramingFeatures

TEXTS = [
    "Rebels reportedly seized the town in a brutal assault on Monday. The government said it "
    "may retreat. \"We will win,\" a commander told reporters. Analysts said the fighting could "
    "spread to nearby villages, where thousands of families have already fled their homes.",
    "The government restored order after the clashes. Officials said calm had returned. "
    "Residents welcomed the peaceful end of the fighting and shops reopened across the city "
    "on Tuesday, according to state media, which showed crowds celebrating in the streets.",
    "",
]


@pytest.fixture(scope="module")
def fitted():
    return FramingFeatures().fit(TEXTS)


def test_init_only_stores_keyword_only_parameters():
    params = inspect.signature(FramingFeatures.__init__).parameters
    assert all(p.kind is p.KEYWORD_ONLY for name, p in params.items() if name != "self")
    est = FramingFeatures(event="no/such/file.yaml", families=["hedge"], n_jobs=2)
    assert est.event == "no/such/file.yaml"  # stored as given, not validated or loaded
    assert est.get_params() == {"event": "no/such/file.yaml", "lexicons": None,
                                "families": ["hedge"], "n_jobs": 2}
    assert not [k for k in vars(est) if k.endswith("_")]  # nothing fitted yet


def test_clone_and_set_params():
    est = FramingFeatures(families=["hedge"])
    copy = clone(est)
    assert copy is not est and copy.get_params() == est.get_params()
    assert copy.set_params(n_jobs=3).n_jobs == 3


def test_not_fitted_raises():
    with pytest.raises(NotFittedError):
        FramingFeatures().transform(TEXTS)
    with pytest.raises(NotFittedError):
        FramingFeatures().get_feature_names_out()


@pytest.mark.parametrize("bad", ["just one article as a string", b"bytes"])
def test_bare_string_is_refused_clearly(bad):
    with pytest.raises(ValueError, match="single string; wrap it in a list"):
        FramingFeatures().fit(bad)


def test_non_text_items_are_refused():
    with pytest.raises(TypeError, match="item 1 is a int"):
        FramingFeatures().fit(["text", 3])


def test_feature_names_come_from_the_registry(fitted):
    names = fitted.get_feature_names_out()
    assert set(feature_names()) <= set(names)
    assert len(set(names)) == len(names)
    assert "hedge_rate_own" in names and "sentiment_mean_own" in names
    assert not any(n == "doc_id" for n in names)


def test_transform_shape_and_values(fitted):
    X = fitted.transform(TEXTS)
    names = list(fitted.get_feature_names_out())
    assert X.shape == (3, len(names)) and X.dtype == float
    row = dict(zip(names, X[0], strict=True))
    assert row["words_count_all"] > 30
    assert row["hedge_count_all"] >= 1
    empty = dict(zip(names, X[2], strict=True))
    assert empty["words_count_all"] == 0 and math.isnan(empty["hedge_rate_own"])


def test_set_output_pandas(fitted):
    est = clone(fitted).set_output(transform="pandas")
    frame = est.fit_transform(pd.Series(TEXTS, index=["a", "b", "c"]))
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(est.get_feature_names_out())
    assert list(frame.index) == ["a", "b", "c"]


def test_families_select_columns():
    est = FramingFeatures(families=["hedge", "sentiment"]).fit(TEXTS)
    names = est.get_feature_names_out()
    assert all(n.startswith(("hedge_", "sentiment_")) for n in names)
    assert est.transform(TEXTS).shape == (3, len(names))
    with pytest.raises(ValueError, match="unknown feature families"):
        FramingFeatures(families=["nonsense"]).fit(TEXTS)


def test_in_a_pipeline_and_a_column_transformer():
    y = np.array([1.0, 0.0, 0.5])
    model = make_pipeline(FramingFeatures(families=["sentiment"]), SimpleImputer(keep_empty_features=True),
                          LinearRegression())
    assert model.fit(TEXTS, y).predict(TEXTS).shape == (3,)
    frame = pd.DataFrame({"text": TEXTS, "n": [1.0, 2.0, 3.0]})
    ct = ColumnTransformer([("framing", FramingFeatures(families=["words"]), "text"),
                            ("pass", "passthrough", ["n"])])
    out = ct.fit_transform(frame)
    assert out.shape[0] == 3
    assert "framing__words_count_all" in ct.get_feature_names_out()


def test_pickles_and_gives_the_same_output(fitted):
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(restored.transform(TEXTS), fitted.transform(TEXTS))
