"""The plain-address shortcut of GB502 (`plainly_valid`) says yes only where email-validator does."""

from __future__ import annotations

import random

import email_validator
from email_validator import EmailNotValidError, rfc_constants, validate_email

from linter.rules._emails import _MAX_ADDRESS, _MAX_LABEL, _MAX_LOCAL, SPECIAL_USE_SUFFIXES, check_address, plainly_valid

ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _word(rng: random.Random, longest: int) -> str:
    return "".join(rng.choice(ALNUM) for _ in range(rng.randint(1, longest)))


def _local(rng: random.Random) -> str:
    words = [_word(rng, 8 if rng.random() < 0.9 else 40) for _ in range(rng.randint(1, 4))]
    joints = [rng.choice("._+-") * (2 if rng.random() < 0.05 else 1) for _ in words[1:]]
    local = words[0] + "".join(joint + word for joint, word in zip(joints, words[1:], strict=True))
    return rng.choice(".-_") + local if rng.random() < 0.05 else local


def _label(rng: random.Random) -> str:
    label = _word(rng, 10 if rng.random() < 0.9 else 70)
    if rng.random() < 0.2:
        label = label[: len(label) // 2] + rng.choice(["-", "--"]) + label[len(label) // 2 :]
    return label


def _address(rng: random.Random) -> str:
    labels = [_label(rng) for _ in range(rng.randint(1, 3))]
    suffix = rng.choice(["fr", "com", "coop", "gouv", "io", "x", "a1", "Fr", *SPECIAL_USE_SUFFIXES, _word(rng, 70)])
    return f"{_local(rng)}@{'.'.join([*labels, suffix])}"


def _accepted(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def test_a_plain_address_is_one_email_validator_accepts() -> None:
    rng = random.Random(11)
    plain = rejected = 0
    for _ in range(20_000):
        address = _address(rng)
        if plainly_valid(address):
            plain += 1
            assert _accepted(address), address
        elif not _accepted(address):
            rejected += 1
    assert plain > 5_000 and rejected > 2_000  # both sides of the line were explored


def test_the_shortcut_keeps_to_email_validator_s_limits_and_names() -> None:
    assert SPECIAL_USE_SUFFIXES == set(email_validator.SPECIAL_USE_DOMAIN_NAMES)
    assert (_MAX_ADDRESS, _MAX_LOCAL, _MAX_LABEL) == (rfc_constants.EMAIL_MAX_LENGTH, rfc_constants.LOCAL_PART_MAX_LENGTH, rfc_constants.DNS_LABEL_LENGTH_LIMIT)
    assert plainly_valid("jean.dupont+lettre@beta.gouv.fr") and check_address("jean.dupont+lettre@beta.gouv.fr") is None
    for address in ("contact@exemple..fr", "contact@exemple.test", "élise@exemple.fr", "a@b.c", "x@xn--bcher-kva.de"):
        assert not plainly_valid(address)  # email-validator decides these
    assert check_address("contact@exemple..fr") is not None
