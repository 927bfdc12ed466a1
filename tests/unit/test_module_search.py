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
    assert set(term.alternatives) & set(terms(technique_word).split())


@pytest.mark.parametrize("query, technique_word", [
    ("hobbies", "play"),  # the source: "engage in activities or hobbies that you enjoyed during childhood"
    ("hobby", "games"),
    ("reparent", "caregivers"),  # the source: "helps them reparent themselves"
    ("reparenting", "parenting"),
])
def test_the_sources_synonyms_meet_their_technique(query, technique_word):
    (term,) = query_terms(query)
    assert set(term.alternatives) & set(terms(technique_word).split())
    assert stem(query) in term.alternatives  # the word itself still matches a module that uses it


def test_every_query_word_is_one_term_and_punctuation_is_none():
    assert [t.alternatives for t in query_terms("Dear little me")] == [(stem("dear"),), (stem("little"),),
                                                                      (stem("me"),)]
    assert query_terms("% _ --") == []
    assert len(query_terms(" ".join(f"w{i}" for i in range(20)))) == 8


@pytest.mark.parametrize("query, prefix", [("visual", "visual"), ("dear lit", "lit"), ("Dear little", "little"),
                                           ("me", None), ("visual me", None), ("colour", "color")])
def test_only_the_last_word_is_a_prefix_and_only_from_three_letters(query, prefix):
    found = query_terms(query)
    assert found[-1].prefix == prefix and all(t.prefix is None for t in found[:-1])


def test_module_terms_split_title_and_body():
    title, body = module_terms(title="Guided visualisation", summary="Meet your younger self.",
                               participant_summary="A quiet journey.", steps=["Breathe.", "Imagine."], slug="x-y")
    assert "tvisualization" in title.split() and "younger" in body.split()
