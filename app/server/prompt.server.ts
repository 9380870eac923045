import readline from "node:readline";

/** Reads one line from standard input; on a terminal the typing is not echoed. */
function readSecretLine(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolve, reject) => {
      const lines = readline.createInterface({ input });
      lines.once("line", (line) => {
        resolve(line);
        lines.close();
      });
      lines.once("close", () => reject(new Error("no password given on standard input (or set STAFF_PASSWORD)")));
    });
  }
  return new Promise((resolve) => {
    process.stdout.write(question);
    const lines = readline.createInterface({ input, output: process.stdout, terminal: true });
    // Write nothing for each key typed.
    (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
    lines.question("", (answer) => {
      lines.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

export async function readPassword(question: string, options: { confirm?: boolean } = {}): Promise<string> {
  const first = await readSecretLine(question);
  if (options.confirm && process.stdin.isTTY) {
    const second = await readSecretLine("Again, to confirm: ");
    if (first !== second) throw new Error("the two passwords differ");
  }
  return first;
}
