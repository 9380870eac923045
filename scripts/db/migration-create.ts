/**
 * `npm run db:migration -- --name add_x`: writes
 * prisma/migrations/<YYYYMMDDHHMMSS>_add_x/migration.sql with the SQL that
 * takes the committed migrations to prisma/schema.prisma, like
 * `prisma migrate dev --create-only`, but offline and without a database
 * server (the migrations are replayed on an in-memory PGlite).
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { createMigration, prismaPaths, SchemaEngineError } from "~/db/schema-engine.server";

const USAGE = "Usage: npm run db:migration -- --name <snake_case_name> [--schema <path>]";

const ArgsSchema = z.object({
  name: z
    .string({ error: "--name is required" })
    .regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, "--name must be lower-case snake_case (letters, digits, single underscores), e.g. add_gift_aid")
    .max(100, "--name must be at most 100 characters"),
  // Another schema file than prisma/schema.prisma (e.g. a copy of a committed revision).
  schema: z.string().min(1).optional(),
});

function parseCli(argv: string[]): z.infer<typeof ArgsSchema> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { name: { type: "string" }, schema: { type: "string" } }, strict: true }));
  } catch (error) {
    exitWithUsage(error instanceof Error ? error.message : String(error));
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) exitWithUsage(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return parsed.data;
}

function exitWithUsage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = parseCli(process.argv.slice(2));
const paths = prismaPaths();
if (args.schema) paths.schemaPath = path.resolve(args.schema);

try {
  const created = await createMigration({ ...paths, name: args.name });
  if (!created) {
    console.log(`No changes: ${path.relative(process.cwd(), paths.schemaPath)} matches the migrations; nothing written.`);
  } else {
    console.log(`Created ${path.relative(process.cwd(), created.directory)}/migration.sql:\n\n${created.sql}`);
    if (created.sql.includes("Warnings:")) {
      console.log("Read the warnings at the top of the file: this migration can lose data or fail on existing rows.");
    }
  }
} catch (error) {
  console.error(error instanceof SchemaEngineError ? `Could not create the migration: ${error.message}` : error);
  process.exit(1);
}
