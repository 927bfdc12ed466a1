"""The password policy and email normalisation (toolkit/auth/rules.py): no app, no database."""

import pytest

from toolkit.auth.rules import MIN_PASSWORD_LENGTH, normalise_email, password_problems


@pytest.mark.parametrize("password", [
    "correct-horse-battery-staple",
    "kettle-moor7",  # exactly 12
    "Wb4!qz9@Lm2#",
    "p" * 3 + "assphrase-long",
    "ümläut-brücke-7",
    "kettle-moor7-" + "x" * 239 + "abcd",  # exactly 256: strength is judged on the first 72 characters
])
def test_good_passwords_pass(password):
    assert password_problems(password, email="someone@example.org") == []


@pytest.mark.parametrize("password", ["", "a", "abcdefghijk", "short-pw", " " * 5])
def test_short_passwords_are_refused(password):
    problems = password_problems(password)
    assert any(str(MIN_PASSWORD_LENGTH) in p for p in problems)


def test_min_length_is_twelve():
    assert MIN_PASSWORD_LENGTH == 12
    assert password_problems("kettle-moor") and not password_problems("kettle-moor7")


def test_too_long_is_refused():
    problems = password_problems("abcd" * 65)  # 260
    assert any("256" in p for p in problems)


@pytest.mark.parametrize("password,email", [
    ("someone.long@example.org", "someone.long@example.org"),
    ("SOMEONE.LONG@EXAMPLE.ORG", "someone.long@example.org"),
    ("someone.long@example.org", "  Someone.Long@Example.ORG "),
    (" someone.long@example.org ", "someone.long@example.org"),
    ("someone.long", "someone.long@example.org"),  # the local part alone
    ("Someone.Long", "someone.long@example.org"),
])
def test_password_equal_to_email_is_refused(password, email):
    problems = password_problems(password, email=email)
    assert any("email" in p.lower() for p in problems)


def test_password_containing_email_but_longer_is_not_the_email_but_is_judged_with_it_as_context():
    problems = password_problems("someone.long@example.org-and-more", email="someone.long@example.org")
    assert not any("email address" in p for p in problems)
    assert "This password is too easy to guess." in problems  # the email is context: little is left
    assert password_problems("someone.long@example.org-and-more", email="other@example.org") == []


@pytest.mark.parametrize("password", ["Summer2024!!", "Winter2025!!!", "Password2024!!", "Springtime2024!"])
def test_season_year_and_symbols_are_refused(password):
    """Issue 28: `Summer2024!!` was accepted (zxcvbn score 3); the policy now wants its top score, 4."""
    assert "This password is too easy to guess." in password_problems(password, email="someone@example.org")


def test_the_users_own_name_is_context():
    assert password_problems("TheoTherapist2024!", email="x@example.org") == []
    assert password_problems("TheoTherapist2024!", email="x@example.org", user_inputs=("Theo Therapist",))


def test_no_email_skips_the_email_rule():
    assert password_problems("someone.long@example.org") == []
    assert password_problems("someone.long@example.org", email=None) == []
    assert password_problems("someone.long@example.org", email="") == []


@pytest.mark.parametrize("password", ["aaaaaaaaaaaa", "abababababab", "abcabcabcabc", "111111111111111"])
def test_too_few_distinct_characters_refused(password):
    problems = password_problems(password)
    assert any("different" in p for p in problems)


def test_four_distinct_characters_pass_the_character_rule():
    # "abcdabcdabcd" has enough distinct characters; zxcvbn still finds it guessable (a repeat).
    problems = password_problems("abcdabcdabcd")
    assert problems and not any("different characters" in p for p in problems)


def test_every_problem_is_reported():
    problems = password_problems("aaa@x.org", email="aaa@x.org")
    assert len(problems) >= 2
    assert any("12" in p for p in problems) and any("email" in p.lower() for p in problems)


@pytest.mark.parametrize("raw,expected", [
    ("Alex@Example.ORG", "alex@example.org"),
    ("  alex@example.org\t", "alex@example.org"),
    ("alex@example.org", "alex@example.org"),
])
def test_normalise_email(raw, expected):
    assert normalise_email(raw) == expected
