import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { inTransaction } from '../src/db/transaction.js';
import { createOrganisation, createUser } from '../src/auth/queries.js';
import { hashPassword } from '../src/auth/password.js';
import { buildSearchText } from '../src/households/logic.js';
import type { CatalogueData } from '../src/catalogue/default-catalogue.js';
import { rng } from './seeded-random.js';

/**
 * Builds a realistic, entirely fictional organisation: teams, workers, households with members,
 * and finalised balances whose scores drift over time. Used by `npm run demo` and `npm run bench`.
 * Deterministic for a given seed. Names are common Flemish/Belgian first and last names combined
 * at random: no real person's data.
 */
export interface GenerateOptions {
  households: number;
  balancesPerHousehold: number;
  teams?: number;
  seed?: number;
  organisationName?: string;
  /** Password for the generated workers (hashing once, shared): the demo prints it. */
  password?: string;
  now?: number;
}

const FIRST = [
  'Sara',
  'Lina',
  'Noah',
  'Emma',
  'Liam',
  'Marie',
  'Youssef',
  'Fatima',
  'Jan',
  'An',
  'Tom',
  'Els',
  'Mohamed',
  'Nora',
  'Lucas',
  'Julie',
  'Ayoub',
  'Ines',
  'Pieter',
  'Sofie',
  'Arne',
  'Hanne',
  'Omar',
  'Lotte',
  'Daan',
  'Amira',
  'Bram',
  'Elif',
  'Wout',
  'Zoë',
];
const LAST = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'El Amrani',
  'Yilmaz',
  'Vermeulen',
  'Van Damme',
  'Hermans',
  'Aerts',
  'Michiels',
  'Lambrechts',
  'De Backer',
];

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: any[], size = 400) {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

export async function generateOrganisation(db: Kysely<Database>, o: GenerateOptions) {
  const random = rng(o.seed ?? 42);
  const pick = <X>(xs: readonly X[]) => xs[Math.floor(random() * xs.length)]!;
  const now = o.now ?? Date.now();
  const orgId = await inTransaction(db, (trx) => createOrganisation(trx, o.organisationName ?? 'OCMW Demostad', now));
  await db.updateTable('organisation').set({ require_two_factor: 0 }).where('id', '=', orgId).execute();
  const version = await db
    .selectFrom('catalogue_version')
    .select(['id', 'content'])
    .where('organisation_id', '=', orgId)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const catalogue = JSON.parse(String(version.content)) as CatalogueData;
  const domainsAt = (level: string) => catalogue.themes.filter((t) => t.level === level).flatMap((t) => t.domains.filter((d) => d.defaultOn).map((d) => d.key));
  const levelDomains = { huishouden: domainsAt('huishouden'), volwassene: domainsAt('volwassene'), kind: domainsAt('kind') };

  const passwordHash = await hashPassword(o.password ?? 'demo wachtwoord sociale balans');
  const teamCount = o.teams ?? Math.max(1, Math.round(o.households / 400));
  const teams: number[] = [];
  const workers: { id: number; teamId: number; email: string }[] = [];
  for (let i = 0; i < teamCount; i++) {
    const team = await db
      .insertInto('team')
      .values({ organisation_id: orgId, name: `Team ${i + 1}`, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    teams.push(team.id);
    for (let w = 0; w < 3; w++) {
      const email = `mw${i + 1}-${w + 1}@demo.ocmw.be`;
      const id = await createUser(db, { organisationId: orgId, email, displayName: `${pick(FIRST)} ${pick(LAST)} (MW)`, passwordHash, isAdmin: false }, now);
      await db
        .insertInto('team_membership')
        .values({ team_id: team.id, user_id: id, role: w === 0 ? 'lead' : 'worker' })
        .execute();
      workers.push({ id, teamId: team.id, email });
    }
  }
  const admin = await createUser(db, { organisationId: orgId, email: 'beheer@demo.ocmw.be', displayName: 'Beheerder Demo', passwordHash, isAdmin: true }, now);

  const year = new Date(now).getUTCFullYear();
  const day = 86_400_000;
  let householdsDone = 0;
  // One transaction per batch of households keeps memory flat and the file consistent.
  for (let start = 0; start < o.households; start += 250) {
    await inTransaction(db, async (trx) => {
      const members: any[] = [];
      const subjects: any[] = [];
      const scores: any[] = [];
      for (let h = start; h < Math.min(o.households, start + 250); h++) {
        const worker = workers[h % workers.length]!;
        const last = pick(LAST);
        const size = 1 + Math.floor(random() * 6); // 1..6, average ~3.5-4 with the partner below
        const people: { first: string; last: string; year: number; role: 'aanvrager' | 'partner' | 'kind' }[] = [
          { first: pick(FIRST), last, year: year - 25 - Math.floor(random() * 40), role: 'aanvrager' },
        ];
        if (random() < 0.5)
          people.push({ first: pick(FIRST), last: random() < 0.5 ? last : pick(LAST), year: year - 25 - Math.floor(random() * 40), role: 'partner' });
        while (people.length < size) people.push({ first: pick(FIRST), last, year: year - 1 - Math.floor(random() * 17), role: 'kind' });
        const ref = `D${String(100000 + h)}`;
        const hh = await trx
          .insertInto('household')
          .values({
            organisation_id: orgId,
            team_id: worker.teamId,
            assigned_user_id: worker.id,
            dossier_ref: ref,
            status: random() < 0.9 ? 'active' : 'closed',
            closed_at: null,
            search_text: buildSearchText(
              ref,
              people.map((p) => ({ firstName: p.first, lastName: p.last })),
            ),
            created_at: now - 400 * day,
            created_by: worker.id,
            updated_at: now - Math.floor(random() * 300) * day,
            updated_by: worker.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const memberIds: { id: number; level: 'volwassene' | 'kind' }[] = [];
        for (const [i, p] of people.entries()) {
          const m = await trx
            .insertInto('household_member')
            .values({
              household_id: hh.id,
              first_name: p.first,
              last_name: p.last,
              birth_year: p.year,
              birth_date: null,
              role: p.role,
              adult_override: null,
              national_number: null,
              joined_on: '2024-01-01',
              left_on: null,
              position: i,
              created_at: now,
              updated_at: now,
              updated_by: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          memberIds.push({ id: m.id, level: year - p.year >= 18 ? 'volwassene' : 'kind' });
        }
        // Balances every ~4 months; each subject's situation drifts a little between them.
        const base = new Map<string, number>();
        for (let b = 0; b < o.balancesPerHousehold; b++) {
          const taken = new Date(now - (o.balancesPerHousehold - b) * 120 * day).toISOString().slice(0, 10);
          const bal = await trx
            .insertInto('balance')
            .values({
              organisation_id: orgId,
              household_id: hh.id,
              catalogue_version_id: version.id,
              taken_on: taken,
              method: 'samen',
              status: 'final',
              created_at: now,
              created_by: worker.id,
              updated_at: now,
              finalised_at: now,
              finalised_by: worker.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (const m of memberIds) subjects.push({ balance_id: bal.id, member_id: m.id, level: m.level, took_part: m.level === 'volwassene' ? 1 : 0 });
          const cells: [string, number | null, string][] = [
            ...levelDomains.huishouden.map((d) => ['h', null, d] as [string, null, string]),
            ...memberIds.flatMap((m) => levelDomains[m.level].map((d) => [`m${m.id}`, m.id, d] as [string, number, string])),
          ];
          for (const [subject, memberId, domain] of cells) {
            const k = `${subject}.${domain}`;
            const prev = base.get(k) ?? 1 + Math.floor(random() * 5);
            const next = Math.min(5, Math.max(1, prev + (random() < 0.35 ? 1 : random() < 0.2 ? -1 : 0)));
            base.set(k, next);
            const state = random() < 0.04 ? 'nb' : 'scored';
            scores.push({
              balance_id: bal.id,
              subject,
              member_id: memberId,
              domain_key: domain,
              state,
              score: state === 'scored' ? next : null,
              client_score: random() < 0.3 ? Math.min(5, Math.max(1, next + (random() < 0.5 ? 1 : -1))) : null,
              remark: random() < 0.3 ? 'Fictieve opmerking voor de demo: besproken tijdens het huisbezoek.' : '',
              prefilled: 0,
              revision: 1,
              editor_token: '',
              updated_at: now,
              updated_by: worker.id,
            });
          }
        }
        householdsDone++;
      }
      await insertChunked(trx, 'balance_subject', subjects);
      await insertChunked(trx, 'balance_score', scores, 300);
    });
  }
  // After a bulk load PostgreSQL's planner needs statistics before autovacuum gets round to it (its
  // documentation says so for any bulk load); without them a search over thousands of households
  // can pick a plan a hundred times slower. SQLite's planner works without.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`ANALYZE`.execute(db);
  return { organisationId: orgId, teams, workers, adminId: admin, households: householdsDone };
}
