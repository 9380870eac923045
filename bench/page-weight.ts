/**
 * What a first visit to a page downloads: the HTML and every stylesheet,
 * script module and icon it names, each measured gzip-compressed (as the
 * server sends them to a browser that accepts gzip).
 */
import zlib from "node:zlib";

export interface PageWeight {
  /** Which page, as the report names it. */
  page?: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  jsFiles: number;
  otherGzip: number;
  totalGzip: number;
  /** The same, before compression. */
  totalRaw: number;
}

function gzipSize(body: Buffer): number {
  return zlib.gzipSync(body).length;
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function pageWeight(pageUrl: string): Promise<PageWeight> {
  const html = await download(pageUrl);
  const text = html.toString("utf8");
  const resources = new Map<string, "css" | "js" | "other">();
  for (const tag of text.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const href = /\b(?:href|src)="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (tag.startsWith("<script") || /rel="modulepreload"/.test(tag)) resources.set(href, "js");
    else if (/rel="stylesheet"/.test(tag)) resources.set(href, "css");
    else if (/rel="(icon|preload)"/.test(tag)) resources.set(href, "other");
  }
  const weight: PageWeight = {
    htmlGzip: gzipSize(html),
    cssGzip: 0,
    jsGzip: 0,
    jsFiles: 0,
    otherGzip: 0,
    totalGzip: 0,
    totalRaw: html.length,
  };
  for (const [href, kind] of resources) {
    const body = await download(new URL(href, pageUrl).toString());
    const size = gzipSize(body);
    weight.totalRaw += body.length;
    if (kind === "css") weight.cssGzip += size;
    else if (kind === "js") {
      weight.jsGzip += size;
      weight.jsFiles++;
    } else weight.otherGzip += size;
  }
  weight.totalGzip = weight.htmlGzip + weight.cssGzip + weight.jsGzip + weight.otherGzip;
  return weight;
}
