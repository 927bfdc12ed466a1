"""Build the benchmark dataset through the API itself (the Flask test client, in process).

Every row goes through the same resources, schemas, services, tenancy and audit code a client's
request would: no raw SQL. One "practice" (scale 1) is:

  * 10 therapists (1 admin + 9; 3 trauma-informed)
  * 500 participants
  * 61 groups: a 40-member retreat, a 100-member retreat, a 3-day retreat (20 members), and individual /
    couples / family / retreat groups with 1 / 2 / 3-4 / 8-16 members
  * 600 plans: the 40-member retreat's plan (12 items), one plan per day of the 3-day retreat,
    a 10-item plan, 20 templates, and ~10 plans per remaining group
  * 2,000 screenings (4 per participant; answers honour the form's enable_when; ~15 % raise a
    caution-level flag, none a crisis)

`--scale N` builds N such practices; the measured endpoints belong to the first one.

The one shortcut: argon2 password hashing (~90 ms per hash at the real parameters) is swapped for
argon2 with cheap parameters while the dataset is built (see `cheap_passwords`). The hashes are
still argon2 and the server verifies them with the unchanged code; nothing else is bypassed.
"""

from __future__ import annotations

import contextlib
import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from toolkit.screening.answers import valid_answers

PASSWORD = "bench-password-not-secret-42"
TIMEZONE = "Europe/Berlin"


class BuildError(RuntimeError):
    pass


@contextlib.contextmanager
def cheap_passwords():
    """argon2 with cheap parameters while building (restored afterwards). Login on the server
    verifies these hashes with the application's own `verify_password`."""
    from argon2 import PasswordHasher

    from toolkit.auth import passwords

    saved = passwords._hasher, passwords._DUMMY_HASH
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    passwords._hasher, passwords._DUMMY_HASH = hasher, hasher.hash("not-a-real-password-for-timing")
    try:
        yield
    finally:
        passwords._hasher, passwords._DUMMY_HASH = saved


@dataclass
class Targets:
    """Ids of the first practice's records that the benchmark requests."""

    email: str = ""
    password: str = PASSWORD
    practice_id: str = ""
    retreat40_group_id: str = ""
    retreat40_plan_id: str = ""          # 40 members x 12 items: clearance
    retreat100_plan_id: str = ""         # 100 members x 12 items: clearance with and without ANALYZE
    small_plan_id: str = ""              # a couples group's plan: clearance query count at a small size
    retreat3d_group_id: str = ""         # 3-day retreat: agendas
    retreat3d_plan_ids: list[str] = field(default_factory=list)
    plan10_id: str = ""                  # plan detail (10 items)
    list_group_id: str = ""              # GET /plans?group_id= (about 10 plans)
    screen_participant_ids: list[str] = field(default_factory=list)  # POST screenings rotate over these
    participant_id: str = ""             # detail and screening-history reads (4 screenings)
    screening_id: str = ""
    module_id: str = ""
    counts: dict = field(default_factory=dict)


class Api:
    """The Flask test client with a bearer token and loud failures."""

    def __init__(self, client):
        self.client = client
        self.token = None
        self.requests = 0
        self.seconds: dict[str, float] = {}  # build time by kind of request

    def call(self, method, path, body=None, expect=(200, 201)):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        started = time.perf_counter()
        response = self.client.open("/api/v1" + path, method=method, json=body, headers=headers)
        key = f"{method} " + "/".join("{id}" if len(part) == 36 else part for part in path.split("?")[0].split("/"))
        self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - started
        self.requests += 1
        if response.status_code not in expect:
            raise BuildError(f"{method} {path} -> {response.status_code}: {response.get_data(as_text=True)[:500]}")
        return response.get_json()


def form_answers(form: dict, rng: random.Random, *, symptoms: bool) -> dict:
    """A valid answer set (toolkit/screening/answers.py, the builder the demo and the tests use). With
    `symptoms`, a few non-critical items score high, which raises caution-level flags; critical items always
    take their lowest option (no crisis)."""

    def choose(item, values):
        return values[-1] if symptoms and not item.get("critical") and rng.random() < 0.5 else values[0]

    return valid_answers(form, choose=choose)


