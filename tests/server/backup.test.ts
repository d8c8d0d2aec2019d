import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { serializeAssessment } from '../../src/core/assessment-file';
import { parseImportText, serializeBundle } from '../../src/core/import-file';
import { readBackup } from '../../src/server/backup/read-backup';
import { RestoreError, restoreBackup } from '../../src/server/backup/restore-backup';
import { writeBackup } from '../../src/server/backup/write-backup';
import { readConfig } from '../../src/server/config';
import { runServerCli } from '../../src/server/main';
import { ApiClient } from './harness/api-client';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, PASSWORD, saveNew, type Person } from './harness/team';

const tag = () => randomBytes(4).toString('hex');

describe.each(DATABASE_TARGETS)('backup and restore on $name', (target) => {
  let db: TestDatabase;
  let server: RunningServer;
  let owner: Person;
  let ann: Person;
  let founder: Person;
  let dir: string;
  const deal = `deal-${tag()}`;
  const annId = `ann-${tag()}`;
  const selfId = `self-${tag()}`;

  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), 'moatscore-backup-'));
    db = await target.create();
    server = await startServer(db.db);
    owner = await join(db.db, server.url, 'owner', `owner-${tag()}`);
    ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    founder = await join(db.db, server.url, 'founder', `fay-${tag()}`, deal);
    await saveNew(ann.client, assessmentOf({ id: annId, deal, marker: 'ann' }), true);
    await saveNew(
      founder.client,
      assessmentOf({ id: selfId, deal, marker: 'self', role: 'founder' }),
    );
    expect((await owner.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(204);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async (person: Person, id: string) =>
    (await person.client.get(`/api/assessments/${id}`)).json as {
      revision: number;
      submittedAt: string | null;
      author: { username: string };
      assessment: unknown;
    };

  it('writes a bundle the app itself imports, each assessment exactly as stored', async () => {
    const file = joinPath(dir, 'backup.json');
    expect(await writeBackup(db.db, file)).toBe(2);
    const imported = parseImportText(readFileSync(file, 'utf8'));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const byId = new Map(imported.assessments.map((a) => [a.id, a]));
    for (const [person, id] of [
      [ann, annId],
      [founder, selfId],
    ] as const) {
      const original = await stored(person, id);
      expect(JSON.parse(serializeAssessment(byId.get(id)!))).toEqual(original.assessment);
    }
  });

  it('restores into an empty database: authors, revisions, submissions and reveals come back', async () => {
    const file = joinPath(dir, 'backup.json');
    await writeBackup(db.db, file);
    const read = readBackup(readFileSync(file, 'utf8'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fresh = await target.create();
    try {
      expect(
        await restoreBackup(fresh.db, read.assessments, read.team, { fallbackAuthor: null }),
      ).toBe(2);
      const rows = await fresh.db.query<{
        id: string;
        revision: number;
        submitted: boolean;
        username: string;
        role: string;
        body: string;
      }>(
        `select a.id, a.revision, a.submitted_at is not null as submitted, m.username, m.role, a.body
           from assessments a join members m on m.id = a.author_id order by a.id`,
      );
      const original = await stored(ann, annId);
      const annRow = rows.find((r) => r.id === annId)!;
      expect(annRow).toMatchObject({
        revision: original.revision,
        submitted: true,
        username: ann.username,
        role: 'partner',
      });
      expect(JSON.parse(annRow.body)).toEqual(original.assessment);
      expect(rows.find((r) => r.id === selfId)).toMatchObject({
        submitted: false,
        username: founder.username,
        role: 'founder',
      });
      const deals = await fresh.db.query<{ revealed: boolean }>(
        'select revealed_at is not null as revealed from deals where key = $1',
        [deal],
      );
      expect(deals[0]?.revealed).toBe(true);
      // Restored authors have no password until they are invited again: nobody can sign in as them.
      const restoredServer = await startServer(fresh.db);
      try {
        const signIn = await new ApiClient(restoredServer.url).post('/api/session', {
          username: ann.username,
          password: PASSWORD,
        });
        expect(signIn.status).toBe(401);
      } finally {
        await restoredServer.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a damaged file with the path of the problem', () => {
    const text = readFileSync(joinPath(dir, 'backup.json'), 'utf8');
    const damaged = JSON.parse(text) as {
      assessments: { answers: Record<string, { value: number }> }[];
    };
    const key = Object.keys(damaged.assessments[1]!.answers)[0]!;
    damaged.assessments[1]!.answers[key]!.value = 999;
    const read = readBackup(JSON.stringify(damaged));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path)).toContain(`assessments[1].answers.${key}.value`);
  });

  it('is all or nothing: a problem found mid-way leaves the database as it was', async () => {
    const fresh = await target.create();
    try {
      const attributed = assessmentOf({ id: `x-${tag()}`, deal, marker: 'x' });
      const unattributed = assessmentOf({ id: `y-${tag()}`, deal, marker: 'y' });
      const team = {
        version: 1 as const,
        assessments: {
          [attributed.id]: {
            author: 'someone',
            role: 'partner' as const,
            deal: null,
            revision: 1,
            submittedAt: null,
          },
        },
        deals: {},
      };
      await expect(
        restoreBackup(fresh.db, [attributed, unattributed], team, { fallbackAuthor: null }),
      ).rejects.toBeInstanceOf(RestoreError);
      const counts = await fresh.db.query<{ a: number; m: number; d: number }>(
        'select (select count(*)::int from assessments) as a, (select count(*)::int from members) as m, (select count(*)::int from deals) as d',
      );
      expect(counts[0]).toEqual({ a: 0, m: 0, d: 0 });
    } finally {
      await fresh.drop();
    }
  });

  it('restores a bundle the app exported, attributed to the author named on the command line', async () => {
    const fresh = await target.create();
    try {
      const text = serializeBundle(
        [assessmentOf({ id: `app-${tag()}`, deal, marker: 'app' })],
        new Date().toISOString(),
      );
      const read = readBackup(text);
      expect(read.ok && read.team).toBeNull();
      if (!read.ok) return;
      expect(
        await restoreBackup(fresh.db, read.assessments, read.team, { fallbackAuthor: 'lee' }),
      ).toBe(1);
      const rows = await fresh.db.query<{ username: string }>(
        'select m.username from assessments a join members m on m.id = a.author_id',
      );
      expect(rows).toEqual([{ username: 'lee' }]);
    } finally {
      await fresh.drop();
    }
  });
});

describe('the server command line on an embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(joinPath(tmpdir(), 'moatscore-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('invites, backs up and restores, with exit codes, all or nothing', async () => {
    const logs: string[] = [];
    const errors: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void logs.push(text));
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((text: string) => void errors.push(text));
    try {
      const source = readConfig({
        MOATSCORE_DATA_DIR: joinPath(dir, 'a'),
        PUBLIC_URL: 'https://scores.example.org',
      });
      expect(await runServerCli(['invite', '--role', 'owner'], source)).toBe(0);
      expect(logs.at(-1)).toMatch(/^https:\/\/scores\.example\.org\/#invite=[\w-]{40,}$/);
      await expect(runServerCli(['invite', '--role', 'founder'], source)).rejects.toThrow(/--deal/);

      const app = serializeBundle(
        [assessmentOf({ id: 'cli-1', deal: 'cli-deal', marker: 'cli' })],
        new Date().toISOString(),
      );
      const appFile = joinPath(dir, 'app.json');
      writeFileSync(appFile, app);
      expect(await runServerCli(['restore', appFile], source)).toBe(1);
      expect(errors.join('\n')).toMatch(/--author/);
      expect(await runServerCli(['restore', appFile, '--author', 'lee'], source)).toBe(0);

      const backupFile = joinPath(dir, 'backup.json');
      expect(await runServerCli(['backup', backupFile], source)).toBe(0);
      const copy = readConfig({ MOATSCORE_DATA_DIR: joinPath(dir, 'b') });
      writeFileSync(
        joinPath(dir, 'broken.json'),
        readFileSync(backupFile, 'utf8').replace('"cli-deal"', '42'),
      );
      expect(await runServerCli(['restore', joinPath(dir, 'broken.json')], copy)).toBe(1);
      expect(errors.join('\n')).toMatch(/broken\.json: assessments\[0\]\.deal/);
      expect(await runServerCli(['restore', backupFile], copy)).toBe(0);
      const again = joinPath(dir, 'again.json');
      expect(await runServerCli(['backup', again], copy)).toBe(0);
      const first = parseImportText(readFileSync(backupFile, 'utf8'));
      const second = parseImportText(readFileSync(again, 'utf8'));
      expect(second).toEqual(first);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }, 120_000);
});
