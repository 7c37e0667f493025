import { Type, type TSchema } from 'typebox';

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

export function pageOf(query: { page?: number; pageSize?: number }) {
  const limit = query.pageSize ?? 20;
  return { offset: ((query.page ?? 1) - 1) * limit, limit };
}
