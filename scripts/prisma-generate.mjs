// Generates the Prisma client after install. The Prisma CLI wants to fetch a
// native schema-engine binary even for `generate`; pointing it at /bin/false
// keeps it offline (generation itself needs no engine).
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
