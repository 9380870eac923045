/**
 * `npm run staff:create -- --email a@b.org --name "A B" --role admin`:
 * creates a staff account. The password is read from STAFF_PASSWORD when set
 * (for automation), otherwise asked for twice on the terminal without echo,
 * or read from the first line of standard input when that is not a terminal.
 */
import { parseArgs } from "node:util";

import { createStaffAccount, newStaffSchema } from "~/staff/accounts.server";
import { readPassword } from "~/server/prompt.server";
import { startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";

await runCommand("staff:create", async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "viewer" } },
    strict: true,
  });
  const password = process.env.STAFF_PASSWORD || (await readPassword("Password (12 or more characters): ", { confirm: true }));
  const parsed = newStaffSchema().safeParse({ ...values, password });
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues
        .map((issue) => (issue.path[0] === "password" ? `password: ${issue.message}` : `--${issue.path.join(".")}: ${issue.message}`))
        .join("; "),
    );
  }
  const env = loadEnvOrExit();
  const database = await startDatabase(env, { log: () => {} });
  try {
    const { id } = await createStaffAccount(parsed.data, { actorId: null });
    console.log(`Created ${parsed.data.role} ${parsed.data.email} (${id}). Sign in at ${env.APP_URL}/admin/sign-in`);
  } finally {
    await database.close();
  }
});
