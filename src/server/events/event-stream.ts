import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFundMember } from '../auth/member';
import { isSessionLive, type SessionHandle } from '../auth/sessions';
import type { ServerContext } from '../http/server-context';
import { securityHeaders } from '../http/security-headers';
import type { ChangeRow } from '../store/changes';

const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for one signed-in browser. Events name what changed
 * (a deal, the member's own assessment), never its content: the browser
 * then asks the API, which applies blind scoring. Owners and partners hear
 * of submissions, reveals and deletions on any deal; each member hears of
 * their own assessments changing elsewhere. A stream closes when its session
 * ends (sign-out, sign-out everywhere, removal), on any instance.
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  session: SessionHandle,
  context: ServerContext,
): void {
  const { member } = session;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...securityHeaders(request),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });

  let closed = false;
  const send = (event: string, data: unknown): void => {
    if (!closed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    raw.end();
  };
  const endIfSignedOut = async (): Promise<void> => {
    const live = await isSessionLive(context.db, session.tokenHash).catch(() => true);
    if (!live) {
      send('signed-out', {});
      close();
    }
  };

  const handle = async (change: ChangeRow): Promise<void> => {
    if (change.audience === 'team') {
      if (isFundMember(member)) send('deal-changed', { deal: change.deal, kind: change.kind });
      return;
    }
    if (change.memberId !== member.id) return;
    if (change.kind === 'sessions-ended') await endIfSignedOut();
    else send('assessment-changed', { deal: change.deal, id: change.assessmentId });
  };
  // One change at a time, in log order: an event after a sign-out is only sent once
  // the stream knows its own session survived it.
  let queue = Promise.resolve();
  const onChange = (change: ChangeRow): void => {
    queue = queue.then(() => handle(change));
  };

  const unsubscribe = context.feed.subscribe(onChange, () => close());
  const heartbeat = setInterval(() => {
    if (!closed) raw.write(': ping\n\n');
    void endIfSignedOut();
  }, HEARTBEAT_MS);
  request.raw.on('close', close);
  raw.write('retry: 3000\n\n');
  send('ready', { member: member.id });
}
