#!/bin/sh
# Start the service: migrate to head, load the built-in modules, then serve with gunicorn beside the
# render-queue consumer (PDF agendas are laid out by its workers, never by a web worker).
# The README's run command and the Docker image both start here. The access log leaves out query
# strings (a name search is clinical data).
#
# Both processes stay in this script's process group: stopping this script (SIGTERM/SIGINT) stops both,
# and when either one exits the other is stopped too, so nothing is left running. The consumer starts
# before gunicorn binds its socket, so neither it nor a render child can ever hold the listening socket.
set -e
flask --app app db upgrade
if [ "${TOOLKIT_DEMO:-0}" = "1" ]; then
    flask --app app seed --demo
else
    flask --app app seed
fi

consumer=""
web=""
stop() {
    trap - INT TERM EXIT
    [ -n "$web" ] && kill -TERM "$web" 2>/dev/null || true
    [ -n "$consumer" ] && kill -TERM "$consumer" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap 'stop; exit 143' TERM
trap 'stop; exit 130' INT
trap 'stop' EXIT

if [ "${RENDER_WORKERS:-1}" != "0" ]; then
    huey_consumer toolkit.worker.huey --workers "${RENDER_WORKERS:-1}" --worker-type thread \
        --delay 0.1 --max-delay 0.5 --graceful-signal INT &
    consumer=$!
fi
gunicorn app:app \
    --workers "${WEB_CONCURRENCY:-2}" \
    --bind "${BIND:-127.0.0.1:5000}" \
    --no-control-socket \
    --config python:toolkit.serving \
    --access-logfile - \
    --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss' \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" &
web=$!

# Wait until one of the two exits (POSIX sh has no `wait -n`), then stop the other.
while kill -0 "$web" 2>/dev/null && { [ -z "$consumer" ] || kill -0 "$consumer" 2>/dev/null; }; do
    sleep 1 &
    wait $! || true
done
status=0
wait "$web" || status=$?
exit "$status"
