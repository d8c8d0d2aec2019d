import { MIGRATIONS, migrate } from '../../src/server/db/migrate';
import { DATABASE_TARGETS } from './harness/test-databases';

describe.each(DATABASE_TARGETS)('migrations on $name', (target) => {
  it('applies each numbered migration once; running again changes nothing', async () => {
    const test = await target.create();
    try {
      const applied = await test.db.query<{ version: number }>(
        'select version from schema_migrations order by version',
      );
      expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(test.db)).toEqual([]);
    } finally {
      await test.drop();
    }
  });

  it('refuses a database migrated by a newer Moatscore rather than guess at it', async () => {
    const test = await target.create();
    try {
      await test.db.query(
        `insert into schema_migrations (version, name) values (999, 'from the future')`,
      );
      await expect(migrate(test.db)).rejects.toThrow(/newer Moatscore/);
    } finally {
      await test.drop();
    }
  });

  it.runIf(target.name === 'postgres')(
    'lets several instances start at once against one database',
    async () => {
      const test = await target.create();
      try {
        await test.db.query(
          'drop table changes, audit_log, rubrics, assessment_writes, assessments, deals, sign_in_attempts, sessions, invitations, members, schema_migrations',
        );
        const instances = await Promise.all([
          test.openAnother(),
          test.openAnother(),
          test.openAnother(),
        ]);
        const results = await Promise.all(instances.map((db) => migrate(db)));
        expect(results.filter((done) => done.length > 0)).toHaveLength(1);
      } finally {
        await test.drop();
      }
    },
  );
});
