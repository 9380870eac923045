/**
 * A strict RFC 4180 reader for tests: quoted fields with doubled quotes, CRLF
 * between records. Anything else (a bare LF, a quote inside an unquoted field,
 * text after a closing quote) throws, so a test notices a writer that bends
 * the format.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`CSV: ${message} at offset ${i}`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') fail("quote inside an unquoted field");
        field += text[i];
        i++;
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text[i] === "\r" && text[i + 1] === "\n") {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    if (i >= text.length) break;
    fail("expected a comma or CRLF");
  }
  if (record.length > 0) records.push(record);
  return records;
}
