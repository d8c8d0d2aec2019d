import { useState, type FormEvent } from 'react';
import type { TeamApi, TeamFailure, TeamMember, TeamRole } from '../../adapters/team-api';
import { useI18n } from '../../i18n/i18n-context';
import type { Vars } from '../../i18n/t';
import { useTeamText, type TeamMessageKey } from '../../i18n/team-text';
import { ErrorSummary, type FieldError } from '../components/error-summary';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { FailureSummary } from './failure-summary';
import { failureReason } from './failure-text';
import {
  cleanUsername,
  EMPTY_JOIN,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  validateJoin,
  type JoinField,
  type JoinForm,
} from './join-form';
import { TeamField } from './team-field';

/** What the server says an invitation grants, before it is used. */
export interface InvitationGrant {
  role: TeamRole;
  deal: string | null;
  expiresAt: string;
}

const LENGTHS = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };

const FIELDS: JoinField[] = ['username', 'password', 'confirm'];
const FIELD_ID: Record<JoinField, string> = {
  username: 'join-username',
  password: 'join-password',
  confirm: 'join-confirm',
};

/** Each field's error, with what it needs filled in (a taken name, the password's limits). */
type Errors = Partial<Record<JoinField, { key: TeamMessageKey; vars?: Vars }>>;

function GrantText({ grant }: { grant: InvitationGrant }) {
  const text = useTeamText();
  const { locale } = useI18n();
  const expiry = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(grant.expiresAt));
  return (
    <div className="team-grant" data-testid="invitation-grant">
      <p className="lead">
        {grant.role === 'founder'
          ? text('join.grant.founder', { deal: grant.deal ?? '' })
          : text(grant.role === 'owner' ? 'join.grant.owner' : 'join.grant.partner')}
      </p>
      <p>{text('join.expires', { date: expiry })}</p>
    </div>
  );
}

/** The invitation's grant, then the username and password that accept it. */
export function AccountForm({
  api,
  token,
  grant,
  onJoined,
  onCancel,
  onUnusable,
}: {
  api: TeamApi;
  token: string;
  grant: InvitationGrant;
  onJoined: (member: TeamMember) => void;
  onCancel: () => void;
  onUnusable: () => void;
}) {
  const text = useTeamText();
  const [form, setForm] = useState<JoinForm>(EMPTY_JOIN);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<TeamFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const messageOf = (field: JoinField) => {
    const error = errors[field];
    return error === undefined ? undefined : text(error.key, error.vars);
  };
  const summary: FieldError[] = FIELDS.flatMap((field) => {
    const message = messageOf(field);
    return message === undefined ? [] : [{ target: FIELD_ID[field], message }];
  });
  useDocumentTitle(text('join.title'), summary.length > 0 || failure !== null);
  const set = (field: JoinField) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateJoin(form);
    const next: Errors = {};
    for (const field of FIELDS) {
      const key = found[field];
      if (key !== undefined) next[field] = { key, vars: LENGTHS };
    }
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const username = cleanUsername(form.username);
    const result = await api.acceptInvitation(token, username, form.password);
    if (result.ok) {
      onJoined(result.value);
      return;
    }
    setBusy(false);
    if (result.failure.kind === 'gone') {
      onUnusable();
      return;
    }
    if (result.failure.kind === 'conflict') {
      setErrors({ username: { key: 'join.taken', vars: { name: username } } });
    } else {
      setFailure(result.failure);
    }
    setAttempt((n) => n + 1);
  };

  return (
    <div className="team-page">
      <PageHeading>{text('join.title')}</PageHeading>
      <GrantText grant={grant} />
      <ErrorSummary errors={summary} attempt={attempt} />
      <FailureSummary attempt={attempt}>
        {failure !== null && <p>{failureReason(failure, text)}</p>}
      </FailureSummary>

      <form className="team-form" noValidate onSubmit={(event) => void submit(event)}>
        <TeamField
          id={FIELD_ID.username}
          label={text('join.username')}
          hint={text('join.usernameHint')}
          error={messageOf('username')}
          value={form.username}
          onChange={set('username')}
          autoComplete="username"
        />
        <TeamField
          id={FIELD_ID.password}
          type="password"
          label={text('join.password')}
          hint={text('join.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={messageOf('password')}
          value={form.password}
          onChange={set('password')}
          autoComplete="new-password"
        />
        <TeamField
          id={FIELD_ID.confirm}
          type="password"
          label={text('join.confirm')}
          error={messageOf('confirm')}
          value={form.confirm}
          onChange={set('confirm')}
          autoComplete="new-password"
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {text('join.submit')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {text('join.continueSolo')}
          </button>
        </div>
        <p role="status" className="team-progress">
          {busy ? text('join.working') : ''}
        </p>
      </form>
    </div>
  );
}
