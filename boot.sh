#!/bin/sh
# Start the service: migrate to head, load the built-in modules, then serve with gunicorn beside the
# render-queue consumer (PDFs are laid out by its warm render workers, never by a web worker).
# The README's run command and the Docker image both start here. The access log leaves out query
# strings (a name search is clinical data). Files this service creates are its own only (umask 077:
# the SQLite database, the queue file, the anchor file, temporary files).
#
# Both processes stay in this script's process group: stopping this script (SIGTERM/SIGINT) stops both.
# When gunicorn exits, the consumer is stopped too. When the consumer dies, it is started again at once
# (its heartbeat names a dead process meanwhile, so /readyz answers 503); if it dies more than 5 times
# in a minute, the whole service stops (and frees its port) rather than serve PDFs nobody renders.
# The consumer starts before gunicorn binds its socket, so neither it nor a render child can ever hold
# the listening socket.
set -e
umask 077
# Migrations may need more rights than the service (migrations/grants.sql): MIGRATE_DATABASE_URL, if set.
DATABASE_URL="${MIGRATE_DATABASE_URL:-${DATABASE_URL:-}}" flask --app app db upgrade
if [ "${TOOLKIT_DEMO:-0}" = "1" ]; then
    flask --app app seed --demo
else
    flask --app app seed
fi

# One warm render worker per core unless told otherwise; one queue thread more than render workers, so
# a wake-up or another task never waits behind the renders.
RENDER_WORKERS="${RENDER_WORKERS:-$(nproc 2>/dev/null || echo 1)}"
export RENDER_WORKERS

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

start_consumer() {
    huey_consumer toolkit.worker.huey --workers "$((RENDER_WORKERS + 1))" --worker-type thread \
        --delay 0.1 --max-delay 0.5 --graceful-signal INT &
    consumer=$!
}

if [ "$RENDER_WORKERS" != "0" ]; then
    start_consumer
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

# Supervise (POSIX sh has no `wait -n`): every second, gunicorn gone -> stop; consumer gone -> restart it.
status=0
deaths=0
since=$(date +%s)
while kill -0 "$web" 2>/dev/null; do
    if [ -n "$consumer" ] && ! kill -0 "$consumer" 2>/dev/null; then
        code=0
        wait "$consumer" 2>/dev/null || code=$?
        now=$(date +%s)
        if [ $((now - since)) -gt 60 ]; then
            deaths=0
            since=$now
        fi
        deaths=$((deaths + 1))
        if [ "$deaths" -gt 5 ]; then
            echo "boot.sh: the render consumer died $deaths times in a minute (last exit $code): stopping" >&2
            consumer=""
            status=1
            break
        fi
        echo "boot.sh: the render consumer exited ($code): starting it again" >&2
        start_consumer
    fi
    sleep 1 &
    wait $! || true
done
if [ "$status" = "0" ]; then
    wait "$web" || status=$?
fi
exit "$status"
