/**
 * `npm run db:check`: fails when prisma/schema.prisma describes a database
 * that the committed migrations do not build, and prints the missing SQL.
 * Offline; the migrations are replayed on an in-memory PGlite.
 */
import path from "node:path";

import { z } from "zod";

import { diffMigrationsAgainstSchema, prismaPaths, SchemaEngineError } from "~/db/schema-engine.server";

const args = z.tuple([], { error: "db:check takes no arguments" }).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(`${args.error.issues[0]?.message}\nUsage: npm run db:check`);
  process.exit(2);
}

const paths = prismaPaths();
const schemaName = path.relative(process.cwd(), paths.schemaPath);

try {
  const { sql } = await diffMigrationsAgainstSchema(paths);
  if (sql === null) {
    console.log(`OK: the migrations match ${schemaName}.`);
  } else {
    console.error(
      `${schemaName} differs from what prisma/migrations builds. The migrations lack:\n\n${sql.trim()}\n\n` +
        "Create a migration for it: npm run db:migration -- --name <what_changed>",
    );
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof SchemaEngineError ? `Could not compare the migrations with ${schemaName}: ${error.message}` : error);
  process.exit(1);
}
