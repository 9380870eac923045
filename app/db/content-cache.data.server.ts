import pg from "pg";

import type { Database } from "~/db/database.server";

/**
 * Rows that change rarely and are read by every page (the organisation's
 * settings, the published campaigns) kept in memory, and dropped the moment
 * they change, in this process and in every other one (decision 030).
 *
 * Two scopes: "content" (the organisation, the campaigns) and "figures"
 * (what changes with gifts: the totals and the donor wall). A statement that
 * writes one of their tables fires a trigger that sends NOTIFY on
 * CONTENT_CHANNEL, naming the table, when its transaction commits. The
 * server listens on that channel (PGlite: in its own instance; PostgreSQL: on
 * one connection of its own) and drops what it kept of that table's scope.
 * While it is not listening (not started, or the listening connection is
 * lost and being re-opened) nothing is kept: every read goes to the
 * database, so a missed notice can never leave a page stale.
 *
 * The state lives on globalThis: the Remix build bundles its own copy of
 * this module, separate from the copy server.ts starts the listener with.
 */
export const CONTENT_CHANNEL = "lantern_content";

/** How long to wait before opening a lost listening connection again. */
const RECONNECT_MS = 2_000;

export type ContentScope = "content" | "figures";

/** Which scope a table's notice drops (any other table: everything). */
const SCOPE_OF_TABLE: Record<string, ContentScope> = {
  Campaign: "content",
  Organisation: "content",
  CampaignTotals: "figures",
  Donation: "figures",
  Donor: "figures",
  Pledge: "figures",
};

/** Entries kept at most per scope (one per campaign and page shape); past it, the scope starts again. */
const MAX_ENTRIES = 1_000;

interface Entry {
  generation: number;
  value: Promise<unknown>;
}

interface ScopeState {
  generation: number;
  entries: Map<string, Entry>;
}

interface CacheState {
  listening: boolean;
  scopes: Record<ContentScope, ScopeState>;
}

const registry = globalThis as typeof globalThis & { __lanternContentCache?: CacheState };

function state(): CacheState {
  registry.__lanternContentCache ??= {
    listening: false,
    scopes: { content: { generation: 0, entries: new Map() }, figures: { generation: 0, entries: new Map() } },
  };
  return registry.__lanternContentCache;
}

/**
 * The value kept under `key`, or `load()`'s (kept while nothing changes).
 * A load that was under way when a change arrived is not used again.
 */
export function cachedContent<T>(key: string, load: () => Promise<T>, scope: ContentScope = "content"): Promise<T> {
  const cache = state();
  if (!cache.listening) return load();
  const kept = cache.scopes[scope];
  const hit = kept.entries.get(key);
  if (hit && hit.generation === kept.generation) return hit.value as Promise<T>;
  if (kept.entries.size >= MAX_ENTRIES) kept.entries.clear();
  const value = load();
  const entry: Entry = { generation: kept.generation, value };
  kept.entries.set(key, entry);
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (kept.entries.get(key) === entry) kept.entries.delete(key);
  });
  return value;
}

/** Forgets what was kept in one scope, or in all (a notice came, or this process just changed a row itself). */
export function contentChanged(scope?: ContentScope): void {
  const cache = state();
  for (const name of scope ? [scope] : (Object.keys(cache.scopes) as ContentScope[])) {
    cache.scopes[name].generation++;
    cache.scopes[name].entries.clear();
  }
}

/** A notice's payload is the table written. */
function noticeReceived(table: string | undefined): void {
  contentChanged(table === undefined ? undefined : SCOPE_OF_TABLE[table]);
}

/** Whether rows are being kept (the listener is up). */
export function contentCacheActive(): boolean {
  return state().listening;
}

function setListening(listening: boolean): void {
  // Whatever was kept may have changed while nobody listened.
  contentChanged();
  state().listening = listening;
}

/**
 * Starts keeping rows for this process's database: listens for the change
 * notices and re-listens after a lost connection. Returns a function that stops.
 */
export async function startContentCache(
  database: Database,
  options: { log?: (message: string) => void } = {},
): Promise<() => Promise<void>> {
  const log = options.log ?? ((message: string) => console.error(message));
  if (database.pglite) {
    const unlisten = await database.pglite.listen(CONTENT_CHANNEL, (payload) => noticeReceived(payload));
    setListening(true);
    return async () => {
      setListening(false);
      await unlisten();
    };
  }
  if (database.target.kind !== "postgres") return async () => {};
  const url = database.target.url;
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;

  const lost = (reason: string) => {
    if (stopped || !client) return;
    setListening(false);
    const old = client;
    client = undefined;
    old.removeAllListeners();
    old.on("error", () => {});
    void old.end().catch(() => {});
    log(`Content change notices lost (${reason}); pages read the database until they are back.`);
    timer = setTimeout(() => void connect(), RECONNECT_MS);
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client = next;
    next.on("notification", (notice) => noticeReceived(notice.payload));
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("connection closed"));
    try {
      await next.connect();
      await next.query(`LISTEN ${CONTENT_CHANNEL}`);
      if (client === next && !stopped) setListening(true);
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
    }
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    setListening(false);
    const last = client;
    client = undefined;
    if (last) {
      last.removeAllListeners();
      last.on("error", () => {});
      await last.end().catch(() => {});
    }
  };
}
