#!/bin/sh
# Rebuild the participant page's message catalogue (toolkit/selfreport/translations): extract the texts of
# its templates and Python, update every language's .po, compile the .mo files (committed, so `pip install`
# needs no build step). Run from the repository root after changing a text of the page.
set -e
cd toolkit/selfreport
../../.venv/bin/pybabel -q extract -F babel.cfg -k _l --no-location --sort-output --project "Inner Child Group Toolkit" \
    -o translations/messages.pot .
if [ ! -f translations/en/LC_MESSAGES/messages.po ]; then
    ../../.venv/bin/pybabel -q init -i translations/messages.pot -d translations -l en
fi
../../.venv/bin/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching
../../.venv/bin/pybabel -q compile -d translations --use-fuzzy
