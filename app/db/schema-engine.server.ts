/**
 * Prisma's schema engine (the part of Prisma that creates, diffs and applies
 * migrations), run in-process from `@prisma/schema-engine-wasm` over a driver
 * adapter. The Prisma CLI would download a native engine binary for this, and
 * this project has no internet but the npm registry; the WASM build is the
 * same Rust code, so it writes the same `_prisma_migrations` rows and the same
 * SQL. See docs/decisions/002-offline-migrations.md.
 *
 * The package is internal to Prisma and its API changes without notice: its
 * version is pinned exactly in package.json. Everything that touches it goes
 * through this file.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type { MigrationList, SchemasContainer } from "@prisma/schema-engine-wasm";

// ---------------------------------------------------------------------------
// Loading the WASM module
// ---------------------------------------------------------------------------

/** What we use of the wasm-bindgen glue module `schema_engine_bg.js`. */
interface SchemaEngineBindings {
  SchemaEngine: typeof SchemaEngine;
  version(): string;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

/**
 * The glue module holds the WASM instance in a module-level variable, and Node
 * loads the glue once per process. So the instance must be once per process
 * too, even when this file is loaded several times (the Remix server build
 * bundles its own copy; Vitest gives each project its own module graph): a
 * second instantiation would swap the memory under engines still running on
 * the first, and they would crash reading garbage. Hence a global, not a
 * module variable.
 */
const ENGINE_KEY = Symbol.for("lantern.schemaEngineWasm");

interface EngineGlobals {
  [ENGINE_KEY]?: Promise<SchemaEngineBindings>;
  /** Where the engine's panic hook writes (the glue calls it by this name). */
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
}

const engineGlobals = globalThis as typeof globalThis & EngineGlobals;
let lastPanic: string | undefined;

/**
 * Loads and starts the WASM engine once per process. The package's own entry
 * point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
 * cannot import, so we do by hand what a bundler would: instantiate the .wasm
 * with the glue module as its import object, hand the exports back to the glue
 * and run the start function.
 */
export function loadSchemaEngine(): Promise<SchemaEngineBindings> {
  // Without a registry a Rust panic would end in a TypeError inside the WASM
  // call and its message would be lost; the Prisma CLI defines one too.
  engineGlobals.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      lastPanic = message;
    },
  };
  const loading = (engineGlobals[ENGINE_KEY] ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as SchemaEngineBindings;
    const bytes = await fs.promises.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports["__wbindgen_start"];
    if (typeof start !== "function") throw new Error("schema engine WASM has no __wbindgen_start export");
    start();
    return glue;
  })());
  loading.catch(() => {
    // Let a later call retry instead of caching the failure forever.
    if (engineGlobals[ENGINE_KEY] === loading) delete engineGlobals[ENGINE_KEY];
  });
  return loading;
}

// ---------------------------------------------------------------------------
// Driver adapters the engine can safely use
// ---------------------------------------------------------------------------

/** Runs a multi-statement SQL script on one session and really waits for it. */
type ScriptRunner = (script: string) => Promise<void>;

/**
 * Postgres errors (from pg and from PGlite alike) carry a SQLSTATE code. The
 * engine only shows the message of errors it receives as DriverAdapterError;
 * any other thrown value becomes "External error id#0" in its output and in
 * `_prisma_migrations.logs`, which tells nobody what went wrong.
 */
function asDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as Error & { code?: unknown; severity?: unknown; detail?: unknown; column?: unknown; hint?: unknown };
  if (typeof fields.code !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: fields.code,
    severity: typeof fields.severity === "string" ? fields.severity : "ERROR",
    message: error.message,
    detail: typeof fields.detail === "string" ? fields.detail : undefined,
    column: typeof fields.column === "string" ? fields.column : undefined,
    hint: typeof fields.hint === "string" ? fields.hint : undefined,
  });
}

/**
 * Sends the whole script as one simple-protocol query. PostgreSQL then runs
 * its statements as a single implicit transaction, which is what the native
 * engine does too: a migration that fails half-way leaves nothing behind.
 */
function scriptRunner(exec: (script: string) => Promise<unknown>): ScriptRunner {
  return async (script) => {
    try {
      await exec(script);
    } catch (error) {
      throw asDriverAdapterError(error);
    }
  };
}

/**
 * The adapter with our own `executeScript`. pglite-prisma-adapter's version
 * does not await the SQL (errors are lost and a failed migration would be
 * recorded as applied); adapter-pg's splits the script on every ";" (breaks on
 * semicolons in strings or function bodies) and runs the pieces on whichever
 * pooled connection is free, outside any transaction.
 */
function withScriptRunner(adapter: SqlDriverAdapter, runScript: ScriptRunner, onDispose?: () => Promise<void>): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: runScript,
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo ? () => adapter.getConnectionInfo!() : undefined,
    dispose: async () => {
      await adapter.dispose();
      await onDispose?.();
    },
  };
}

