import type { TeamMessageKey } from '../../i18n/team-text';

export interface JoinForm {
  username: string;
  password: string;
  confirm: string;
}

export type JoinField = keyof JoinForm;

export const EMPTY_JOIN: JoinForm = { username: '', password: '', confirm: '' };

/** The server's own limits (its request schemas): checked here too, so a person hears before sending. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
const USERNAME = /^[\p{L}\p{N}._-]{2,40}$/u;

export type JoinErrors = Partial<Record<JoinField, TeamMessageKey>>;

/** The username as it is sent: what the server compares is the NFC form, without stray spaces. */
export function cleanUsername(username: string): string {
  return username.trim().normalize('NFC');
}

export function validateJoin(form: JoinForm): JoinErrors {
  const errors: JoinErrors = {};
  const username = cleanUsername(form.username);
  if (username === '') errors.username = 'join.usernameMissing';
  else if (!USERNAME.test(username)) errors.username = 'join.usernameShape';
  // Counted in code points, as the server counts them: an emoji is one character, not two.
  const length = [...form.password].length;
  if (form.password === '') errors.password = 'join.passwordMissing';
  else if (length < MIN_PASSWORD_LENGTH) errors.password = 'join.passwordShort';
  else if (length > MAX_PASSWORD_LENGTH) errors.password = 'join.passwordLong';
  if (form.confirm === '') errors.confirm = 'join.confirmMissing';
  else if (form.confirm !== form.password) errors.confirm = 'join.confirmMismatch';
  return errors;
}
