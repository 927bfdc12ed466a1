/**
 * The Inner Child Group Toolkit API, typed. `schema.d.ts` is generated from the service's OpenAPI spec
 * (scripts/generate_clients.py); this file adds only the bearer token.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
/** Every named schema of the API, e.g. `Schemas["Participant"]`, `Schemas["Outcome"]`. */
export type Schemas = components["schemas"];

export interface ToolkitClientOptions {
  /** Where the service runs, e.g. "https://toolkit.example.org" (the paths start with /api/v1). */
  baseUrl: string;
  /** The current access token (from POST /api/v1/auth/login or /auth/refresh), read for every request. */
  accessToken?: () => string | undefined;
  /** Another fetch (tests, a proxy); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/** A client for every operation of the API: `client.GET("/api/v1/participants/{participant_id}", ...)`. */
export function createToolkitClient(options: ToolkitClientOptions): Client<paths> {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const bearer: Middleware = {
    onRequest({ request }) {
      const token = options.accessToken?.();
      if (token !== undefined) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  client.use(bearer);
  return client;
}
