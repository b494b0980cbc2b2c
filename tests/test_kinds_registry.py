"""One registry of kinds: the models' choices, the contract and the API take the same values
from articles/nlp/types.py, so a kind added in one place and forgotten in another fails here."""

from __future__ import annotations

from typing import get_args

import pytest

from articles import contract
from articles.api import schemas
from articles.models import Actor, Claim, Quote, Signal
from articles.nlp import types


@pytest.mark.parametrize(("field", "kinds"), [
    (Quote._meta.get_field("kind"), types.QuoteKind),
    (Quote._meta.get_field("source_type"), types.SourceType),
    (Quote._meta.get_field("attribution"), contract.Attribution),
    (Claim._meta.get_field("voice"), types.Voice),
    (Signal._meta.get_field("kind"), types.SignalKind),
    (Actor._meta.get_field("kind"), types.ActorKind),
], ids=lambda v: getattr(v, "name", ""))
def test_model_choices_are_the_registrys_kinds(field, kinds) -> None:
    assert [value for value, _ in field.choices] == list(get_args(kinds))


@pytest.mark.parametrize(("contract_model", "api_model"), [
    (contract.QuoteJSON, schemas.QuoteOut),
    (contract.ActorJSON, schemas.ActorOut),
    (contract.PossibleJSON, schemas.PossibleOut),
    (contract.Span, schemas.MemberOut),
])
def test_api_schemas_extend_the_contract(contract_model, api_model) -> None:
    assert issubclass(api_model, contract_model)
    for name, field in contract_model.model_fields.items():
        assert api_model.model_fields[name].annotation == field.annotation, name
