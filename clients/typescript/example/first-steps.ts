// A short example (type-checked in CI): log in, find a module, add a participant once (Idempotency-Key),
// change them with their ETag (If-Match), and read the errors in their one shape.
import { createToolkitClient, type Schemas } from "../src/index.js";

export async function firstSteps(baseUrl: string, email: string, password: string): Promise<Schemas["Participant"]> {
  let token: string | undefined;
  const api = createToolkitClient({ baseUrl, accessToken: () => token });

  const login = await api.POST("/api/v1/auth/login", { body: { email, password } });
  if (login.data === undefined) {
    throw new Error(`login refused: ${login.error?.detail ?? login.response.status}`);
  }
  token = login.data.access_token;

  const modules = await api.GET("/api/v1/modules", { params: { query: { q: "visual", page_size: 5 } } });
  console.log("modules:", (modules.data ?? []).map((m) => m.title));

  const created = await api.POST("/api/v1/participants", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { display_name: "Sam Example", date_of_birth: "1985-06-01" },
  });
  if (created.data === undefined) {
    // Every error is RFC 9457 problem details; `errors` names the fields.
    throw new Error(`${created.error?.title}: ${JSON.stringify(created.error?.errors ?? {})}`);
  }
  const changed = await api.PATCH("/api/v1/participants/{participant_id}", {
    params: { path: { participant_id: created.data.id }, header: { "If-Match": created.data.etag } },
    body: { notes: "Prefers mornings." },
  });
  if (changed.data === undefined) {
    throw new Error(changed.response.status === 412 ? "changed by someone else: fetch it again" : "not changed");
  }
  return changed.data;
}
