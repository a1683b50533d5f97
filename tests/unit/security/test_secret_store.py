"""Which keyring backends count as a real OS keyring."""

from __future__ import annotations

from keyring.backends.chainer import ChainerBackend
from keyring.backends.fail import Keyring as FailKeyring
from keyring.backends.null import Keyring as NullKeyring
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.security.secret_store import is_real_keyring


def test_fail_and_null_backends_are_not_real() -> None:
    assert not is_real_keyring(FailKeyring())
    assert not is_real_keyring(NullKeyring())


def test_a_plain_text_backend_is_not_real() -> None:
    plain = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    assert not is_real_keyring(plain())


def test_other_backends_are_real_and_empty_chains_are_not() -> None:
    assert is_real_keyring(MemoryKeyring())
    empty = type("EmptyChain", (ChainerBackend,), {"backends": []})
    assert not is_real_keyring(empty())
    mixed = type("MixedChain", (ChainerBackend,), {"backends": [MemoryKeyring(), FailKeyring()]})
    assert not is_real_keyring(mixed())
