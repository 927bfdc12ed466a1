FROM python:3.11-slim

# WeasyPrint needs Pango/HarfBuzz; the PDF agendas use the DejaVu fonts shipped here (no web fonts).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
       libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 toolkit
WORKDIR /app
COPY pyproject.toml README.md ./
COPY toolkit ./toolkit
RUN pip install --no-cache-dir -e .
COPY app.py boot.sh ./
COPY migrations ./migrations
COPY seed ./seed
RUN mkdir -p /app/instance && chown toolkit:toolkit /app/instance && chmod 700 /app/instance

USER toolkit
ENV TOOLKIT_ENV=production \
    BIND=0.0.0.0:5000 \
    WEB_CONCURRENCY=2 \
    PYTHONUNBUFFERED=1
# SECRET_KEY, JWT_SECRET_KEY and AUDIT_KEY must be provided at run time: in production the service refuses to start without them.
# DATABASE_URL is the least-privilege role of migrations/grants.sql, never a superuser, e.g.
#   -e DATABASE_URL=postgresql://toolkit_app:APP_PASSWORD@db:5432/toolkit
#   -e MIGRATE_DATABASE_URL=postgresql://toolkit_owner:OWNER_PASSWORD@db:5432/toolkit   (boot.sh migrates with it)
# Keep /app/instance on a volume: the audit anchor file (AUDIT_ANCHOR_PATH) and the queue file live there.
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:5000/healthz', timeout=4).status == 200 else 1)"
CMD ["./boot.sh"]
