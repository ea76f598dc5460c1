import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import type { CatalogueData } from '../src/catalogue/default-catalogue.js';
import { buildSearchText } from '../src/households/logic.js';

/**
 * For the overview/evolution bench: one household with a long history (default 20 finalised balances
 * x 6 members: 2 adults, 4 children), every switched-on domain scored, drifting between balances.
 * Fictional and deterministic.
 */
export async function generateHistoryHousehold(
  db: Kysely<Database>,
  o: { organisationId: number; teamId: number; workerId: number; balances?: number; now?: number },
) {
  const now = o.now ?? Date.now();
  const day = 86_400_000;
  const balances = o.balances ?? 20;
  const version = await db
    .selectFrom('catalogue_version')
    .select(['id', 'content'])
    .where('organisation_id', '=', o.organisationId)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const catalogue = JSON.parse(String(version.content)) as CatalogueData;
  const domainsAt = (level: string) => catalogue.themes.filter((t) => t.level === level).flatMap((t) => t.domains.filter((d) => d.defaultOn).map((d) => d.key));
  const year = new Date(now).getUTCFullYear();
  const people = [
    { first: 'Sara', year: year - 40, role: 'aanvrager' as const },
    { first: 'Karim', year: year - 42, role: 'partner' as const },
    { first: 'Lina', year: year - 12, role: 'kind' as const },
    { first: 'Noah', year: year - 9, role: 'kind' as const },
    { first: 'Emma', year: year - 6, role: 'kind' as const },
    { first: 'Liam', year: year - 3, role: 'kind' as const },
  ];
  return db.transaction().execute(async (trx) => {
    const hh = await trx
      .insertInto('household')
      .values({
        organisation_id: o.organisationId,
        team_id: o.teamId,
        assigned_user_id: o.workerId,
        dossier_ref: 'D-BENCH-HISTORY',
        status: 'active',
        closed_at: null,
        search_text: buildSearchText(
          'D-BENCH-HISTORY',
          people.map((p) => ({ firstName: p.first, lastName: 'Bench' })),
        ),
        created_at: now - 5 * 365 * day,
        created_by: o.workerId,
        updated_at: now,
        updated_by: o.workerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members: { id: number; level: 'volwassene' | 'kind' }[] = [];
    for (const [i, p] of people.entries()) {
      const m = await trx
        .insertInto('household_member')
        .values({
          household_id: hh.id,
          first_name: p.first,
          last_name: 'Bench',
          birth_year: p.year,
          birth_date: null,
          role: p.role,
          adult_override: null,
          national_number: null,
          joined_on: '2015-01-01',
          left_on: null,
          position: i,
          created_at: now,
          updated_at: now,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      members.push({ id: m.id, level: p.role === 'kind' ? 'kind' : 'volwassene' });
    }
    const balanceIds: number[] = [];
    const last = new Map<string, number>();
    for (let b = 0; b < balances; b++) {
      const taken = new Date(now - (balances - b) * 60 * day).toISOString().slice(0, 10);
      const bal = await trx
        .insertInto('balance')
        .values({
          organisation_id: o.organisationId,
          household_id: hh.id,
          catalogue_version_id: version.id,
          taken_on: taken,
          method: 'samen',
          status: 'final',
          created_at: now,
          created_by: o.workerId,
          updated_at: now,
          finalised_at: now,
          finalised_by: o.workerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      balanceIds.push(bal.id);
      await trx
        .insertInto('balance_subject')
        .values(members.map((m) => ({ balance_id: bal.id, member_id: m.id, level: m.level, took_part: m.level === 'volwassene' ? 1 : 0 })))
        .execute();
      const cells: [string, number | null, string][] = [
        ...domainsAt('huishouden').map((d) => ['h', null, d] as [string, null, string]),
        ...members.flatMap((m) => domainsAt(m.level).map((d) => [`m${m.id}`, m.id, d] as [string, number, string])),
      ];
      await trx
        .insertInto('balance_score')
        .values(
          cells.map(([subject, memberId, domain], i) => {
            const k = `${subject}.${domain}`;
            const next = Math.min(5, Math.max(1, (last.get(k) ?? 1 + (i % 5)) + ((b + i) % 7 === 0 ? 1 : (b + i) % 11 === 0 ? -1 : 0)));
            last.set(k, next);
            return {
              balance_id: bal.id,
              subject,
              member_id: memberId,
              domain_key: domain,
              state: 'scored' as const,
              score: next,
              client_score: null,
              remark: i % 5 === 0 ? 'Fictieve opmerking voor de bench.' : '',
              prefilled: 0,
              revision: 1,
              editor_token: '',
              updated_at: now,
              updated_by: o.workerId,
            };
          }),
        )
        .execute();
    }
    return { householdId: hh.id, balanceIds, memberIds: members.map((m) => m.id) };
  });
}
