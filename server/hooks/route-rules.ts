// Process: server. What a route asks of the cross-cutting hooks, declared in its `config`: the hooks
// in this folder read these flags, so each rule is written once and each route says which apply.
export type RouteName = 'token' | 'healthz' | 'readyz' | 'metrics' | 'notFound' | (string & {});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The name the request log and metrics use (never the raw URL, which may carry ids). */
    name?: RouteName;
    /** Per-client rate limit, checked before anything else (so it also bounds app key guessing). */
    rateLimited?: boolean;
    /** X-Doorway-App-Key must match APP_KEY when one is configured. */
    appKeyRequired?: boolean;
    /** The body must be JSON (application/json, UTF-8): refuses CORS "simple" requests and forms. */
    jsonOnly?: boolean;
    /** Replaces the API's `default-src 'none'` CSP (the landing page loads its own script and style). */
    contentSecurityPolicy?: string;
    /** Replaces `no-store` (static assets may be cached). */
    cacheControl?: string;
    /** Replaces `no-referrer` (the landing page's own forms need their Origin header sent). */
    referrerPolicy?: string;
  }
  interface FastifyRequest {
    /** Set for requests no route answers but a known path (405), so their log line names the route. */
    knownRoute?: RouteName;
  }
}

export {};
