/**
 * Lantern's HTTP server: parses the environment, opens and migrates the
 * database, then serves the Remix app. `npm run dev` runs it under
 * `remix dev --manual`; `npm start` runs it on the production build.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { broadcastDevReady, type ServerBuild } from "@remix-run/node";

import { startContentCache } from "~/db/content-cache.data.server";
import { createApp } from "~/server/app.server";
import { describeTarget, startDatabase } from "~/server/bootstrap.server";
import { sendPolicyFromEnv, startEmailSender } from "~/email/sender.server";
import { createMailTransport } from "~/email/transport.server";
import { startStripeSandbox } from "~/payments/sandbox/start.server";
import { loadEnvOrExit } from "~/server/load-env.server";
import { demoAdminCredentials } from "~/utils/local-secrets.server";

const env = loadEnvOrExit();
const development = env.NODE_ENV === "development";
const BUILD_PATH = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  // A query string defeats the ESM cache so a rebuilt bundle is picked up in dev.
  const url = pathToFileURL(BUILD_PATH).href + (development ? `?t=${Date.now()}` : "");
  return (await import(url)) as ServerBuild;
}

if (!fs.existsSync(BUILD_PATH)) {
  console.error("No server build at build/index.js: run `npm run build` (or use `npm run dev`).");
  process.exit(1);
}

const demoAdmin = development ? demoAdminCredentials(env) : undefined;
const database = await startDatabase(env, { seed: development, demoAdmin }).catch((error: unknown) => {
  console.error(`Lantern cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
// Settings and published campaigns kept in memory, dropped on the database's change notices (decision 030).
const stopContentCache = await startContentCache(database);
if (env.sandbox) startStripeSandbox();
const mailTransport = createMailTransport({ smtpUrl: env.SMTP_URL, dataDir: env.DATA_DIR });
const stopEmailSender =
  env.EMAIL_SEND_INTERVAL_SECONDS > 0
    ? startEmailSender(mailTransport, sendPolicyFromEnv(env), env.EMAIL_SEND_INTERVAL_SECONDS * 1000)
    : () => {};
let build = await importBuild();
const app = createApp({ env, build: () => build });

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(
    `Lantern on ${env.APP_URL} (listening on ${env.HOST}:${env.PORT}; ${describeTarget(database)}${env.sandbox ? "; Stripe sandbox: no money moves" : ""}; email: ${mailTransport.describe()})`,
  );
  if (demoAdmin) console.log(`Staff pages: ${env.APP_URL}/admin (demo admin: ${demoAdmin.email} / ${demoAdmin.password})`);
  if (development) void broadcastDevReady(build);
});

if (development) {
  // remix dev --manual rebuilds in place; reload the bundle without restarting
  // (the embedded database stays open).
  let timer: NodeJS.Timeout | undefined;
  fs.watch(path.dirname(BUILD_PATH), () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        build = await importBuild();
        await broadcastDevReady(build);
      } catch (error) {
        console.error("Reloading the build failed:", error);
      }
    }, 100);
  });
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close();
  stopEmailSender();
  mailTransport.close();
  await stopContentCache().catch((error: unknown) => console.error(error));
  await database.close().catch((error: unknown) => console.error(error));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
