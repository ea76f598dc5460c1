import type { OrgScope } from '../auth/scope.js';

/**
 * The organisation may shield sensitive domains (health, addiction, justice...) from everyone but
 * the household's assigned worker and the team's leads (admin setting; default: the whole team).
 * Every page, chart, PDF and count that shows a household's scores decides with this one rule.
 *
 * An API client (src/api/) is neither the assigned worker nor a lead: it sees sensitive domains
 * only when it holds the scope for them AND the organisation lets the whole team see them.
 */
export function hidesSensitive(
  viewer: Pick<OrgScope, 'userId' | 'leadTeamIds' | 'sensitiveVisibility' | 'apiClient'>,
  household: { assignedUserId: number | null; teamId: number },
): boolean {
  if (viewer.apiClient) return !(viewer.apiClient.readsSensitive && viewer.sensitiveVisibility === 'team');
  if (viewer.sensitiveVisibility === 'team') return false;
  const assigned = viewer.userId !== null && household.assignedUserId === viewer.userId;
  return !(assigned || viewer.leadTeamIds.includes(household.teamId));
}
