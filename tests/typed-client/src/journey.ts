// The main journey of a frontend, typed end to end by a client generated from openapi/openapi.json
// (openapi-typescript + openapi-fetch) and compiled with `tsc --strict`: no casts and no non-null
// assertions on response fields the spec marks as always present. Run by tests/typed-client/run.py.
import createClient from "openapi-fetch";
import type { components, operations, paths } from "../generated/api.js";

type Schemas = components["schemas"];
// Operations are named: a frontend refers to them by operationId.
type ListPlansQuery = NonNullable<operations["listPlans"]["parameters"]["query"]>;

declare const process: { argv: string[] };
const baseUrl = process.argv[2];
if (!baseUrl) throw new Error("usage: node dist/src/journey.js BASE_URL");

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`journey failed: ${message}`);
}

const anonymous = createClient<paths>({ baseUrl });
const password = "a-long-passphrase-for-typescript";
const email = `ts-${Date.now()}@example.org`;

const registered = await anonymous.POST("/api/v1/auth/register", {
  body: { practice_name: "Typed practice", name: "Tess Script", email, password },
});
check(registered.response.status === 201 && registered.data !== undefined, "register");
const admin: Schemas["Me"] = registered.data.therapist;
check(admin.role === "admin" && registered.data.practice.id.length > 0, "first therapist is the admin");

// Every bad field is named at once.
const bad = await anonymous.POST("/api/v1/auth/register", {
  body: { practice_name: "P", name: "N", email: "not-an-email", password: "short" },
});
check(bad.response.status === 422 && bad.error !== undefined, "bad registration");
check(Object.keys(bad.error.errors ?? {}).sort().join() === "email,password", "both fields named");

const login = await anonymous.POST("/api/v1/auth/login", { body: { email, password } });
check(login.data !== undefined, "login");
const tokens: Schemas["Tokens"] = login.data;