def _plan_items(modules: list[dict], rng: random.Random, n: int) -> list[dict]:
    picked = rng.sample(modules, min(n, len(modules))) if n <= len(modules) else \
        [rng.choice(modules) for _ in range(n)]
    return [{"module_id": m["id"], "minutes": m["default_minutes"]} for m in picked]


def build_practice(client, index: int, *, rng: random.Random, log=print) -> Targets:
    api = Api(client)
    t = Targets(email=f"admin{index}-{rng.randrange(10**9)}@bench.example")
    started = time.perf_counter()
    t.practice_id = api.call("POST", "/auth/register", {
        "practice_name": f"Bench practice {index}", "name": f"Admin {index}", "email": t.email,
        "password": PASSWORD})["practice"]["id"]
    api.token = api.call("POST", "/auth/login", {"email": t.email, "password": PASSWORD})["access_token"]

    form = api.call("GET", "/screening/form")
    therapists = [api.call("GET", "/me")["id"]]
    for n in range(9):
        therapists.append(api.call("POST", "/therapists", {
            "name": f"Therapist {index}.{n}", "email": f"t{n}-{t.email}", "password": PASSWORD,
            "trauma_informed": n < 3})["id"])
    trauma_informed = therapists[1:4]

    participants = []
    for n in range(500):
        participants.append(api.call("POST", "/participants", {
            "display_name": f"Participant {index}.{n:03d}",
            "date_of_birth": date(1960 + n % 45, 1 + n % 12, 1 + n % 28).isoformat(),
            "sex_at_birth": ("female", "male")[n % 2],
            "contact": f"p{n}@client.example", "dietary_notes": "vegetarian" if n % 7 == 0 else None,
            "consent_date": "2026-01-15"})["id"])

    modules = api.call("GET", "/modules?page_size=100")
    if not modules:
        raise BuildError("the module library is empty: were the built-ins seeded?")

    def group(kind, name, members, capacity=None, days=None, facilitators=None):
        body = {"kind": kind, "name": name, "timezone": TIMEZONE,
                "facilitator_ids": facilitators or [rng.choice(therapists)]}
        if capacity:
            body["capacity"] = capacity
        if days:
            body["starts_on"], body["ends_on"] = days[0].isoformat(), days[-1].isoformat()
            body["location"] = "Lakeside retreat centre"
        gid = api.call("POST", "/groups", body)["id"]
        for pid in members:
            api.call("POST", f"/groups/{gid}/members", {"participant_id": pid})
        return gid

    def plan(gid, title, starts_at: datetime, n_items):
        body = {"title": title, "group_id": gid, "starts_at": starts_at.isoformat(), "status": "final",
                "items": _plan_items(modules, rng, n_items)}
        return api.call("POST", "/plans", body)["id"]

    base = datetime.fromisoformat("2027-03-01T09:00:00+01:00")
    plans = 0
    # The 40-member retreat: one plan with 12 items.
    t.retreat40_group_id = group("retreat", "Spring retreat (40)", participants[:40], capacity=40,
                                 facilitators=[therapists[0], trauma_informed[0]])
    t.retreat40_plan_id = plan(t.retreat40_group_id, "Retreat day", base, 12)
    plans += 1
    # The 100-member retreat (participants who are in no other fixed group): one plan with 12 items.
    retreat100 = group("retreat", "Summer retreat (100)", participants[200:300], capacity=100,
                       facilitators=[therapists[0], trauma_informed[2]])
    t.retreat100_plan_id = plan(retreat100, "Retreat day", base + timedelta(days=90), 12)
    plans += 1
    # The 3-day retreat: one plan per day.
    days = [date(2027, 4, 1) + timedelta(days=d) for d in range(3)]
    t.retreat3d_group_id = group("retreat", "Three-day retreat", participants[40:60], capacity=24, days=days,
                                 facilitators=[trauma_informed[1], therapists[5]])
    for d, day in enumerate(days):
        t.retreat3d_plan_ids.append(plan(t.retreat3d_group_id, f"Day {d + 1}",
                                         datetime.fromisoformat(f"{day.isoformat()}T09:00:00+02:00"), 10))
        plans += 1
    # 58 more groups: individual, couples, family, retreat.
    others = []
    cursor = 60
    for n in range(58):
        kind = ("individual", "couples", "family", "retreat")[n % 4]
        size = {"individual": 1, "couples": 2, "family": 3 + n % 2, "retreat": 8 + n % 9}[kind]
        members = [participants[(cursor + k) % 500] for k in range(size)]
        cursor += size
        others.append((kind, group(kind, f"{kind.title()} group {n}", members,
                                   capacity=size + 4 if kind == "retreat" else None)))
    # Templates, the 10-item plan, then weekly plans across the other groups up to 600.
    for n in range(20):
        body = {"title": f"Template {n}", "starts_at": base.isoformat(), "items": _plan_items(modules, rng, 4 + n % 7)}
        api.call("POST", "/plans", body)
        plans += 1
    t.list_group_id = others[3][1]  # a retreat group; gets its ~10 weekly plans below
    t.plan10_id = plan(t.list_group_id, "Ten-item session", base - timedelta(days=7), 10)
    plans += 1
    week = 0
    while plans < 600:
        kind, gid = others[week % len(others)]
        plan(gid, f"Session {week}", base + timedelta(days=7 * (week // len(others)), hours=week % 5), 4 + week % 7)
        week += 1
        plans += 1
    couples_gid = next(gid for kind, gid in others if kind == "couples")
    t.small_plan_id = api.call("GET", f"/plans?group_id={couples_gid}&page_size=1")[0]["id"]

    # 2,000 screenings: 4 per participant. The retreat members' newest ones are what clearance reads.
    for _round in range(4):
        for pid in participants:
            symptoms = rng.random() < 0.15
            done = api.call("POST", f"/participants/{pid}/screenings",
                            {"form_version": form["version"], "answers": form_answers(form, rng, symptoms=symptoms)})
            if pid == participants[0]:
                t.screening_id = done["id"]
    t.screen_participant_ids = participants[100:150]
    t.participant_id, t.module_id = participants[0], modules[0]["id"]
    t.counts = {"therapists": len(therapists), "participants": len(participants), "groups": 3 + len(others),
                "plans": plans, "screenings": 4 * len(participants), "requests": api.requests,
                "seconds": round(time.perf_counter() - started, 1)}
    slowest = sorted(api.seconds.items(), key=lambda kv: -kv[1])[:4]
    log(f"  practice {index}: {t.counts}; slowest: " + ", ".join(f"{k} {v:.1f} s" for k, v in slowest))
    return t


def build(app, scale: int, *, seed: int = 1, workers: int = 1, log=print) -> Targets:
    """Build `scale` practices; returns the first practice's targets (with the total counts).

    Practices are independent (each its own tenant and audit chain), so after the first one the rest are
    built by `workers` forked processes, each with its own connections, through the same test client.
    Each practice draws from its own seeded generator: the data does not depend on which process built it."""
    with cheap_passwords():
        first = build_practice(app.test_client(), 0, rng=_rng(seed, 0), log=log)
        totals = dict(first.counts)
        rest = range(1, scale)
        if workers > 1 and len(rest) > 1:
            import multiprocessing

            from toolkit.extensions import db

            global _FORKED_APP
            _FORKED_APP = app, seed, log
            with app.app_context():
                db.engine.dispose()  # no pooled connection crosses the fork
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                counts = list(pool.imap_unordered(_build_in_child, rest))
        else:
            counts = [build_practice(app.test_client(), i, rng=_rng(seed, i), log=log).counts for i in rest]
        for practice in counts:
            for key, value in practice.items():
                totals[key] = totals.get(key, 0) + value
    first.counts = {"practices": scale, **totals}
    return first


_FORKED_APP = None


def _rng(seed: int, index: int) -> random.Random:
    return random.Random(f"{seed}:{index}")


def _build_in_child(index: int) -> dict:
    app, seed, log = _FORKED_APP
    return build_practice(app.test_client(), index, rng=_rng(seed, index), log=log).counts
