/**
 * Runs a command-line entry point: an expected failure prints its message
 * (no stack trace) and exits non-zero.
 */
export async function runCommand(name: string, main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  }
}
