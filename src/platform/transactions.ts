import { sql, type Kysely, type Transaction } from 'kysely';

let savepoints = 0;

/**
 * `trx` as a database whose own `transaction().execute(fn)` runs `fn` inside a savepoint of `trx`: released when
 * `fn` succeeds, rolled back to when it throws (so the caller may still query and answer). Lets a workflow run steps
 * that each open their own transaction as one all-or-nothing unit: nothing of a refused request is committed.
 */
export function withNestedTransactions<DB>(trx: Transaction<DB>): Kysely<DB> {
  const nested: Kysely<DB> = new Proxy(trx, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        const builder = {
          setIsolationLevel: () => builder,
          setAccessMode: () => builder,
          async execute<T>(fn: (inner: Transaction<DB>) => Promise<T>): Promise<T> {
            const name = sql.id(`nested_${++savepoints}`);
            await sql`savepoint ${name}`.execute(target);
            try {
              const result = await fn(nested as Transaction<DB>);
              await sql`release savepoint ${name}`.execute(target);
              return result;
            } catch (error) {
              await sql`rollback to savepoint ${name}`.execute(target);
              throw error;
            }
          },
        };
        return () => builder;
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Kysely<DB>;
  return nested;
}
