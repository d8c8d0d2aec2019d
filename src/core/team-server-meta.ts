/**
 * The meta tag a team server adds to the app's page: the app offers signing
 * in only where it finds it, and makes no request to a server otherwise.
 */
export const TEAM_SERVER_META = 'moatscore-team-server';
