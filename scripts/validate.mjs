// `npm run validate`: typecheck, lint, formatting, the migrations drift check, then every
// test project (unit, PGlite, real PostgreSQL, browser). Ends with one line,
// "N passed, N failed", taken from Vitest's own JSON report.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const steps = [
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", "npm", ["run", "--silent", "lint"]],
  // `npm run format` fixes what this finds.
  ["formatting (Prettier)", "npm", ["run", "--silent", "format:check"]],
  ["migrations match schema.prisma", "npm", ["run", "--silent", "db:check"]],
  ["chromium present", "bash", ["scripts/ensure-chromium.sh"]],
];

const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) failedSteps.push(name);
}

console.log("\n▶ tests");
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lantern-report-")), "vitest.json");
const tests = spawnSync(
  "npx",
  ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A test file that failed to load counts as a failure too.
  failed += json.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}
if (tests.status !== 0 && failed === 0) failed = 1;

if (failedSteps.length > 0) console.log(`\nFailed checks: ${failedSteps.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedSteps.length > 0 || failed > 0 || tests.status !== 0 ? 1 : 0);
