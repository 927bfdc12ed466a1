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
  params: { path: { participant_id: participant.id } }, body: { method: "form", form_version: form.data.version, answers },
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
const effective: Schemas["Outcome"] = overridden.data.effective_outcome;
check(effective === "refer" && overridden.data.crisis_guidance === null, "effective outcome, no guidance");

// Progress: NHS Talking Therapies' paired outcomes (null with one screening); per instrument
// `below_caseness`. The old `recovered` is gone from the spec, so the compiler refuses it.
const progress = await api.GET("/api/v1/participants/{participant_id}/progress", {
  params: { path: { participant_id: participant.id } },
});
check(progress.data !== undefined, "progress");
const paired: Schemas["Paired"] | null = progress.data.paired;
const belowCaseness: string[] = progress.data.below_caseness;
check(paired === null && belowCaseness.length === 0, "one screening: nothing paired yet");
const phq9 = progress.data.instruments.find((i) => i.instrument === "phq9");
check(phq9 !== undefined && phq9.below_caseness === null, "per instrument below_caseness");
// @ts-expect-error `recovered` was renamed `below_caseness` (issue 27)
check(progress.data.recovered === undefined, "no recovered");
// The chart is its own operation with one media type (SVG, text).
const chart = await api.GET("/api/v1/participants/{participant_id}/progress.svg", {
  params: { path: { participant_id: participant.id } }, parseAs: "text",
});
check(chart.response.headers.get("Content-Type")?.startsWith("image/svg+xml") === true, "chart media type");
const svg: string | undefined = chart.data;
check(svg !== undefined && svg.includes("<svg"), "progress chart");

// A likely duplicate (same name and date of birth) is a 409 naming the existing record.
const twin = await api.POST("/api/v1/participants", { body: { display_name: " pat  EXAMPLE", date_of_birth: "1988-05-17" } });
check(twin.response.status === 409 && twin.error?.errors?.["possible_duplicate"] !== undefined, "possible duplicate");
const confirmedNew = await api.POST("/api/v1/participants", {
  body: { display_name: "Pat Example", date_of_birth: "1988-05-17", confirm_new: true },
});
check(confirmedNew.response.status === 201 && confirmedNew.data?.id !== participant.id, "confirm_new");

const clearance = await api.GET("/api/v1/plans/{plan_id}/clearance", { params: { path: { plan_id: planId } } });
const status: Schemas["ClearanceStatus"] | undefined = clearance.data?.status;
check(status === "blocked", "a referred member blocks the plan");

// Agenda: one operation per representation. The JSON one is the typed Agenda and nothing else; Markdown,
// iCalendar and PDF have operations of their own (agenda.md, .ics, .pdf), each with one media type.
const agenda = await api.GET("/api/v1/plans/{plan_id}/agenda", { params: { path: { plan_id: planId } } });
check(agenda.data !== undefined, "agenda json");
check(agenda.response.headers.get("Content-Type") === "application/json", "JSON for no Accept preference");
const doc: Schemas["Agenda"] = agenda.data;
const firstDay = doc.days[0];
check(firstDay !== undefined && firstDay.plans[0]?.title === "Day 1 - Meeting little me", "agenda content");
const markdown = await api.GET("/api/v1/plans/{plan_id}/agenda.md", {
  params: { path: { plan_id: planId } }, parseAs: "text",
});
check(typeof markdown.data === "string" && markdown.data.includes("Day 1"), "agenda markdown");
const calendar = await api.GET("/api/v1/plans/{plan_id}/agenda.ics", {
  params: { path: { plan_id: planId }, query: { audience: "participant" } }, parseAs: "text",
});
const ics: string | undefined = calendar.data;
check(ics !== undefined && ics.startsWith("BEGIN:VCALENDAR") && ics.includes("BEGIN:VEVENT"), "agenda ics");
const etag = calendar.response.headers.get("ETag");
check(etag !== null, "the calendar file's ETag");
const sameCalendar = await api.GET("/api/v1/plans/{plan_id}/agenda.ics", {
  params: { path: { plan_id: planId }, query: { audience: "participant" }, header: { "If-None-Match": etag } },
  parseAs: "text",
});
check(sameCalendar.response.status === 304, "If-None-Match answers 304");
// The PDF as a Blob; a small agenda waits for its render, so it answers 200 (else 202 + Retry-After).
const printed = await api.GET("/api/v1/plans/{plan_id}/agenda.pdf", {
  params: { path: { plan_id: planId }, query: { audience: "participant" } }, parseAs: "blob",
});
check(printed.response.status === 200 && printed.data !== undefined, "agenda pdf");
const pdf: Blob = printed.data;
const magic = new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 4));
check(magic === "%PDF" && printed.response.headers.get("Content-Type") === "application/pdf", "a PDF");

