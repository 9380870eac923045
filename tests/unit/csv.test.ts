import { describe, expect, it } from "vitest";

import { csvField, csvNumber, csvRecord } from "~/utils/csv.server";

import { parseCsv } from "../support/csv";

describe("CSV writer", () => {
  it("quotes only fields that need it, doubling quotes, and ends records with CRLF", () => {
    expect(csvRecord(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", "", null, undefined])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere",,,\r\n',
    );
  });

  it("neutralises text a spreadsheet would read as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("\tTAB")).toBe("'\tTAB");
    expect(csvField("\rCR")).toBe(`"'\rCR"`);
    expect(csvField("Ada = Lovelace")).toBe("Ada = Lovelace");
  });

  it("writes our own numbers as numbers, negative ones included", () => {
    expect(csvField(csvNumber("51.44"))).toBe("51.44");
    expect(csvField(csvNumber("-3.00"))).toBe("-3.00");
    expect(csvField(csvNumber(0))).toBe("0");
    expect(() => csvNumber("=1+1")).toThrow(TypeError);
    expect(() => csvNumber("1e5")).toThrow(TypeError);
  });

  it("reads back to the same values (apart from the neutralising quote)", () => {
    const cells = ["García, Müller", 'He said "no"', "line1\r\nline2", "=cmd", "ok"];
    const [record] = parseCsv(csvRecord(cells) + csvRecord(["x"]));
    expect(record).toEqual(["García, Müller", 'He said "no"', "line1\r\nline2", "'=cmd", "ok"]);
  });
});
