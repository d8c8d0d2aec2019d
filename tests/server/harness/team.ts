import { randomUUID } from 'node:crypto';
import type { Assessment } from '../../../src/core/schema';
import type { Role } from '../../../src/core/vocabulary';
import { createInvitation } from '../../../src/server/auth/invitations';
import type { TeamRole } from '../../../src/server/auth/member';
import type { Database } from '../../../src/server/db/database';
import { loadExample } from '../../helpers/fixtures';
import { ApiClient } from './api-client';

export const PASSWORD = 'correct horse battery';

export interface Person {
  client: ApiClient;
  id: string;
  username: string;
  role: TeamRole;
  deal: string | null;
}

/** An invitation token, made as the command line makes one. */
export async function inviteToken(
  db: Database,
  role: TeamRole,
  deal: string | null = null,
): Promise<string> {
  return (await createInvitation(db, { role, deal, createdBy: null })).token;
}

/** Someone who opened an invitation and chose a password: a signed-in browser. */
export async function join(
  db: Database,
  baseUrl: string,
  role: TeamRole,
  username: string,
  deal: string | null = null,
): Promise<Person> {
  const client = new ApiClient(baseUrl);
  const token = await inviteToken(db, role, deal);
  const response = await client.post('/api/invitations/accept', {
    token,
    username,
    password: PASSWORD,
  });
  if (response.status !== 201)
    throw new Error(`join ${username}: ${response.status} ${response.text}`);
  const me = response.json as { id: string };
  return { client, id: me.id, username, role, deal };
}

/** The shipped example, fully answered, as someone else's assessment of a deal; `marker` is in every note. */
export function assessmentOf(options: {
  id: string;
  deal: string;
  marker: string;
  role?: Role;
}): Assessment {
  const example = loadExample();
  const answers = Object.fromEntries(
    Object.entries(example.answers).map(([key, answer]) => [
      key,
      { ...answer, notes: `${options.marker} ${key}` },
    ]),
  );
  return {
    ...example,
    id: options.id,
    deal: options.deal,
    company: { ...example.company, name: `Company ${options.deal}` },
    evaluator: { name: options.marker, role: options.role ?? 'investor' },
    answers,
  };
}

export interface SavedRecord {
  id: string;
  revision: number;
  submittedAt: string | null;
}

export async function save(
  client: ApiClient,
  assessment: Assessment,
  baseRevision = 0,
  writeId = randomUUID(),
) {
  return client.put(`/api/assessments/${encodeURIComponent(assessment.id)}`, {
    writeId,
    baseRevision,
    assessment,
  });
}

/** Writes a new assessment and, if asked, submits it; fails the test on any unexpected status. */
export async function saveNew(
  client: ApiClient,
  assessment: Assessment,
  submit = false,
): Promise<SavedRecord> {
  const saved = await save(client, assessment);
  if (saved.status !== 200) throw new Error(`save ${assessment.id}: ${saved.status} ${saved.text}`);
  let record = saved.json as SavedRecord;
  if (submit) {
    const submitted = await client.post(
      `/api/assessments/${encodeURIComponent(assessment.id)}/submit`,
      {
        revision: record.revision,
      },
    );
    if (submitted.status !== 200)
      throw new Error(`submit ${assessment.id}: ${submitted.status} ${submitted.text}`);
    record = submitted.json as SavedRecord;
  }
  return record;
}