// Issue 29: a safety plan in the person's words (versioned), the emails you take, the practice's outbox.
const safety = await api.POST("/api/v1/participants/{participant_id}/safety-plans", {
  params: { path: { participant_id: participant.id } },
  body: { warning_signs: ["Not sleeping"], people_to_ask: [{ name: "My sister Jo", contact: "07700 900123" }] },
});
check(safety.data !== undefined, "safety plan");
const safetyPlan: Schemas["SafetyPlan"] = safety.data;
check(safetyPlan.version === 1 && safetyPlan.status === "current" && safetyPlan.supersedes_id === null,
  "first version, current");
check(safetyPlan.people_to_ask[0]?.contact === "07700 900123" && safetyPlan.social_contacts.length === 0,
  "sections");
const safetyPlans = await api.GET("/api/v1/participants/{participant_id}/safety-plans", {
  params: { path: { participant_id: participant.id } },
});
check(safetyPlans.data?.[0]?.id === safetyPlan.id, "safety plans listed");
const preferences = await api.PUT("/api/v1/me/notification-preferences", {
  body: { alert_kinds: ["crisis", "follow_up_due"], weekly_digest: false },
});
const kinds: string[] | undefined = preferences.data?.alert_kinds;
check(kinds?.join() === "crisis,follow_up_due" && preferences.data?.weekly_digest === false, "preferences");
const outbox = await api.GET("/api/v1/outbox", { params: { query: { status: "kept" } } });
check(Array.isArray(outbox.data) && outbox.data.length === 0, "an empty outbox (no alert yet)");


// The participant by a secure link (issue 30): an invitation whose URL carries the secret once, then the
// page's JSON twin with no bearer token: the form, the answers kept as the person goes, and sending.
const srPerson = await api.POST("/api/v1/participants", {
  body: { display_name: "Sol Selfreport", date_of_birth: "1990-02-03", contact: "sol@example.org" },
});
check(srPerson.data !== undefined, "participant for the link");
const srInvited = await api.POST("/api/v1/participants/{participant_id}/invitations", {
  params: { path: { participant_id: srPerson.data.id } }, body: { purpose: "intake", expires_in_days: 7 },
});
check(srInvited.response.status === 201 && srInvited.data !== undefined, "invite");
const srInvitation: Schemas["InvitationCreated"] = srInvited.data;
const srSecret = srInvitation.url.split("/p/")[1];
check(srSecret !== undefined && srSecret.length >= 43 && srInvitation.status === "sent", "a link with a secret");
const srClient = createClient<paths>({ baseUrl });
const srOpened = await srClient.GET("/api/v1/self-report/{token}", { params: { path: { token: srSecret } } });
check(srOpened.data !== undefined && srOpened.data.crisis === null && srOpened.data.purpose === "intake", "open");
const srPage: Schemas["SelfReport"] = srOpened.data;
const srOwn: Record<string, number> = {};
for (const srItemId of srPage.asked) {
  const srInstrument = form.data.instruments.find((i) => i.items.some((it) => it.id === srItemId));
  const srItem = srInstrument?.items.find((it) => it.id === srItemId);
  if (srItem !== undefined) srOwn[srItem.id] = Math.min(...srItem.options.map((o) => o.value));
}
const srSaved = await srClient.PUT("/api/v1/self-report/{token}/answers", {
  params: { path: { token: srSecret } }, body: { answers: srOwn, declined: [] },
});
check(srSaved.data !== undefined && srSaved.data.unanswered.length === 0, "answers kept");
const srSent = await srClient.POST("/api/v1/self-report/{token}/submit", {
  params: { path: { token: srSecret } }, body: {},
});
check(srSent.response.status === 201 && srSent.data?.status === "completed", "sent, no scores");
const srDead = await srClient.GET("/api/v1/self-report/{token}", { params: { path: { token: srSecret } } });
check(srDead.response.status === 404 && srDead.error?.code === 404, "the link is dead afterwards");
const srListed = await api.GET("/api/v1/invitations", { params: { query: { status: "completed" } } });
check(srListed.data?.[0]?.id === srInvitation.id && srListed.data[0].screening_id !== null, "completed, with its screening");

// The account (issue 28). Two tabs refreshing with one refresh token both keep the login: the same pair.
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const tab1 = await anonymous.POST("/api/v1/auth/refresh", { headers: bearer(tokens.refresh_token) });
const tab2 = await anonymous.POST("/api/v1/auth/refresh", { headers: bearer(tokens.refresh_token) });
check(tab1.data !== undefined && tab2.data !== undefined, "two refreshes within the grace window");
check(tab1.data.access_token === tab2.data.access_token && tab1.data.refresh_token === tab2.data.refresh_token,
  "the same new pair");
const account = createClient<paths>({ baseUrl, headers: bearer(tab1.data.access_token) });

