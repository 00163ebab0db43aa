"""Bytes to text: what is decoded, and the one-line reasons for what is not."""
from __future__ import annotations

import codecs

import pytest

from tqcheck.readers.decode import InputError, decode

TEXT = "Le président a déclaré que la réunion était très importante pour la région, à Genève.\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("cp1252"),
])
def test_decodes_to_the_same_text(data):
    assert decode(data) == TEXT


@pytest.mark.parametrize("data,reason", [
    (b"", "empty article"),
    (b"\n \n", "empty article"),
    (b"PK\x03\x04\x00\x00binary zip", "binary file, not text"),
    (b"\x1b\x02\x03\x04\x05\x06\x07\x08 abc" * 10, "binary file, not text"),
])
def test_refuses_with_a_reason(data, reason):
    with pytest.raises(InputError) as e:
        decode(data)
    assert str(e.value) == reason
