// An agenda's files (type-checked in CI). Every representation is an operation of its own with one media type:
// the JSON agenda is `Schemas["Agenda"]`, the PDF (`agenda.pdf`) bytes, the calendar file (`agenda.ics`) text.
import type { Client } from "openapi-fetch";
import type { paths, Schemas } from "../src/index.js";

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** The facilitator agenda as PDF. A render worker lays it out: 202 with Retry-After until it is ready. */
export async function agendaPdf(api: Client<paths>, planId: string, attempts = 10): Promise<Blob> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const answer = await api.GET("/api/v1/plans/{plan_id}/agenda.pdf", {
      params: { path: { plan_id: planId }, query: { paper: "a4" } },
      parseAs: "blob",
    });
    if (answer.response.status === 200 && answer.data !== undefined) return answer.data;
    if (answer.response.status !== 202) {
      throw new Error(`agenda refused: ${answer.error?.detail ?? answer.response.status}`);
    }
    await sleep(Number(answer.response.headers.get("Retry-After") ?? "2"));
  }
  throw new Error("the PDF is still rendering: ask again later");
}

/** The participant handout's sessions as an iCalendar file, and the agenda's days as typed JSON. */
export async function agendaForCalendar(api: Client<paths>, planId: string): Promise<[string, Schemas["Agenda"]]> {
  const calendar = await api.GET("/api/v1/plans/{plan_id}/agenda.ics", {
    params: { path: { plan_id: planId }, query: { audience: "participant" } },
    parseAs: "text",
  });
  const agenda = await api.GET("/api/v1/plans/{plan_id}/agenda", {
    params: { path: { plan_id: planId }, query: { audience: "participant" } },
  });
  if (calendar.data === undefined || agenda.data === undefined) {
    throw new Error(`agenda refused: ${calendar.error?.detail ?? agenda.error?.detail ?? "unknown"}`);
  }
  return [calendar.data, agenda.data];
}
