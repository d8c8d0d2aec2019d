import { useEffect, useState, type FormEvent } from 'react';
import type { TeamApi, TeamFailure, TeamMember, TeamRole } from '../../adapters/team-api';
import { useI18n } from '../../i18n/i18n-context';
import { LOCALES, type Vars } from '../../i18n/t';
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
import './team.css';

interface Props {
  api: TeamApi;
  /** From the link's `#invite=` fragment. */
  token: string;
  onJoined: (member: TeamMember) => void;
  /** Leaves team mode: the app goes on working on this device alone. */
  onCancel: () => void;
}

interface Grant {
  role: TeamRole;
  deal: string | null;
  expiresAt: string;
}

type Check =
  | { kind: 'checking' }
  | { kind: 'valid'; grant: Grant }
  /** Used, expired or never issued: nothing to do with it but ask for another. */
  | { kind: 'unusable' }
  | { kind: 'unchecked'; failure: TeamFailure };

const LENGTHS = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };

const FIELDS: JoinField[] = ['username', 'password', 'confirm'];
const FIELD_ID: Record<JoinField, string> = {
  username: 'join-username',
  password: 'join-password',
  confirm: 'join-confirm',
};

/** Each field's error, with what it needs filled in (a taken name, the password's limits). */
type Errors = Partial<Record<JoinField, { key: TeamMessageKey; vars?: Vars }>>;

/** Shows what an invitation grants, then creates the account and signs it in. */
export function JoinScreen({ api, token, onJoined, onCancel }: Props) {
  const [check, setCheck] = useState<Check>({ kind: 'checking' });
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    let current = true;
    void api.inspectInvitation(token).then((result) => {
      if (!current) return;
      if (result.ok) setCheck({ kind: 'valid', grant: result.value });
      else if (isUnusable(result.failure)) setCheck({ kind: 'unusable' });
      else setCheck({ kind: 'unchecked', failure: result.failure });
    });
    return () => {
      current = false;
    };
  }, [api, token, checks]);

  switch (check.kind) {
    case 'checking':
      return <CheckingInvitation />;
    case 'unusable':
      return <UnusableInvitation onCancel={onCancel} />;
    case 'unchecked':
      return (
        <UncheckedInvitation
          failure={check.failure}
          onRetry={() => {
            setCheck({ kind: 'checking' });
            setChecks((n) => n + 1);
          }}
          onCancel={onCancel}
        />
      );
    case 'valid':
      return (
        <AccountForm
          api={api}
          token={token}
          grant={check.grant}
          onJoined={onJoined}
          onCancel={onCancel}
          onUnusable={() => setCheck({ kind: 'unusable' })}
        />
      );
  }
}

/** A token the server does not accept: unknown, used, expired, or too mangled to be one. */
function isUnusable(failure: TeamFailure): boolean {
  return failure.kind === 'gone' || failure.kind === 'not-found' || failure.kind === 'invalid';
}

function CheckingInvitation() {
  const text = useTeamText();
  useDocumentTitle(text('join.title'));
  return (
    <div className="team-page">
      <PageHeading focusKey="checking">{text('join.title')}</PageHeading>
      <p role="status">{text('join.checking')}</p>
    </div>
  );
}

function UnusableInvitation({ onCancel }: { onCancel: () => void }) {
  const text = useTeamText();
  useDocumentTitle(text('join.unusableTitle'), true);
  return (
    <div className="team-page">
      <PageHeading focusKey="unusable">{text('join.unusableTitle')}</PageHeading>
      <p>{text('join.unusable')}</p>
      <p>{text('join.soloSafe')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={onCancel}>
          {text('join.continueSolo')}
        </button>
      </div>
    </div>
  );
}

/** The server could not be asked: the link may be fine, so it can be tried again. */
function UncheckedInvitation({
  failure,
  onRetry,
  onCancel,
}: {
  failure: TeamFailure;
  onRetry: () => void;
  onCancel: () => void;
}) {
  const text = useTeamText();
  useDocumentTitle(text('join.uncheckedTitle'), true);
  return (
    <div className="team-page">
      <PageHeading focusKey="unchecked">{text('join.uncheckedTitle')}</PageHeading>
      <p className="banner banner-warning">{failureReason(failure, text)}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={onRetry}>
          {text('join.retry')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {text('join.continueSolo')}
        </button>
      </div>
    </div>
  );
}

function GrantText({ grant }: { grant: Grant }) {
  const text = useTeamText();
  const { lang } = useI18n();
  const expiry = new Intl.DateTimeFormat(LOCALES[lang], {
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

function AccountForm({
  api,
  token,
  grant,
  onJoined,
  onCancel,
  onUnusable,
}: {
  api: TeamApi;
  token: string;
  grant: Grant;
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
