// Reads a PDF on stdin and prints {text, title, pages} as JSON, with pdf-parse
// (PDF.js), in a Node process of its own so that PDF.js, its fake worker and
// its globals stay out of the test process. Each reading gets its own copy
// of the bytes: PDF.js takes over (detaches) the buffer it is given.
import { Buffer } from "node:buffer";
import process from "node:process";

import { PDFParse } from "pdf-parse";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bytes = Buffer.concat(chunks);

async function read(what) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return await what(parser);
  } finally {
    await parser.destroy();
  }
}

const text = await read((parser) => parser.getText());
const info = await read((parser) => parser.getInfo());
const title = info.info?.Title;
process.stdout.write(JSON.stringify({ text: text.text, title: typeof title === "string" ? title : null, pages: text.total }));
