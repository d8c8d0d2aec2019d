/**
 * The simulated raters of `npm run bench:server`: each one a loop of saves,
 * submissions, deal reads and deal lists on random deals, sharing one budget
 * of requests and time. Runs in the benchmark's own process, or alone in a
 * child process (started by bench-server.ts) so that building requests and
 * reading answers does not take the server's CPU.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseAssessment } from '../src/core/assessment-file';
import type { Assessment } from '../src/core/schema';

export const OPS = ['write', 'submit', 'read-deal', 'list-deals'] as const;
export type Op = (typeof OPS)[number];

export interface Sample {
  op: Op;
  ms: number;
  ok: boolean;
}

/**
 * `capacity`: every rater sends its next request as soon as the last one is
 * answered (a closed loop with no pause), so the figures say how much the
 * server can take. `paced`: every rater sends a request every `intervalMs` on
 * average (spread by ±50 %), as a person working would, and waits for the
 * answer before the next; the figures say how a server under that load feels.
 */
export type LoadModel = { kind: 'capacity' } | { kind: 'paced'; intervalMs: number };

export interface LoadPlan {
  url: string;
  cookies: readonly string[];
  deals: number;
  requests: number;
  seconds: number;
  model: LoadModel;
}

export interface LoadResult {
  samples: Sample[];
  seconds: number;
  /** Paced only: requests that went out later than planned because the previous answer was late. */
  lateStarts: number;
}

interface Own {
  id: string;
  revision: number;
  submitted: boolean;
}

interface Budget {
  left: number;
  until: number;
}

const example = (() => {
  const parsed = parseAssessment(
    readFileSync(new URL('../examples/deeplake-ai.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('examples/deeplake-ai.json is invalid');
  return parsed.value;
})();

function assessmentFor(id: string, deal: string, step: number): Assessment {
  const answers = Object.fromEntries(
    Object.entries(example.answers).map(([key, answer]) => [
      key,
      { ...answer, notes: `step ${step}` },
    ]),
  );
  return { ...example, id, deal, evaluator: { name: id, role: 'investor' }, answers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs every rater of the plan to the end of the shared budget. */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const samples: Sample[] = [];
  const started = performance.now();
  const budget: Budget = { left: plan.requests, until: started + plan.seconds * 1000 };
  const late = { count: 0 };
  await Promise.all(plan.cookies.map((cookie) => rater(plan, cookie, budget, samples, late)));
  return { samples, seconds: (performance.now() - started) / 1000, lateStarts: late.count };
}

async function rater(
  plan: LoadPlan,
  cookie: string,
  budget: Budget,
  samples: Sample[],
  late: { count: number },
): Promise<void> {
  const own = new Map<string, Own>();
  const timed = async (
    op: Op,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response | null> => {
    const started = performance.now();
    try {
      const response = await fetch(`${plan.url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await response.arrayBuffer();
      samples.push({ op, ms: performance.now() - started, ok: response.status < 400 });
      return response;
    } catch {
      samples.push({ op, ms: performance.now() - started, ok: false });
      return null;
    }
  };
  const interval = plan.model.kind === 'paced' ? plan.model.intervalMs : 0;
  // Raters start spread over one interval, as people do not all click at the same instant.
  let due = performance.now() + Math.random() * interval;
  let step = 0;
  for (;;) {
    if (interval > 0) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -1) late.count += 1;
    }
    if (budget.left <= 0 || performance.now() >= budget.until) return;
    budget.left -= 1;
    step += 1;
    const sent = performance.now();
    await oneRequest(plan, own, step, timed);
    // The next one is planned from this one's start, or from now if it went out late:
    // a person who was kept waiting does not then click twice to catch up.
    due = Math.max(due, sent) + interval * (0.5 + Math.random());
  }
}

type Timed = (op: Op, method: string, path: string, body?: unknown) => Promise<Response | null>;

/** 40 % saves, 10 % submissions (a deal read when nothing is left to submit), 40 % deal reads, 10 % lists. */
async function oneRequest(
  plan: LoadPlan,
  own: Map<string, Own>,
  step: number,
  timed: Timed,
): Promise<void> {
  const deal = `deal-${1 + Math.floor(Math.random() * plan.deals)}`;
  const roll = Math.random();
  const mine = own.get(deal);
  if (roll < 0.4 && mine?.submitted !== true) {
    const id = mine?.id ?? randomUUID();
    const response = await timed('write', 'PUT', `/api/assessments/${id}`, {
      writeId: randomUUID(),
      baseRevision: mine?.revision ?? 0,
      assessment: assessmentFor(id, deal, step),
    });
    if (response?.ok) own.set(deal, { id, revision: (mine?.revision ?? 0) + 1, submitted: false });
  } else if (roll < 0.5) {
    const draft = [...own.values()].find((o) => !o.submitted);
    if (draft === undefined) {
      await timed('read-deal', 'GET', `/api/deals/${deal}`);
      return;
    }
    const response = await timed('submit', 'POST', `/api/assessments/${draft.id}/submit`, {
      revision: draft.revision,
    });
    if (response?.ok) draft.submitted = true;
  } else if (roll < 0.9) {
    await timed('read-deal', 'GET', `/api/deals/${deal}`);
  } else {
    await timed('list-deals', 'GET', '/api/deals');
  }
}

// Started as a child process: take one plan from the parent, run it, send the result back.
if (process.send !== undefined && process.env.MOATSCORE_BENCH_LOAD_CHILD === '1') {
  process.once('message', (plan: LoadPlan) => {
    void runLoad(plan).then((result) => {
      process.send!(result, () => process.exit(0));
    });
  });
}
