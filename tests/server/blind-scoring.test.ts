import { randomBytes } from 'node:crypto';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, saveNew, type Person } from './harness/team';

interface DealView {
  deal: {
    othersVisible: boolean;
    raters: number | null;
    submitted: number | null;
    revealedAt: string | null;
  };
  assessments: { id: string; author: { username: string } }[];
}

const tag = () => randomBytes(4).toString('hex');

describe.each(DATABASE_TARGETS)('blind scoring on $name', (target) => {
  let db: TestDatabase;
  let server: RunningServer;
  let owner: Person;

  beforeAll(async () => {
    db = await target.create();
    server = await startServer(db.db);
    owner = await join(db.db, server.url, 'owner', `owner-${tag()}`);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const view = async (person: Person, deal: string) => {
    const response = await person.client.get(`/api/deals/${encodeURIComponent(deal)}`);
    expect(response.status).toBe(200);
    return response.json as DealView;
  };

  it('a partner sees only their own work until they submit, then every submitted assessment', async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    const bob = await join(db.db, server.url, 'partner', `bob-${tag()}`);
    const annMark = `ANN-${tag()}`;
    const bobMark = `BOB-${tag()}`;
    await saveNew(ann.client, assessmentOf({ id: `ann-${tag()}`, deal, marker: annMark }), true);
    const bobId = `bob-${tag()}`;
    const bobDraft = await saveNew(bob.client, assessmentOf({ id: bobId, deal, marker: bobMark }));

    const before = await view(bob, deal);
    expect(before.deal.othersVisible).toBe(false);
    expect(before.assessments.map((a) => a.id)).toEqual([bobId]);
    expect(JSON.stringify(before)).not.toContain(annMark);
    // Counts only: Bob learns that someone submitted, not what they said.
    expect(before.deal.submitted).toBe(1);

    const submitted = await bob.client.post(`/api/assessments/${bobId}/submit`, {
      revision: bobDraft.revision,
    });
    expect(submitted.status).toBe(200);
    const after = await view(bob, deal);
    expect(after.deal.othersVisible).toBe(true);
    expect(JSON.stringify(after)).toContain(annMark);
    // Ann, who submitted first, now sees Bob's too.
    expect(JSON.stringify(await view(ann, deal))).toContain(bobMark);
  });

  it("another partner's draft is never shared, even after both sides submit elsewhere or a reveal", async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    const cat = await join(db.db, server.url, 'partner', `cat-${tag()}`);
    const catMark = `CAT-${tag()}`;
    await saveNew(ann.client, assessmentOf({ id: `ann-${tag()}`, deal, marker: 'ann' }), true);
    const catId = `cat-${tag()}`;
    await saveNew(cat.client, assessmentOf({ id: catId, deal, marker: catMark }));
    expect((await owner.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(204);
    expect(JSON.stringify(await view(ann, deal))).not.toContain(catMark);
    expect((await ann.client.get(`/api/assessments/${catId}`)).status).toBe(404);
  });

  it('an owner reveal opens a deal to partners who have not submitted, and is recorded', async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    const dan = await join(db.db, server.url, 'partner', `dan-${tag()}`);
    const annMark = `ANN-${tag()}`;
    await saveNew(ann.client, assessmentOf({ id: `ann-${tag()}`, deal, marker: annMark }), true);
    expect(JSON.stringify(await view(dan, deal))).not.toContain(annMark);
    // Owners are blind too until they reveal: revealing is their way to look, and it is logged.
    expect(JSON.stringify(await view(owner, deal))).not.toContain(annMark);

    expect((await ann.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(403);
    expect((await owner.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(204);
    expect((await owner.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(204);
    const opened = await view(dan, deal);
    expect(opened.deal.othersVisible).toBe(true);
    expect(opened.deal.revealedAt).not.toBeNull();
    expect(JSON.stringify(opened)).toContain(annMark);
    expect(JSON.stringify(await view(owner, deal))).toContain(annMark);

    const audit = await owner.client.get('/api/audit?limit=1000');
    const reveals = (
      audit.json as { entries: { action: string; targetId: string }[] }
    ).entries.filter((e) => e.action === 'revealed' && e.targetId === deal);
    expect(reveals).toHaveLength(1);
  });

  it("a founder guest sees and edits only their own deal's self-assessment", async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    const founder = await join(db.db, server.url, 'founder', `fay-${tag()}`, deal);
    const annMark = `ANN-${tag()}`;
    const annId = `ann-${tag()}`;
    await saveNew(ann.client, assessmentOf({ id: annId, deal, marker: annMark }), true);
    const selfId = `self-${tag()}`;
    const selfMark = `SELF-${tag()}`;
    await saveNew(
      founder.client,
      assessmentOf({ id: selfId, deal, marker: selfMark, role: 'founder' }),
      true,
    );
    expect((await owner.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(204);

    // The founder sees their own, never the fund's, even revealed and submitted.
    const own = await view(founder, deal);
    expect(own.assessments.map((a) => a.id)).toEqual([selfId]);
    expect(own.deal.raters).toBeNull();
    expect(JSON.stringify(own)).not.toContain(annMark);
    expect((await founder.client.get(`/api/assessments/${annId}`)).status).toBe(404);
    const deals = (await founder.client.get('/api/deals')).json as { deals: { key: string }[] };
    expect(deals.deals.map((d) => d.key)).toEqual([deal]);

    // Writing to another deal, or as an investor, is refused.
    const elsewhere = await founder.client.put(`/api/assessments/x-${tag()}`, {
      writeId: crypto.randomUUID(),
      baseRevision: 0,
      assessment: assessmentOf({ id: 'x', deal: `other-${tag()}`, marker: 'x', role: 'founder' }),
    });
    expect(elsewhere.status).toBe(422);
    const otherId = `other-${tag()}`;
    const otherDeal = await founder.client.put(`/api/assessments/${otherId}`, {
      writeId: crypto.randomUUID(),
      baseRevision: 0,
      assessment: assessmentOf({
        id: otherId,
        deal: `other-${tag()}`,
        marker: 'x',
        role: 'founder',
      }),
    });
    expect(otherDeal.status).toBe(403);
    const asInvestor = await founder.client.put(`/api/assessments/${otherId}`, {
      writeId: crypto.randomUUID(),
      baseRevision: 0,
      assessment: assessmentOf({ id: otherId, deal, marker: 'x', role: 'investor' }),
    });
    expect(asInvestor.status).toBe(422);

    // Partners who submitted see the founder's self-assessment beside their own.
    expect(JSON.stringify(await view(ann, deal))).toContain(selfMark);
  });

  it('an incomplete assessment cannot be submitted', async () => {
    const ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    const full = assessmentOf({ id: `part-${tag()}`, deal: `deal-${tag()}`, marker: 'p' });
    const partial = { ...full, answers: Object.fromEntries(Object.entries(full.answers).slice(1)) };
    const saved = await saveNew(ann.client, partial);
    const submit = await ann.client.post(`/api/assessments/${partial.id}/submit`, {
      revision: saved.revision,
    });
    expect(submit.status).toBe(422);
    expect((submit.json as { message: string }).message).toMatch(/11 of 12/);
  });
});
