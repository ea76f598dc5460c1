import type { Migration } from 'kysely';
import * as accounts from './20261122T1000_accounts.js';
import * as catalogue from './20261122T1200_catalogue.js';
import * as households from './20261122T1300_households.js';
import * as balances from './20261122T1400_balances.js';
import * as sensitiveVisibility from './20261122T1500_sensitive_visibility.js';
import * as gpmi from './20261122T1600_gpmi.js';
import * as serverSecret from './20261125T1000_server_secret.js';
import * as noReplaceOnImmutable from './20261125T1100_no_replace_on_immutable.js';
import * as clientVoice from './20261207T1500_client_voice.js';
import * as figures from './20261207T1300_figures.js';
import * as apiClients from './20261207T1400_api_clients.js';
import * as sso from './20261207T1410_sso.js';
import * as evaluationNoteShared from './20261207T1200_evaluation_note_shared.js';
import * as organisationWall from './20261208T1000_organisation_wall.js';
import * as organisationWallPlans from './20261209T1000_organisation_wall_plans.js';

// Every migration, in order. Migrations are immutable once landed: add a new file, never edit one.
export const migrations: Record<string, Migration> = {
  '20261122T1000_accounts': accounts,
  '20261122T1200_catalogue': catalogue,
  '20261122T1300_households': households,
  '20261122T1400_balances': balances,
  '20261122T1500_sensitive_visibility': sensitiveVisibility,
  '20261122T1600_gpmi': gpmi,
  '20261125T1000_server_secret': serverSecret,
  '20261125T1100_no_replace_on_immutable': noReplaceOnImmutable,
  '20261207T1500_client_voice': clientVoice,
  '20261207T1300_figures': figures,
  '20261207T1400_api_clients': apiClients,
  '20261207T1410_sso': sso,
  '20261207T1200_evaluation_note_shared': evaluationNoteShared,
  '20261208T1000_organisation_wall': organisationWall,
  '20261209T1000_organisation_wall_plans': organisationWallPlans,
};
