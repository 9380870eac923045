import { execFile } from "node:child_process";
import path from "node:path";

/**
 * The text a PDF reader finds in a PDF (what a donor could copy out of it),
 * its document title and page count, read by pdf-parse in a child process
 * (see pdf-text-cli.mjs).
 */
export function pdfText(body: ArrayBuffer | Uint8Array): Promise<{ text: string; title: string | null; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(__dirname, "pdf-text-cli.mjs")],
      { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as { text: string; title: string | null; pages: number });
      },
    );
    child.stdin?.end(Buffer.from(body instanceof Uint8Array ? body : new Uint8Array(body)));
  });
}