const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens.access_token}` } });

const me = await api.GET("/api/v1/me");
check(me.data !== undefined && me.data.id === admin.id, "me");

// A participant: created once even when the request is retried with the same Idempotency-Key.
const key = `create-pat-${Date.now()}`;
const body: Schemas["ParticipantCreate"] = { display_name: "Pat Example", date_of_birth: "1988-05-17" };
const created = await api.POST("/api/v1/participants", { body, params: { header: { "Idempotency-Key": key } } });
const retried = await api.POST("/api/v1/participants", { body, params: { header: { "Idempotency-Key": key } } });
check(created.data !== undefined && retried.data !== undefined, "create participant");
check(created.response.headers.get("Location") === `/api/v1/participants/${created.data.id}`, "Location");
check(retried.data.id === created.data.id, "a retried create returns the first record");
const participant: Schemas["Participant"] = created.data;
// Required response fields: plain strings, no `!`.
const since: string = participant.created_at;
check(since.length > 0 && participant.updated_at.length > 0 && participant.archived === false, "timestamps");

// Round trip: the object from a GET goes back as the PATCH body, with its own etag as If-Match.
const fetched = await api.GET("/api/v1/participants/{participant_id}", {
  params: { path: { participant_id: participant.id } },
});
check(fetched.data !== undefined, "get participant");
const patched = await api.PATCH("/api/v1/participants/{participant_id}", {
  params: { path: { participant_id: participant.id }, header: { "If-Match": fetched.data.etag } },
  body: { ...fetched.data, notes: "Prefers mornings." },
});
check(patched.data !== undefined && patched.data.notes === "Prefers mornings.", "round-trip PATCH");
const unchanged = await api.PATCH("/api/v1/participants/{participant_id}", {
  params: { path: { participant_id: participant.id }, header: { "If-Match": patched.data.etag } },
  body: {},
});
check(unchanged.data !== undefined && unchanged.data.etag === patched.data.etag, "PATCH {} keeps the ETag");

// A JSON body sent as text is a 415 in the one error shape.
const asText = await fetch(`${baseUrl}/api/v1/participants`, {
  method: "POST",
  headers: { Authorization: `Bearer ${tokens.access_token}`, "Content-Type": "text/plain" },
  body: JSON.stringify(body),
});
const asTextError = (await asText.json()) as Schemas["Error"];
check(asText.status === 415 && asTextError.code === 415, "415");

// A group, its member (paginated list), modules from the library and a plan.
const kind: Schemas["GroupKind"] = "retreat";
const group = await api.POST("/api/v1/groups", {
  body: { name: "Spring retreat", kind, capacity: 12, timezone: "Europe/Berlin", facilitator_ids: [admin.id] },
});
check(group.data !== undefined && group.data.member_count === 0, "create group");
const groupId = group.data.id;
const enrolled = await api.POST("/api/v1/groups/{group_id}/members", {
  params: { path: { group_id: groupId } }, body: { participant_id: participant.id },
});
check(enrolled.response.status === 201, "enrol");
const members = await api.GET("/api/v1/groups/{group_id}/members", {
  params: { path: { group_id: groupId }, query: { page_size: 10 } },
});
check(members.data?.length === 1 && members.response.headers.get("X-Pagination") !== null, "members paginated");

const unknownParam = await api.GET("/api/v1/modules", {
  // deliberately misspelt: the server names it instead of ignoring it
  params: { query: { catgory: "exercise" } as unknown as { category: "exercise" } },
});
check(unknownParam.response.status === 422 && "catgory" in (unknownParam.error?.errors ?? {}), "unknown query");

const modules = await api.GET("/api/v1/modules", { params: { query: { kind: "retreat", page_size: 50 } } });
check(modules.data !== undefined, "modules");
const byCategory = new Map<Schemas["ModuleCategory"], Schemas["Module"]>();
for (const module of modules.data) if (!byCategory.has(module.category)) byCategory.set(module.category, module);
const chosen = (["opening", "psychoeducation", "exercise", "closing"] as const)
  .map((c) => byCategory.get(c))
  .filter((m): m is Schemas["Module"] => m !== undefined);
check(chosen.length >= 3, "modules of each category");

const plan = await api.POST("/api/v1/plans", {
  body: {
    // Two weeks ahead: a screening taken now must still be valid when the session ends.
    title: "Day 1 - Meeting little me", group_id: groupId,
    starts_at: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10) + "T09:00:00+02:00",
    items: chosen.map((m) => ({ module_id: m.id, minutes: m.default_minutes })),
  },
});
check(plan.data !== undefined, "create plan");
const planId = plan.data.id;
check(plan.data.total_minutes === chosen.reduce((sum, m) => sum + m.default_minutes, 0), "total");
const firstItem = plan.data.items[0];
// Times are null only in a template without a start; this plan has one.
check(firstItem !== undefined && firstItem.starts_at !== null && firstItem.ends_at !== null
  && firstItem.ends_at > firstItem.starts_at, "computed times");
const query: ListPlansQuery = { group_id: groupId };
const plans = await api.GET("/api/v1/plans", { params: { query } });
check(plans.data?.[0]?.etag === plan.data.etag, "list items carry their ETag");
const badGroup = await api.GET("/api/v1/plans", { params: { query: { group_id: "nope" } } });
check(badGroup.response.status === 422 && "group_id" in (badGroup.error?.errors ?? {}), "unknown group is 422");

// Screening: the form drives the answers; the outcome and override are typed.
const form = await api.GET("/api/v1/screening/form");
check(form.data !== undefined, "form");
const answers: Record<string, number> = {};
for (const instrument of form.data.instruments) {
  for (const item of instrument.items) {
    if (item.enable_when.length === 0) answers[item.id] = Math.min(...item.options.map((o) => o.value));
  }
}
const screening = await api.POST("/api/v1/participants/{participant_id}/screenings", {
  params: { path: { participant_id: participant.id } }, body: { form_version: form.data.version, answers },
});
check(screening.data !== undefined, "screen");
const outcome: Schemas["Outcome"] = screening.data.outcome;
const noOverride: Schemas["Override"] | null = screening.data.override;
check(outcome === "clear" && noOverride === null && screening.data.is_valid, "clear, no override");
const overridden = await api.POST("/api/v1/screenings/{screening_id}/override", {
  params: { path: { screening_id: screening.data.id } },
  body: { outcome: "refer", reason: "Disclosed a recent loss at intake; individual work first." },
});
check(overridden.data?.override?.outcome === "refer" && overridden.data.computed_outcome === "clear", "override");

const clearance = await api.GET("/api/v1/plans/{plan_id}/clearance", { params: { path: { plan_id: planId } } });
const status: Schemas["ClearanceStatus"] | undefined = clearance.data?.status;
check(status === "blocked", "a referred member blocks the plan");

// Agenda: JSON by default (typed), Markdown as text.
const agenda = await api.GET("/api/v1/plans/{plan_id}/agenda", { params: { path: { plan_id: planId } } });
// The operation serves several media types; JSON (the default) is the object one. A 202 (a PDF still
// rendering) has a status body instead: JSON agendas answer at once, so this one has its days.
check(agenda.data !== undefined && typeof agenda.data !== "string" && "days" in agenda.data, "agenda json");
check(agenda.response.headers.get("Content-Type") === "application/json", "JSON for no Accept preference");
const doc: Schemas["Agenda"] = agenda.data;
const firstDay = doc.days[0];
check(firstDay !== undefined && firstDay.plans[0]?.title === "Day 1 - Meeting little me", "agenda content");
const markdown = await api.GET("/api/v1/plans/{plan_id}/agenda", {
  params: { path: { plan_id: planId }, query: { format: "md" } }, parseAs: "text",
});
check(typeof markdown.data === "string" && markdown.data.includes("Day 1"), "agenda markdown");

// The participant by a secure link (issue 30): an invitation whose URL carries the secret once, then the
// page's JSON twin with no bearer token: the form, the answers kept as the person goes, and sending.
const person = await api.POST("/api/v1/participants", {
  body: { display_name: "Sol Selfreport", date_of_birth: "1990-02-03", contact: "sol@example.org" },
});
check(person.data !== undefined, "participant for the link");
const invited = await api.POST("/api/v1/participants/{participant_id}/invitations", {
  params: { path: { participant_id: person.data.id } }, body: { purpose: "intake", expires_in_days: 7 },
});
check(invited.response.status === 201 && invited.data !== undefined, "invite");
const invitation: Schemas["InvitationCreated"] = invited.data;
const secret = invitation.url.split("/p/")[1];
check(secret !== undefined && secret.length >= 43 && invitation.status === "sent", "a link with a secret");
const selfReport = createClient<paths>({ baseUrl });
const opened = await selfReport.GET("/api/v1/self-report/{token}", { params: { path: { token: secret } } });
check(opened.data !== undefined && opened.data.crisis === null && opened.data.purpose === "intake", "open");
const page: Schemas["SelfReport"] = opened.data;
const own: Record<string, number> = {};
for (const itemId of page.asked) {
  const instrument = form.data.instruments.find((i) => i.items.some((it) => it.id === itemId));
  const item = instrument?.items.find((it) => it.id === itemId);
  if (item !== undefined) own[item.id] = Math.min(...item.options.map((o) => o.value));
}
const saved = await selfReport.PUT("/api/v1/self-report/{token}/answers", {
  params: { path: { token: secret } }, body: { answers: own, declined: [] },
});
check(saved.data !== undefined && saved.data.unanswered.length === 0, "answers kept");
const sentForm = await selfReport.POST("/api/v1/self-report/{token}/submit", {
  params: { path: { token: secret } }, body: {},
});
check(sentForm.response.status === 201 && sentForm.data?.status === "completed", "sent, no scores");
const dead = await selfReport.GET("/api/v1/self-report/{token}", { params: { path: { token: secret } } });
check(dead.response.status === 404 && dead.error?.code === 404, "the link is dead afterwards");
const listed = await api.GET("/api/v1/invitations", { params: { query: { status: "completed" } } });
check(listed.data?.[0]?.id === invitation.id && listed.data[0].screening_id !== null, "completed, with its screening");

const out = await api.POST("/api/v1/auth/logout");
check(out.response.status === 204, "logout");
const after = await api.GET("/api/v1/me");
check(after.response.status === 401 && after.error?.code === 401, "logged out");
console.log("typed client journey: ok");
