import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The web app's Content-Security-Policy: it loads only its own scripts, styles and images, and talks
 * only to this origin. Inline styles stay allowed because React sets `style` attributes.
 */
export const WEB_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Registers helmet's headers (CSP, HSTS, nosniff, frame and referrer policy, CORP/COOP) on `scope`,
 * meant for the web app's scope only: the API's JSON answers are not documents a browser renders,
 * and the metered path is spared the work.
 */
export async function registerWebSecurityHeaders(scope: FastifyInstance): Promise<void> {
  await scope.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: WEB_CSP_DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only means something over https; browsers ignore it on http, so it is safe to always send.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
}

/** Request bounds: the slowest legitimate request is an upstream call within its 25 s budget. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Node's own header limit, stated: 16 KiB of request headers, else 431. */
export const MAX_HEADER_BYTES = 16_384;
