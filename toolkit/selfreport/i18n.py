"""The page's own texts in one message catalogue (Flask-Babel): English is shipped, compiled, in
`translations/`; a practice adds a language by putting a compiled catalogue (`<lang>/LC_MESSAGES/messages.mo`)
in the folder `SELF_REPORT_TRANSLATIONS` names. The page speaks the best language the browser asks for among
those. The instruments are never translated here: they are shown in their validated wording, in the
languages the form files carry (English now), marked with their own `lang`."""

from pathlib import Path

from flask import Flask, current_app, has_request_context, request
from flask_babel import Babel, get_locale
from flask_babel import lazy_gettext as _l

HERE = Path(__file__).resolve().parent
FORM_LANGUAGE = "en"  # the language of the form files' validated wording
DEFAULT_LANGUAGE = "en"

babel = Babel()


def languages() -> list[str]:
    """The page languages this deployment has: English and any catalogue the practice added."""
    found = {DEFAULT_LANGUAGE}
    for folder in translation_folders(current_app):
        path = Path(folder)
        if path.is_dir():
            found.update(p.name for p in path.iterdir() if (p / "LC_MESSAGES" / "messages.mo").is_file())
    return sorted(found)


def translation_folders(app: Flask) -> list[str]:
    folders = [str(HERE / "translations")]
    extra = app.config.get("SELF_REPORT_TRANSLATIONS")
    if extra:
        folders.append(str(extra))
    return folders


def select_locale() -> str:
    if not has_request_context():
        return DEFAULT_LANGUAGE
    return request.accept_languages.best_match(languages(), default=DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE


def page_language() -> str:
    return str(get_locale() or DEFAULT_LANGUAGE).replace("_", "-")


def init_babel(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(translation_folders(app))
    babel.init_app(app, locale_selector=select_locale)


# Plain-language words around each instrument (the instruments' own wording is never changed).
PLAIN: dict[str, object] = {
    "phq9": _l("These questions are about how you have been feeling over the last two weeks. There are no right "
               "or wrong answers: choose the one closest to how things have been for you."),
    "gad7": _l("These questions are about worry and nerves over the last two weeks."),
    "pc_ptsd5": _l("These questions ask about very frightening or upsetting events. You do not need to say what "
                   "happened. If a question is too much, choose \u201cPrefer not to answer\u201d."),
    "asq": _l("We ask everyone these questions about thoughts of death and suicide, because they matter for your "
              "safety. If you answer \u201cYes\u201d, you will see at once where to get help."),
    "audit_c": _l("These questions are about drinking alcohol in the past year. One drink means one standard "
                  "drink."),
    "drug_use": _l("This question is about drugs in the past year. Your answer is kept private between you and "
                   "your practice."),
    "younger_self": _l("These questions were written for your therapist to rate. Answer them about yourself: "
                       "where they say \u201cthe person\u201d, they mean you. Think of yourself as a child, for "
                       "example a photo or a memory, and choose how strongly each one is true for you now."),
    "dissociation": _l("These questions were written for your therapist to rate. Answer them about yourself: "
                       "where they say \u201cthe person\u201d, they mean you. Think of times when your feelings "
                       "run high."),
    "present_crisis": _l("These questions were written for your therapist to ask. Answer them about yourself: "
                         "where they say \u201cthe person\u201d, they mean you."),
}
# Instruments whose printed instructions speak to the person answering (the others speak to the clinician).
SHOW_FORM_INSTRUCTIONS = ("phq9", "gad7", "pc_ptsd5", "audit_c")
FALLBACK_PLAIN = _l("Choose the answer closest to how things are for you, or \u201cPrefer not to answer\u201d.")


def plain_words(code: str):
    return PLAIN.get(code, FALLBACK_PLAIN)
