"""WSGI entry point: `gunicorn app:app`, `flask --app app ...`."""

from toolkit import create_app

app = create_app()
