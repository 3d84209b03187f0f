"""The canonical form of a submission and its HMAC-SHA256 signature.

Canonical form: the JSON object without its ``signature`` field, with
sorted keys, no whitespace, non-ASCII characters as themselves, encoded as
UTF-8 (``json.dumps(obj, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)``). The signature is the hex HMAC-SHA256 of those bytes
keyed by ``$ROLEPLAY_SIGNING_KEY``. ``key_id`` (signed too) is a short hash
of the key, so a grader can tell "signed with another key" from "edited".

Threat model, in short (README, "Graded exercises"): whoever holds the key
can sign anything. On a student's own machine the student holds it; the
signature then only catches edits by someone without it. In a served class
the key stays on the server and students never see it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os

KEY_ENV = "ROLEPLAY_SIGNING_KEY"
MIN_KEY_LENGTH = 16
SIGNATURE = "signature"


class SigningKeyError(ValueError):
    """No usable signing key: a one-line reason for the user."""


def signing_key() -> bytes:
    """The key from ``$ROLEPLAY_SIGNING_KEY``; raise SigningKeyError when missing or too short."""
    value = os.environ.get(KEY_ENV)
    if not value:
        raise SigningKeyError(f"${KEY_ENV} is not set: graded work is signed with it (ask your instructor, or see 'Graded exercises' in the README)")
    key = value.encode("utf-8")
    if len(key) < MIN_KEY_LENGTH:
        raise SigningKeyError(f"${KEY_ENV} is too short: use at least {MIN_KEY_LENGTH} characters (a random string)")
    return key


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"roleplay-signing-key\0" + key).hexdigest()[:12]


def canonical(obj: dict) -> bytes:
    """The bytes that are signed: every field but the signature, canonically."""
    body = {k: v for k, v in obj.items() if k != SIGNATURE}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def signature_of(obj: dict, key: bytes) -> str:
    return hmac.new(key, canonical(obj), hashlib.sha256).hexdigest()


def sign(obj: dict, key: bytes) -> dict:
    """``obj`` with ``key_id`` and ``signature`` set (the signature last)."""
    out = {k: v for k, v in obj.items() if k != SIGNATURE}
    out["key_id"] = key_id(key)
    out[SIGNATURE] = signature_of(out, key)
    return out


def check(obj: dict, key: bytes) -> str | None:
    """None when ``obj`` is signed with ``key`` and unchanged; else the reason."""
    sig = obj.get(SIGNATURE)
    if sig is None:
        return "not signed"
    if not isinstance(sig, str):
        return "the signature is not text"
    try:
        expected = signature_of(obj, key)
    except (TypeError, ValueError):
        return "not signable (a value JSON cannot hold canonically)"
    if hmac.compare_digest(sig.lower(), expected):
        return None
    if obj.get("key_id") not in (None, key_id(key)):
        return f"signed with another key (key id {str(obj.get('key_id'))[:12]}, not {key_id(key)}): the signature does not match"
    return "edited after signing: the signature does not match its contents"
