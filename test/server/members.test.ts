// The last administrator stays even when two administrators demote or remove each other at the same
// instant: of the two changes exactly one succeeds (on PGlite, and on PostgreSQL, where without the
// lock of keepAnAdmin both would read two administrators and both would succeed).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { addMember, as, onEveryDatabase, signIn, type Signed } from './support';

type Move = 'demote' | 'remove';
const ROUNDS = 8;

onEveryDatabase('the last administrator', (harness) => {
  it('lets exactly one of two administrators racing to demote or remove each other succeed', async () => {
    const { app, db } = harness();
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const [first, second] of [['demote', 'demote'], ['remove', 'remove'], ['demote', 'remove']] as [Move, Move][]) {
        await sql`truncate table members restart identity cascade`.execute(db);
        const admins: Signed[] = [];
        for (const name of ['ann', 'bob']) {
          const email = `${name}-${round}@example.com`;
          const id = await addMember(db, email, 'admin');
          admins.push({ id, role: 'admin', ...(await signIn(app, email)) });
        }
        const [ann, bob] = admins as [Signed, Signed];
        const act = (move: Move, by: Signed, target: Signed) =>
          app.inject(move === 'demote' ? { method: 'PATCH', url: `/api/members/${target.id}`, headers: as(by), payload: { role: 'editor' } } : { method: 'DELETE', url: `/api/members/${target.id}`, headers: as(by) });
        const answers = await Promise.all([act(first, ann, bob), act(second, bob, ann)]);
        const won = answers.filter((answer) => answer.statusCode < 300);
        const lost = answers.filter((answer) => answer.statusCode >= 300);
        const left = await db.selectFrom('members').select('id').where('role', '=', 'admin').execute();
        outcomes.push(`${first}/${second}: ${won.length} won, ${left.length} admin left`);
        expect(won).toHaveLength(1);
        expect(left).toHaveLength(1);
        // The loser was refused as the last administrator, or (had the winner committed before the loser
        // was even signed in) as no administrator any more, or as no member at all.
        expect(['409 last-admin', '403 forbidden', '401 not-signed-in']).toContain(`${lost[0]!.statusCode} ${lost[0]!.json().error.code}`);
      }
    expect(outcomes).toHaveLength(ROUNDS * 3);
  }, 120_000);
});