let pristineDataDir: Promise<File | Blob> | undefined;

/**
 * A new, empty in-memory PGlite. The first one pays for initdb (~2.5 s); its
 * untouched data directory is kept and later ones start from a copy (~0.7 s).
 */
export async function createScratchPGlite(): Promise<PGlite> {
  pristineDataDir ??= (async () => {
    const fresh = await PGlite.create();
    try {
      return await fresh.dumpDataDir("none");
    } finally {
      await fresh.close();
    }
  })();
  pristineDataDir.catch(() => {
    pristineDataDir = undefined;
  });
  return PGlite.create({ loadDataDir: await pristineDataDir });
}

/**
 * A shadow database is where the engine replays the migrations to learn the
 * schema they build. It expects a new, empty database on every call (it never
 * resets one), and gives it back with `dispose()`. We always use an in-memory
 * PGlite: adapter-pg's own `connectToShadowDb()` creates a database but then
 * connects to the main one (its connection string wins over the database
 * name), and pglite-prisma-adapter's never closes what it opens.
 */
async function connectScratchShadow(): Promise<SqlDriverAdapter> {
  const shadow = await createScratchPGlite();
  const adapter = await new PrismaPGlite(shadow).connect();
  return withScriptRunner(
    adapter,
    scriptRunner((sql) => shadow.exec(sql)),
    () => shadow.close(),
  );
}

const PG_CHAR_OID = 18; // Postgres's internal one-byte "char" (pg_class.relkind, pg_constraint.contype ...)
const PG_TEXT_OID = 25;

/**
 * adapter-pg refuses result columns of type "char", which the engine's schema
 * describer reads from the catalogs (introspection, drift checks on a live
 * server). Its values arrive as strings anyway: the pool reports those columns
 * as text, so adapter-pg accepts them, and remembers which they were (by the
 * result's rows array, which adapter-pg passes on as it is). `asCharColumns`
 * then gives them back their type, Character, which the describer reads as a
 * one-letter value (pg_constraint.contype of a constraint trigger, 't', is
 * read that way; as text the describer fails on it).
 */
function readCharColumnsAsText(pool: pg.Pool): (adapter: SqlDriverAdapter) => SqlDriverAdapter {
  const charColumns = new WeakMap<unknown[], number[]>();
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult | pg.QueryResult[]>;
  const patched = async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const part of Array.isArray(result) ? result : [result]) {
      const found: number[] = [];
      (part.fields ?? []).forEach((field, index) => {
        if (field.dataTypeID !== PG_CHAR_OID) return;
        field.dataTypeID = PG_TEXT_OID;
        found.push(index);
      });
      if (found.length > 0 && Array.isArray(part.rows)) charColumns.set(part.rows, found);
    }
    return result;
  };
  // adapter-pg only calls the promise form `pool.query(config)`.
  (pool as unknown as { query: typeof patched }).query = patched;
  return (adapter) => ({
    ...withScriptRunner(adapter, adapter.executeScript.bind(adapter)),
    queryRaw: async (sql) => {
      const result = await adapter.queryRaw(sql);
      for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
      return result;
    },
  });
}

/** The database the engine works on (the shadow is always a scratch PGlite). */
export type EngineTarget =
  | {
      kind: "pglite";
      pglite: PGlite;
      /** The app's adapter factory over that PGlite, if one exists already. */
      adapterFactory?: SqlMigrationAwareDriverAdapterFactory;
    }
  | { kind: "postgres"; url: string };

interface EngineAdapterFactory {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

function engineAdapterFactory(target: EngineTarget): EngineAdapterFactory {
  let base: SqlMigrationAwareDriverAdapterFactory;
  let runScript: ScriptRunner;
  let close: () => Promise<void>;

  if (target.kind === "pglite") {
    const { pglite } = target;
    base = target.adapterFactory ?? new PrismaPGlite(pglite);
    runScript = scriptRunner((sql) => pglite.exec(sql));
    close = async () => {};
  } else {
    // One connection, kept for the whole session: the engine takes Prisma's
    // advisory lock (the same one the Prisma CLI takes) with a plain query and
    // counts on every later statement running in that session. With a pool of
    // several connections the lock would sit on a random one, and a second
    // lock call could wait forever on the first.
    const pool = new pg.Pool({ connectionString: target.url, max: 1, idleTimeoutMillis: 0, connectionTimeoutMillis: 10_000 });
    const rawQuery = pool.query.bind(pool) as (text: string) => Promise<unknown>;
    const asCharColumns = readCharColumnsAsText(pool);
    const pgFactory = new PrismaPg(pool);
    base = {
      provider: pgFactory.provider,
      adapterName: pgFactory.adapterName,
      connect: async () => asCharColumns(await pgFactory.connect()),
      connectToShadowDb: () => pgFactory.connectToShadowDb(),
    };
    runScript = scriptRunner((sql) => rawQuery(sql));
    close = () => pool.end();
  }

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withScriptRunner(await base.connect(), runScript),
    connectToShadowDb: connectScratchShadow,
  };
  return { factory, close };
}

