// Process: server. The guest's https page: GET /join/<id> (server-rendered, in the guest's
// language), and for a bound invitation the two forms it posts, /join/<id>/code and
// /join/<id>/verify (urlencoded, so they work without JavaScript), plus the page's one stylesheet
// and script. No redirects at all (so no open redirect); every link is built from configuration
// and a checked id; a strict CSP with no inline script.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVITATION_ID_PATTERN, type InvitationErrorCode, type InvitationView } from '../../common/invitation';
import { loadLocale, type Locale } from '../../common/i18n';
import { importLocale } from '../../common/i18n/locale-imports';
import type { InvitationService } from '../invitation-service';
import { LANDING_CSS_HASH, LANDING_JS } from '../landing-assets';
import { LANDING_JS_PATH, pageLanguage, renderLandingPage, type Downloads, type LandingModel, type VerifyNotice } from '../landing-page';
import type { RateLimitStore } from '../stores/rate-limit-store';
import { limitClient } from './invitations-guest';

export interface JoinPageDeps {
  service: InvitationService;
  codeLimiter: RateLimitStore;
  trustProxy: boolean;
  productName: string;
  downloads: Downloads;
  /** The service's public origin: form posts from any other origin are refused. */
  publicUrl: string;
}

export const PAGE_CSP = `default-src 'none'; script-src 'self'; style-src ${LANDING_CSS_HASH}; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const PAGE_STATUS: Record<LandingModel['state'], number> = { open: 200, verify: 200, unknown: 404, expired: 410, revoked: 410, locked: 423 };

const idParams = z.strictObject({ id: z.string().max(64) });
// Mail scanners and trackers add their own parameters: ignore any but lang.
const pageQuery = z.object({ lang: z.string().max(8).optional() });
const form = z.object({ lang: z.string().max(8).optional(), code: z.string().max(32).optional() });

export const joinPageRoutes: FastifyPluginAsyncZod<JoinPageDeps> = async (app, deps) => {
  const { service, codeLimiter, trustProxy, productName, downloads, publicUrl } = deps;
  const origin = new URL(publicUrl).origin;
  // same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` on the page's own
  // form posts, and the origin check below needs the real one. Nothing leaves for other origins.
  const pageConfig = (name: string) => ({ name, contentSecurityPolicy: PAGE_CSP, referrerPolicy: 'same-origin' });

  // Only this plugin's routes take form bodies; the rest of the service stays JSON-only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  async function send(reply: FastifyReply, model: LandingModel, lang: Locale) {
    await loadLocale(lang, importLocale); // once per locale and process; English needs none
    return reply.code(PAGE_STATUS[model.state]).type('text/html; charset=utf-8').send(renderLandingPage(model, lang, productName));
  }

  function problem(id: string, error: InvitationErrorCode): LandingModel {
    if (error === 'expired' || error === 'revoked' || error === 'locked') return { state: error, id };
    return INVITATION_ID_PATTERN.test(id) ? { state: 'unknown', id } : { state: 'unknown' };
  }

  function modelFor(id: string, view: InvitationView, notice?: VerifyNotice, attemptsLeft?: number): LandingModel {
    if (view.status === 'open') {
      const { url, appLink } = service.links(id, view);
      return { state: 'open', id, meeting: view.meeting, inviteUrl: url, appLink, downloads };
    }
    return { state: 'verify', id, meeting: view.meeting, emailHint: view.emailHint, codeMinutes: service.codeMinutes, ...(notice ? { notice } : {}), ...(attemptsLeft !== undefined ? { attemptsLeft } : {}) };
  }

  const language = (request: FastifyRequest, explicit: string | undefined) => pageLanguage(explicit, request.headers['accept-language']);
  /** A browser names the page's origin on a form post; another origin's form (or `null`) may not post here. */
  const crossOrigin = (request: FastifyRequest) => request.headers.origin !== undefined && request.headers.origin !== origin;

  app.get('/join/:id', { config: pageConfig('joinPage'), schema: { params: idParams, querystring: pageQuery } }, async (request, reply) => {
    const { id } = request.params;
    const lang = language(request, request.query.lang);
    const outcome = await service.view(id);
    if (!outcome.ok) return send(reply, problem(id, outcome.error), lang);
    service.recordOpened(id, 'page');
    return send(reply, modelFor(id, outcome.value), lang);
  });

  app.post('/join/:id/code', { config: pageConfig('joinPageCode'), schema: { params: idParams, body: form } }, async (request, reply) => {
    const { id } = request.params;
    const lang = language(request, request.body.lang);
    if (crossOrigin(request)) return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden');
    const current = await service.view(id);
    if (!current.ok) return send(reply, problem(id, current.error), lang);
    const limited = await limitClient(codeLimiter, request, trustProxy);
    const outcome = limited ?? (await service.sendCode(id, 'page'));
    if (outcome.ok) return send(reply, modelFor(id, current.value, 'codeSent'), lang);
    if (outcome.error === 'rateLimited' || outcome.error === 'serviceError') {
      if (outcome.retryAfterSeconds !== undefined) reply.header('retry-after', String(outcome.retryAfterSeconds));
      return send(reply, modelFor(id, current.value, outcome.error === 'rateLimited' ? 'rateLimited' : 'mailFailed'), lang);
    }
    return send(reply, problem(id, outcome.error), lang);
  });

  app.post('/join/:id/verify', { config: pageConfig('joinPageVerify'), schema: { params: idParams, body: form } }, async (request, reply) => {
    const { id } = request.params;
    const lang = language(request, request.body.lang);
    if (crossOrigin(request)) return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden');
    const current = await service.view(id);
    if (!current.ok) return send(reply, problem(id, current.error), lang);
    const code = (request.body.code ?? '').trim();
    if (!/^\d{6}$/.test(code)) return send(reply, modelFor(id, current.value, 'badCode'), lang);
    const limited = await limitClient(codeLimiter, request, trustProxy);
    const outcome = limited ?? (await service.verify(id, code, 'page'));
    if (outcome.ok) return send(reply, modelFor(id, outcome.value.view), lang);
    if (outcome.error === 'wrongCode' || outcome.error === 'codeExpired' || outcome.error === 'rateLimited') {
      return send(reply, modelFor(id, current.value, outcome.error, 'attemptsLeft' in outcome ? outcome.attemptsLeft : undefined), lang);
    }
    return send(reply, problem(id, outcome.error), lang);
  });

  const asset = (path: string, type: string, body: string) =>
    app.get(path, { config: { name: 'joinAsset', cacheControl: 'public, max-age=3600' } }, async (_request, reply) => reply.type(type).send(body));
  asset(LANDING_JS_PATH, 'text/javascript; charset=utf-8', LANDING_JS);
};
