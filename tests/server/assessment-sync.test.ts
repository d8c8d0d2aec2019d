import { randomBytes, randomUUID } from 'node:crypto';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, save, saveNew, type Person } from './harness/team';

interface Record {
  revision: number;
  assessment: { answers: { [id: string]: { notes: string } } };
}
interface Conflict {
  message: string;
  code: string;
  current: Record | null;
}

const tag = () => randomBytes(4).toString('hex');

describe.each(DATABASE_TARGETS)('assessment writes on $name', (target) => {
  let db: TestDatabase;
  let server: RunningServer;
  let ann: Person;

  beforeAll(async () => {
    db = await target.create();
    server = await startServer(db.db);
    ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('each write moves the revision on by one and returns what was stored', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'v1' });
    const first = await save(ann.client, a, 0);
    expect(first.status).toBe(200);
    expect((first.json as Record).revision).toBe(1);
    const second = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'v2' }),
      1,
    );
    expect(second.status).toBe(200);
    expect((second.json as Record).revision).toBe(2);
    const read = await ann.client.get(`/api/assessments/${a.id}`);
    expect(JSON.stringify((read.json as Record).assessment)).toContain('v2');
    const mine = (await ann.client.get('/api/assessments')).json as {
      assessments: { id: string; revision: number }[];
    };
    expect(mine.assessments.find((x) => x.id === a.id)?.revision).toBe(2);
  });

  it("a write based on an old revision is refused with the server's version (409), which is left unchanged", async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'base' });
    await saveNew(ann.client, a);
    const laptop = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'from-laptop' }),
      1,
    );
    expect(laptop.status).toBe(200);
    // The phone still thinks revision 1 is current.
    const phone = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'from-phone' }),
      1,
    );
    expect(phone.status).toBe(409);
    const body = phone.json as Conflict;
    expect(body.code).toBe('revision-conflict');
    expect(body.current?.revision).toBe(2);
    expect(JSON.stringify(body.current)).toContain('from-laptop');
    const read = await ann.client.get(`/api/assessments/${a.id}`);
    expect(read.text).not.toContain('from-phone');
  });

  it('the same write sent twice (a retry) is applied once and answers the same', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'once' });
    const writeId = randomUUID();
    const first = await save(ann.client, a, 0, writeId);
    const retry = await save(ann.client, a, 0, writeId);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect((retry.json as Record).revision).toBe((first.json as Record).revision);
    const edit = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'twice' }),
      1,
    );
    expect(edit.status).toBe(200);
    const sameEditNewId = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'twice' }),
      1,
    );
    // A new writeId with a stale base is a real conflict, not a retry.
    expect(sameEditNewId.status).toBe(409);
    const audit = await db.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where target_id = $1 and action in ('created', 'changed')`,
      [a.id],
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('retries race safely: many copies of one write at once make one revision', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'race' });
    const writeId = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => save(ann.client, a, 0, writeId)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(new Set(responses.map((r) => (r.json as Record).revision))).toEqual(new Set([1]));
  });

  it('a writeId reused for different content is refused rather than silently replayed', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'one' });
    const writeId = randomUUID();
    await save(ann.client, a, 0, writeId);
    const reused = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'two' }),
      1,
      writeId,
    );
    expect(reused.status).toBe(422);
  });

  it('a submitted assessment is final: a later write gets 409 "submitted" with the final version', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'final' });
    const record = await saveNew(ann.client, a, true);
    const late = await save(
      ann.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'late' }),
      record.revision,
    );
    expect(late.status).toBe(409);
    expect((late.json as Conflict).code).toBe('submitted');
    expect(JSON.stringify((late.json as Conflict).current)).toContain('final');
    // Submitting again is a no-op, so a retried submit is safe.
    expect(
      (await ann.client.post(`/api/assessments/${a.id}/submit`, { revision: record.revision }))
        .status,
    ).toBe(200);
  });

  it('a write to an assessment that was deleted says so, so the client keeps its copy', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'gone' });
    await saveNew(ann.client, a);
    expect((await ann.client.delete(`/api/assessments/${a.id}`)).status).toBe(204);
    const late = await save(ann.client, a, 1);
    expect(late.status).toBe(409);
    expect((late.json as Conflict).code).toBe('missing');
  });

  it("an assessment has one author: another member's id is refused without showing it", async () => {
    const bob = await join(db.db, server.url, 'partner', `bob-${tag()}`);
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: `SECRET-${tag()}` });
    await saveNew(ann.client, a);
    const takeover = await save(
      bob.client,
      assessmentOf({ id: a.id, deal: a.deal, marker: 'bob' }),
      1,
    );
    expect(takeover.status).toBe(409);
    expect((takeover.json as Conflict).code).toBe('id-taken');
    expect((takeover.json as Conflict).current).toBeNull();
    expect(takeover.text).not.toContain('SECRET');
  });

  it('an invalid assessment is refused with the path of each problem, and nothing is stored', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'bad' });
    const [firstKey] = Object.keys(a.answers);
    const broken = {
      ...a,
      answers: { ...a.answers, [firstKey!]: { value: 999, evidence: 'verified', notes: '' } },
    };
    const response = await save(ann.client, broken as typeof a, 0);
    expect(response.status).toBe(400);
    expect((response.json as { message: string }).message).toContain(`answers.${firstKey}.value`);
    expect((await ann.client.get(`/api/assessments/${a.id}`)).status).toBe(404);
  });

  it('an older file version is migrated on the way in, as the app does on import', async () => {
    const a = assessmentOf({ id: `a-${tag()}`, deal: `d-${tag()}`, marker: 'old' });
    const { deal: _deal, ...v1 } = { ...a, version: 1 };
    const response = await ann.client.put(`/api/assessments/${a.id}`, {
      writeId: randomUUID(),
      baseRevision: 0,
      assessment: v1,
    });
    expect(response.status).toBe(200);
    expect(
      (response.json as { assessment: { version: number; deal: string } }).assessment.version,
    ).toBe(ASSESSMENT_VERSION);
  });
});