// ---------------------------------------------------------------------------
// Engine sessions
// ---------------------------------------------------------------------------

/** An error reported by the schema engine, with Prisma's error code if any (P3009 ...). */
export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The engine's messages end with a Rust span trace ("   0: schema_engine_wasm::...");
 * useful to Prisma's developers, noise to ours.
 */
function toEngineError(error: unknown): SchemaEngineError {
  if (error instanceof SchemaEngineError) return error;
  if (error instanceof WebAssembly.RuntimeError) {
    // A Rust panic. Nothing is safe to call on that instance any more: let the
    // next session load a fresh one.
    delete engineGlobals[ENGINE_KEY];
    return new SchemaEngineError(`The schema engine crashed: ${lastPanic ?? error.message}`, undefined, { cause: error });
  }
  const raw = error instanceof Error ? error.message : String(error);
  // "external connector error" only says the error came through the adapter.
  const message = raw
    .split(/\n\s+0: /)[0]!
    .replace(/^external connector error\n/, "")
    .trim();
  const code = (error as { code?: unknown } | null)?.code;
  return new SchemaEngineError(message, typeof code === "string" ? code : undefined, { cause: error });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toEngineError(error);
  }
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface SchemaEngineSession {
  /** Applies every migration in the list that the database has not applied yet. */
  applyMigrations(migrations: MigrationList): Promise<{ applied: string[] }>;
  /** Compares the migrations table with the list, without a shadow database. */
  diagnoseHistory(migrations: MigrationList): Promise<DiagnoseMigrationHistoryOutput>;
  /** The underlying engine, for operations this module does not wrap. */
  readonly engine: SchemaEngine;
  close(): Promise<void>;
}

export interface OpenSchemaEngineOptions {
  /** The Prisma schema; needed only by commands that compare against it. */
  schema?: SchemasContainer;
  /** Receives the engine's own log lines (JSON), for debugging. */
  onEngineLog?: (line: string) => void;
}

/** Starts the engine on a database. Close the session to free its connection. */
export async function openSchemaEngine(target: EngineTarget, options: OpenSchemaEngineOptions = {}): Promise<SchemaEngineSession> {
  const bindings = await loadSchemaEngine();
  const adapters = engineAdapterFactory(target);
  let engine: SchemaEngine;
  try {
    engine = await call(() =>
      bindings.SchemaEngine.new(
        { datamodels: options.schema?.files.map((file): [string, string] => [file.path, file.content]) },
        (line: string) => options.onEngineLog?.(line),
        bindMigrationAwareSqlAdapterFactory(adapters.factory),
      ),
    );
  } catch (error) {
    await adapters.close();
    throw error;
  }

  let closed = false;
  return {
    engine,
    applyMigrations: async (migrations) => {
      const output = await call(() => engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTER }));
      return { applied: output.appliedMigrationNames };
    },
    diagnoseHistory: (migrations) =>
      call(() => engine.diagnoseMigrationHistory({ migrationsList: migrations, optInToShadowDatabase: false, filters: NO_FILTER })),
    close: async () => {
      if (closed) return;
      closed = true;
      engine.free();
      await adapters.close();
    },
  };
}

// ---------------------------------------------------------------------------
// The migrations folder, read and written the way the Prisma CLI does
// ---------------------------------------------------------------------------

export const MIGRATION_LOCK_FILE = "migration_lock.toml";
const MIGRATION_SCRIPT_FILE = "migration.sql";

/** The lock file exactly as the Prisma CLI writes it. */
export function migrationLockContent(provider = "postgresql"): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

/** What `_prisma_migrations.checksum` holds: sha256 (hex) of the migration.sql bytes. */
export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Reads the migrations folder into the engine's input, like the Prisma CLI:
 * every sub-folder is a migration named after the folder, sorted by name, and
 * a missing folder is an empty history.
 */
export async function readMigrationsDirectory(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await fs.promises.readFile(path.join(baseDir, MIGRATION_LOCK_FILE), "utf8").catch(() => null);
  const entries = await fs.promises.readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });

  const directories: MigrationDirectory[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const content = await fs.promises.readFile(path.join(baseDir, entry.name, MIGRATION_SCRIPT_FILE), "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    directories.push({ path: entry.name, migrationFile: { path: MIGRATION_SCRIPT_FILE, content } });
  }
  directories.sort((a, b) => a.path.localeCompare(b.path));

  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: directories,
  };
}

