export const TEAM_ROLES = ['owner', 'partner', 'founder'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Who is calling, as a session resolves to it. */
export interface Member {
  id: string;
  username: string;
  role: TeamRole;
  /** A founder guest's one deal key; null for owners and partners. */
  deal: string | null;
}

export interface MemberRow {
  id: string;
  username: string;
  role: TeamRole;
  deal: string | null;
}

export function memberFromRow(row: MemberRow): Member {
  return { id: row.id, username: row.username, role: row.role, deal: row.deal };
}

/** Owners and partners are the fund; founders are guests who see only their own work. */
export function isFundMember(member: Member): boolean {
  return member.role === 'owner' || member.role === 'partner';
}
