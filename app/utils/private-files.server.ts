import fs from "node:fs";
import path from "node:path";

/**
 * DATA_DIR holds the embedded database (every donor and gift), generated
 * secrets and the outbox's .eml files (receipts, live manage links): only the
 * account that runs Lantern may read or write any of it, whatever the umask
 * of the shell or service manager that started it. Folders are 0700 and
 * files 0600. Explicit modes are set where Lantern writes; PGlite unpacks its
 * initial database with modes of its own (0666), so the tree is also put
 * right after it opens, and at every start for folders made by older
 * versions or by hand.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** From now on, files and folders this process creates are its owner's only (umask 077). */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

/** Creates `dir` (and missing parents) as private folders; makes an existing one private. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Writes a file that only its owner may read, also when it already existed with a wider mode. */
export function writePrivateFile(file: string, contents: string | Uint8Array, options: { exclusive?: boolean } = {}): void {
  fs.writeFileSync(file, contents, { mode: PRIVATE_FILE_MODE, flag: options.exclusive ? "wx" : "w" });
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Makes `root` and everything under it private (folders 0700, files 0600).
 * Symbolic links are left alone and never followed.
 */
export function makeTreePrivate(root: string): void {
  const visit = (target: string, stat: fs.Stats) => {
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((stat.mode & 0o777) !== wanted) fs.chmodSync(target, wanted);
    if (!stat.isDirectory()) return;
    for (const entry of fs.readdirSync(target)) {
      const child = path.join(target, entry);
      visit(child, fs.lstatSync(child));
    }
  };
  if (fs.existsSync(root)) visit(root, fs.lstatSync(root));
}

/**
 * Prepares DATA_DIR at start-up: refuses a folder that is not Lantern's own
 * (the file-system root, a shared sticky folder such as /tmp, the project
 * folder itself or one of its parents), creates it, and makes all of it
 * private.
 */
export function prepareDataDir(dataDir: string): void {
  const resolved = path.resolve(dataDir);
  const notOwn = (reason: string) =>
    new Error(
      `DATA_DIR ${resolved} is ${reason}; give Lantern a folder of its own (the default is ./data), since everything in it is made private to this account.`,
    );
  if (resolved === path.parse(resolved).root) throw notOwn("the file-system root");
  const cwd = process.cwd();
  if (cwd === resolved || cwd.startsWith(`${resolved}${path.sep}`)) throw notOwn("the folder Lantern runs from, or one of its parents");
  if (fs.existsSync(resolved) && (fs.statSync(resolved).mode & 0o1000) !== 0) throw notOwn("a shared folder (its sticky bit is set)");
  makePrivateDir(resolved);
  makeTreePrivate(resolved);
}
