"""Search terms for modules (toolkit/exercises/search.py): pure functions, no app, no database."""

import pytest

from toolkit.exercises.search import module_terms, query_terms, stem, terms


@pytest.mark.parametrize("word, same_as", [
    ("letters", "letter"),
    ("writing", "write"),
    ("meditation", "meditate"),
    ("visualisation", "visualization"),
    ("visualise", "visualize"),
    ("favourite", "favorite"),
    ("needed", "need"),
    ("needs", "need"),
    ("playing", "play"),
    ("stories", "story"),
])
def test_forms_of_a_word_share_a_stem(word, same_as):
    assert stem(word) == stem(same_as)


@pytest.mark.parametrize("word", ["class", "ss", "kiss"])
def test_double_s_is_not_a_plural(word):
    assert stem(word) == word


@pytest.mark.parametrize("query, technique_word", [
    ("meditation", "visualisation"),
    ("meditate", "visualisation"),
    ("imagery", "visualisation"),
    ("visualization", "visualisation"),
    ("Letters", "letter"),
    ("affirmation", "mantra"),
    ("parents", "caregivers"),
])
def test_the_sources_words_for_a_technique_meet(query, technique_word):
    (term,) = query_terms(query)
    assert term in terms(technique_word).split()


def test_every_query_word_is_one_term_and_punctuation_is_none():
    assert query_terms("Dear little me") == [stem("dear"), stem("little"), stem("me")]
    assert query_terms("% _ --") == []
    assert len(query_terms(" ".join(f"w{i}" for i in range(20)))) == 8


def test_module_terms_split_title_and_body():
    title, body = module_terms(title="Guided visualisation", summary="Meet your younger self.",
                               participant_summary="A quiet journey.", steps=["Breathe.", "Imagine."], slug="x-y")
    assert "tvisualization" in title.split() and "younger" in body.split()