/** Reads a schema file, or every .prisma file under a folder (multi-file schemas). */
export async function readPrismaSchema(schemaPath: string): Promise<SchemasContainer> {
  const resolved = path.resolve(schemaPath);
  const stat = await fs.promises.stat(resolved);
  const paths = stat.isDirectory()
    ? (await fs.promises.readdir(resolved, { recursive: true }))
        .filter((name) => name.endsWith(".prisma"))
        .sort()
        .map((name) => path.join(resolved, name))
    : [resolved];
  const files = await Promise.all(paths.map(async (file) => ({ path: file, content: await fs.promises.readFile(file, "utf8") })));
  return { files };
}

/** Where a project keeps its schema and migrations (Prisma's default layout). */
export interface PrismaPaths {
  schemaPath: string;
  migrationsDir: string;
}

export function prismaPaths(projectRoot = process.cwd()): PrismaPaths {
  return {
    schemaPath: path.join(projectRoot, "prisma", "schema.prisma"),
    migrationsDir: path.join(projectRoot, "prisma", "migrations"),
  };
}

// ---------------------------------------------------------------------------
// Comparing the schema with the migrations, and writing new migrations
// ---------------------------------------------------------------------------

/** Opens an engine on a throwaway in-memory database, for work that needs no real one. */
async function withScratchEngine<T>(
  schema: SchemasContainer,
  work: (session: SchemaEngineSession, scratch: PGlite) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchPGlite();
  try {
    const session = await openSchemaEngine({ kind: "pglite", pglite: scratch }, { schema });
    try {
      return await work(session, scratch);
    } finally {
      await session.close();
    }
  } finally {
    await scratch.close();
  }
}

/**
 * The SQL that would bring a database built by the committed migrations to
 * the schema, or null when they agree. No server is needed: the migrations are
 * replayed on an in-memory PGlite.
 */
export async function diffMigrationsAgainstSchema(paths: PrismaPaths): Promise<{ sql: string | null }> {
  const schema = await readPrismaSchema(paths.schemaPath);
  const migrations = await readMigrationsDirectory(paths.migrationsDir);
  // The engine learns the provider of a migration history from its lock file;
  // a project without migrations yet has none.
  migrations.lockfile.content ??= migrationLockContent();
  return withScratchEngine(schema, async ({ engine }) => {
    const result = await call(() =>
      engine.diff({
        from: { tag: "migrations", ...migrations },
        to: { tag: "schemaDatamodel", ...schema },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      }),
    );
    // exitCode 2 means "the diff is not empty", as in `prisma migrate diff --exit-code`.
    return { sql: result.exitCode === 2 ? (result.stdout ?? "") : null };
  });
}

export interface CreatedMigration {
  /** Folder name, `<YYYYMMDDHHMMSS>_<name>` in UTC, as Prisma names it. */
  name: string;
  /** Absolute path of the new folder. */
  directory: string;
  sql: string;
}

/**
 * Writes a new migration that takes the committed migrations to the schema,
 * like `prisma migrate dev --create-only`; returns null (and writes nothing)
 * when there is nothing to migrate.
 */
export async function createMigration(paths: PrismaPaths & { name: string }): Promise<CreatedMigration | null> {
  const schema = await readPrismaSchema(paths.schemaPath);
  const migrations = await readMigrationsDirectory(paths.migrationsDir);

  const output = await withScratchEngine(schema, async (session) => {
    // createMigration reads the schema the migrations build from a cache that
    // only devDiagnostic fills, and devDiagnostic caches the migrations the
    // database has applied. So: apply them all to the scratch database first,
    // then diagnose, then create (the order `prisma migrate dev` follows).
    await session.applyMigrations(migrations);
    const diagnostic = await call(() => session.engine.devDiagnostic({ migrationsList: migrations, filters: NO_FILTER }));
    if (diagnostic.action.tag === "reset") {
      throw new SchemaEngineError(`The migration history is inconsistent: ${diagnostic.action.reason}`, undefined);
    }
    return call(() =>
      session.engine.createMigration({
        draft: false,
        migrationName: paths.name,
        migrationsList: migrations,
        schema,
        filters: NO_FILTER,
      }),
    );
  });

  if (output.migrationScript === null) return null;

  const directory = path.join(migrations.baseDir, output.generatedMigrationName);
  // Like the CLI: never overwrite an existing migration.
  await fs.promises.mkdir(migrations.baseDir, { recursive: true });
  await fs.promises.mkdir(directory);
  await fs.promises.writeFile(path.join(directory, `migration.${output.extension}`), output.migrationScript, "utf8");
  await fs.promises.writeFile(path.join(migrations.baseDir, MIGRATION_LOCK_FILE), migrationLockContent(output.connectorType), "utf8");
  return { name: output.generatedMigrationName, directory, sql: output.migrationScript };
}
