import type { OrgScope } from '../auth/scope.js';

/**
 * The organisation may shield sensitive domains (health, addiction, justice...) from everyone but
 * the household's assigned worker and the team's leads (admin setting; default: the whole team).
 * Every page, chart, PDF and count that shows a household's scores decides with this one rule.
 */
export function hidesSensitive(
  viewer: Pick<OrgScope, 'userId' | 'leadTeamIds' | 'sensitiveVisibility'>,
  household: { assignedUserId: number | null; teamId: number },
): boolean {
  if (viewer.sensitiveVisibility === 'team') return false;
  return !(household.assignedUserId === viewer.userId || viewer.leadTeamIds.includes(household.teamId));
}