// A second device, seen in the list of logins and then ended from here.
const phone = await anonymous.POST("/api/v1/auth/login", {
  body: { email, password }, headers: { "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1" },
});
check(phone.data !== undefined, "second login");
const sessions = await account.GET("/api/v1/me/sessions");
check(sessions.data !== undefined && sessions.data.length === 2, "two logins");
const current: Schemas["LoginSession"] | undefined = sessions.data.find((s) => s.current);
const other = sessions.data.find((s) => !s.current);
check(current !== undefined && other !== undefined && other.user_agent === "Safari on iOS", "logins listed");
const ended = await account.DELETE("/api/v1/me/sessions/{session_id}", {
  params: { path: { session_id: other.id } },
});
check(ended.response.status === 204, "end another login");

// Two-factor sign-in: enrol, confirm with a first code, then log in with the next one.
async function totpCode(secret: string, at: number): Promise<string> {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret.replace(/=+$/, "")) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = new Uint8Array(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(at / 30_000)));
  const hmacKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, counter.buffer));
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const value = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, "0");
}
const enrolment = await account.POST("/api/v1/me/totp");
check(enrolment.response.status === 201 && enrolment.data !== undefined, "start TOTP");
const secret: string = enrolment.data.secret;
check(enrolment.data.otpauth_uri.startsWith("otpauth://totp/"), "otpauth URI");
const confirmed = await account.POST("/api/v1/me/totp/confirm", { body: { code: await totpCode(secret, Date.now()) } });
check(confirmed.response.status === 204, "confirm TOTP");
const withoutCode = await anonymous.POST("/api/v1/auth/login", { body: { email, password } });
check(withoutCode.response.status === 401 && "totp" in (withoutCode.error?.errors ?? {}), "a code is needed");
const withCode = await anonymous.POST("/api/v1/auth/login", {
  body: { email, password, totp: await totpCode(secret, Date.now() + 30_000) },
});
check(withCode.data !== undefined, "log in with a code");
const off = await account.DELETE("/api/v1/me/totp", { body: { password } });
check(off.response.status === 204, "turn TOTP off");
// Shared settings are written with their ETag (from the body of the GET), like every shared record.
const practiceNow = await account.GET("/api/v1/practice");
check(practiceNow.data !== undefined, "practice settings");
const practiceSettings = await account.PATCH("/api/v1/practice", {
  params: { header: { "If-Match": practiceNow.data.etag } },
  body: { require_totp: false, contact: "Journey practice: 01234 567890" },
});
check(practiceSettings.data?.require_totp === false && practiceSettings.data.etag !== practiceNow.data.etag,
  "practice setting");
const staleSettings = await account.PATCH("/api/v1/practice", {
  params: { header: { "If-Match": practiceNow.data.etag } },
  body: { require_totp: false },
});
check(staleSettings.response.status === 412 && staleSettings.error?.status === 412, "a stale ETag is 412");

// Passwords: an admin's reset for a colleague, a reset by email (202 whatever the email), a change.
const colleague = await account.POST("/api/v1/therapists", {
  body: { name: "Col League", email: `col-${Date.now()}@example.org`, password: "another-long-passphrase-7" },
});
check(colleague.data !== undefined, "colleague");
const adminReset = await account.POST("/api/v1/therapists/{therapist_id}/password-reset", {
  params: { path: { therapist_id: colleague.data.id } },
});
check(adminReset.response.status === 202 && adminReset.data?.message !== undefined, "admin reset");
const asked = await anonymous.POST("/api/v1/auth/password-reset", { body: { email: "nobody@example.org" } });
check(asked.response.status === 202, "reset asked");
const badLink = await anonymous.POST("/api/v1/auth/password-reset/{token}", {
  params: { path: { token: "not-a-real-link" } }, body: { new_password: "kitten-orbit-lantern-59" },
});
check(badLink.response.status === 404, "unknown reset link");
const weak = await account.POST("/api/v1/auth/password", {
  body: { current_password: password, new_password: "Summer2024!!" },
});
check(weak.response.status === 422 && "new_password" in (weak.error?.errors ?? {}), "weak password refused");
const laptop = await anonymous.POST("/api/v1/auth/login", { body: { email, password } });
check(laptop.data !== undefined, "another login");
const changed = await account.POST("/api/v1/auth/password", {
  body: { current_password: password, new_password: "kitten-orbit-lantern-59" },
});
check(changed.response.status === 204, "password changed");
const oldLaptop = await anonymous.GET("/api/v1/me", { headers: bearer(laptop.data.access_token) });
check(oldLaptop.response.status === 401, "other logins end with a password change");
const stillHere = await account.GET("/api/v1/me");
check(stillHere.data !== undefined && stillHere.data.totp_enabled === false, "this login goes on");

const out = await account.POST("/api/v1/auth/logout");
check(out.response.status === 204, "logout");
const after = await account.GET("/api/v1/me");
check(after.response.status === 401 && after.error?.code === 401, "logged out");
console.log("typed client journey: ok");
