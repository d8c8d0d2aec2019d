import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { problemLines } from '../i18n/problem-text';
import { createInvitation, invitationLink } from './auth/invitations';
import { TEAM_ROLES, type TeamRole } from './auth/member';
import { hashToken } from './auth/tokens';
import { readBackup } from './backup/read-backup';
import { RestoreError, restoreBackup } from './backup/restore-backup';
import { writeBackup } from './backup/write-backup';
import { readConfig, type ServerConfig } from './config';
import { createServer } from './create-server';
import type { Database } from './db/database';
import { openDatabase } from './db/open-database';
import { recordAudit } from './store/audit-log';

export const USAGE = `Usage:
  npm run server                                         start the server (PORT, DATABASE_URL, MOATSCORE_DATA_DIR, TRUST_PROXY, PUBLIC_URL)
  npm run server -- invite --role owner|partner|founder [--deal KEY]
                                                         print a one-time invitation link (valid 7 days)
  npm run server -- backup FILE                          write every assessment as a Moatscore bundle
  npm run server -- restore FILE [--author USERNAME]     read a bundle back, all or nothing`;

class UsageError extends Error {}

/** The server's command line; returns an exit code (0 ok, 1 failed, 2 usage), or null while serving. */
export async function runServerCli(
  argv: readonly string[],
  config: ServerConfig = readConfig(),
): Promise<number | null> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      deal: { type: 'string' },
      author: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command = 'serve', ...files] = positionals;
  if (values.help === true) {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'serve':
      await serve(config);
      return null;
    case 'invite':
      return withDatabase(config, (db) => invite(db, config, values.role, values.deal));
    case 'backup':
      return withDatabase(config, (db) => backup(db, single(files, 'backup')));
    case 'restore':
      return withDatabase(config, (db) =>
        restore(db, single(files, 'restore'), values.author ?? null),
      );
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function single(files: readonly string[], command: string): string {
  if (files.length !== 1) throw new UsageError(`${command} takes one FILE`);
  return files[0]!;
}

async function withDatabase(
  config: ServerConfig,
  work: (db: Database) => Promise<number>,
): Promise<number> {
  const db = await openDatabase(config);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function invite(
  db: Database,
  config: ServerConfig,
  role: string | undefined,
  deal: string | undefined,
): Promise<number> {
  if (!TEAM_ROLES.includes(role as TeamRole))
    throw new UsageError(`--role must be one of ${TEAM_ROLES.join(', ')}`);
  const teamRole = role as TeamRole;
  if ((teamRole === 'founder') !== (deal !== undefined)) {
    throw new UsageError('--deal KEY goes with --role founder, and only with it');
  }
  const issued = await db.transaction(async (tx) => {
    const created = await createInvitation(tx, {
      role: teamRole,
      deal: deal ?? null,
      createdBy: null,
    });
    await recordAudit(tx, {
      actor: null,
      action: 'invited',
      targetType: 'invitation',
      targetId: hashToken(created.token).slice(0, 16),
      deal: deal ?? null,
      detail: `${teamRole}, expires ${created.expiresAt}`,
    });
    return created;
  });
  console.log(invitationLink(config.publicUrl, issued.token));
  console.error(
    `One-time invitation for ${teamRole === 'owner' ? 'an' : 'a'} ${teamRole}${deal === undefined ? '' : ` of deal "${deal}"`}, valid until ${issued.expiresAt}.`,
  );
  return 0;
}

async function backup(db: Database, file: string): Promise<number> {
  const count = await writeBackup(db, file);
  console.error(`Wrote ${count} assessments to ${file}.`);
  return 0;
}

async function restore(db: Database, file: string, author: string | null): Promise<number> {
  let text: string;
  try {
    statSync(file);
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`${file}: cannot read the file (does it exist?)`);
    return 1;
  }
  const read = readBackup(text);
  if (!read.ok) {
    console.error(problemLines(read.problems, 'en', file));
    console.error('Nothing was restored.');
    return 1;
  }
  try {
    const count = await restoreBackup(db, read.assessments, read.team, { fallbackAuthor: author });
    console.error(`Restored ${count} assessments from ${file}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    console.error(`${file}: ${error.message}\nNothing was restored.`);
    return 1;
  }
}

async function serve(config: ServerConfig): Promise<void> {
  const db = await openDatabase(config);
  const server = await createServer({
    db,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    staticDir: config.staticDir,
    logger: true,
  });
  const address = await server.app.listen({ port: config.port, host: config.host });
  server.app.log.info(
    `Moatscore team server on ${address} (${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`,
  );
  const stop = async () => {
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runServerCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (error: unknown) => {
      if (
        error instanceof UsageError ||
        (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ) {
        console.error(`moatscore server: ${(error as Error).message}\n\n${USAGE}`);
        process.exitCode = 2;
      } else {
        console.error(
          `moatscore server: ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = 1;
      }
    },
  );
}
