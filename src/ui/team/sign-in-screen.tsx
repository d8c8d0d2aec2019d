import { useState, type FormEvent } from 'react';
import type { TeamApi, TeamFailure, TeamMember } from '../../adapters/team-api';
import { useTeamText, type TeamMessageKey } from '../../i18n/team-text';
import { ErrorSummary, type FieldError } from '../components/error-summary';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { FailureSummary } from './failure-summary';
import { failureReason } from './failure-text';
import { TeamField } from './team-field';
import './team.css';

interface Props {
  api: TeamApi;
  onSignedIn: (member: TeamMember) => void;
}

type Field = 'username' | 'password';
type Missing = Partial<Record<Field, TeamMessageKey>>;

const FIELD_ID: Record<Field, string> = {
  username: 'sign-in-username',
  password: 'sign-in-password',
};

function missingFields(username: string, password: string): Missing {
  const missing: Missing = {};
  if (username.trim() === '') missing.username = 'signIn.usernameMissing';
  if (password === '') missing.password = 'signIn.passwordMissing';
  return missing;
}

/** Username and password; a failure says what to do next, and never puts local work at risk. */
export function SignInScreen({ api, onSignedIn }: Props) {
  const text = useTeamText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Missing>({});
  const [failure, setFailure] = useState<TeamFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const fieldErrors: FieldError[] = (['username', 'password'] as const).flatMap((field) => {
    const key = missing[field];
    return key === undefined ? [] : [{ target: FIELD_ID[field], message: text(key) }];
  });
  useDocumentTitle(text('signIn.title'), fieldErrors.length > 0 || failure !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = missingFields(username, password);
    setMissing(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const result = await api.signIn(username.trim(), password);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    setBusy(false);
    setFailure(result.failure);
    setAttempt((n) => n + 1);
  };

  return (
    <div className="team-page">
      <PageHeading>{text('signIn.title')}</PageHeading>
      <p className="lead">{text('signIn.lead')}</p>
      <ErrorSummary errors={fieldErrors} attempt={attempt} />
      <FailureSummary attempt={attempt}>
        {failure !== null && (
          <p>
            {failure.kind === 'signed-out' ? text('signIn.wrong') : failureReason(failure, text)}
          </p>
        )}
      </FailureSummary>

      <form className="team-form" noValidate onSubmit={(event) => void submit(event)}>
        <TeamField
          id={FIELD_ID.username}
          label={text('signIn.username')}
          error={missing.username === undefined ? undefined : text(missing.username)}
          value={username}
          onChange={setUsername}
          autoComplete="username"
        />
        <TeamField
          id={FIELD_ID.password}
          type="password"
          label={text('signIn.password')}
          error={missing.password === undefined ? undefined : text(missing.password)}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {text('signIn.submit')}
          </button>
        </div>
        <p role="status" className="team-progress">
          {busy ? text('signIn.working') : ''}
        </p>
      </form>
      <p className="hint">{text('signIn.noAccount')}</p>
    </div>
  );
}
