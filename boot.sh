#!/bin/sh
# Start the service: migrate to head, load the built-in modules, then serve with gunicorn.
# The README's run command and the Docker image both start here. The access log leaves out query
# strings (a name search is clinical data).
set -e
flask --app app db upgrade
if [ "${TOOLKIT_DEMO:-0}" = "1" ]; then
    flask --app app seed --demo
else
    flask --app app seed
fi
exec gunicorn app:app \
    --workers "${WEB_CONCURRENCY:-2}" \
    --bind "${BIND:-127.0.0.1:5000}" \
    --no-control-socket \
    --access-logfile - \
    --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss' \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
