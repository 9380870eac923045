import crypto from "node:crypto";

import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

import { STRIPE_WEBHOOK_PATH } from "~/payments/webhook-path.server";
import { allowedMethodsMiddleware } from "~/server/allowed-methods.server";
import { bodyLimitMiddleware, bodyLimitsFromEnv } from "~/server/body-limit.server";
import { languageRedirectMiddleware } from "~/server/language-redirect.server";
import { createPageMemory } from "~/server/page-memory.server";
import { plainErrorHandler } from "~/server/plain-response.server";
import { remixHandler } from "~/server/remix-handler.server";
import { sameOriginMiddleware } from "~/server/same-origin.server";
import { devServerSocket, securityHeadersMiddleware } from "~/server/security-headers.server";
import type { Env } from "~/utils/env.server";

/** A path whose last segment has a file extension. */
const FILE_PATH = /\.[A-Za-z0-9]+$/;

export interface AppOptions {
  env: Env;
  /** The current server build; called per request so development can swap it. */
  build: () => ServerBuild;
  /** Folder of static files (public/ by default); its build/ holds the fingerprinted assets. */
  publicDir?: string;
}

/**
 * The Express application: security headers on every response, the
 * methods the site answers, static files, the origin check and body limits for anything that is not GET or
 * HEAD, then Remix. It opens no database and listens nowhere, so tests can
 * mount it on 127.0.0.1 with any build.
 */
export function createApp({ env, build, publicDir = "public" }: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer, TRUST_PROXY hops of X-Forwarded-For are believed for the client's address.
  app.set("trust proxy", env.TRUST_PROXY);

  app.use(
    securityHeadersMiddleware({
      production: env.NODE_ENV === "production",
      connectSrc: env.NODE_ENV === "development" ? devServerSocket(process.env.REMIX_DEV_ORIGIN) : [],
    }),
  );
  app.use(allowedMethodsMiddleware());
  // Stripe's webhook answers are a few bytes of JSON that no browser reads: compressing them cost a
  // few percent of the server's time per event (decision 041).
  app.use(compression({ filter: (req, res) => req.path !== STRIPE_WEBHOOK_PATH && compression.filter(req, res) }));
  app.use("/build", express.static(`${publicDir}/build`, { immutable: true, maxAge: "1y" }));
  // Only a path that names a file (favicon.svg, modules/quick-exit.js) is looked for on disk: pages
  // have no extension, and each would otherwise cost a failed file lookup before Remix (decision 030).
  const publicFiles = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (FILE_PATH.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(sameOriginMiddleware(env.APP_URL));
  app.use(bodyLimitMiddleware(bodyLimitsFromEnv(env)));
  // Before the page memory: a remembered page is answered only to visitors who want its language.
  app.use(languageRedirectMiddleware(env));
  app.all(
    "*",
    remixHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce as string,
      }),
      nonceKey: env.SESSION_SECRET ?? crypto.randomBytes(32).toString("hex"),
      // In development every request renders, so an edit shows on the next reload.
      pageMemory: createPageMemory({ seconds: env.NODE_ENV === "development" ? 0 : env.PUBLIC_PAGE_MEMORY_SECONDS }),
    }),
  );
  app.use(plainErrorHandler);
  return app;
}
