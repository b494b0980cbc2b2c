from __future__ import annotations

import pytest

from articles.nlp import pipeline


def test_the_model_is_loaded_once(nlp):
    assert pipeline.get_nlp() is nlp


def test_the_length_limit_bounds_memory(nlp):
    assert nlp.max_length == pipeline.MAX_CHARS


def test_a_missing_model_says_which_package_to_install():
    with pytest.raises(RuntimeError, match="pip install no-such-model-xyz"):
        pipeline.get_nlp("no_such_model_xyz")
