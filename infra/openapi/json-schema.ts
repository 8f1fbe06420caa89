/**
 * A JSON Schema of its own (the open data's, docs/open-learning.schema.json) inside the OpenAPI
 * document: its `$defs` become components of their own and its references follow them, so that the
 * published schema stays the one definition and the document refers to it whole.
 */

type Json = unknown;

const rewrite = (value: Json, refs: (ref: string) => string): Json => {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, refs));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? refs(inner) : rewrite(inner, refs),
    ]),
  );
};

/** `{ [name]: schema, [name.def]: ... }` for `components.schemas`. */
export const embedJsonSchema = (opts: {
  name: string;
  schema: Record<string, unknown>;
}): Record<string, Record<string, unknown>> => {
  const { $schema: _dialect, $id: _id, $defs, ...rest } = opts.schema;
  const component = (def: string) => `#/components/schemas/${opts.name}.${def}`;
  const refs = (ref: string) => {
    const def = /^#\/\$defs\/([\w.-]+)$/.exec(ref)?.[1];
    if (!def) throw new Error(`${opts.name}: a $ref the document cannot follow: ${ref}`);
    return component(def);
  };
  const defs = ($defs ?? {}) as Record<string, unknown>;
  return {
    [opts.name]: rewrite(rest, refs) as Record<string, unknown>,
    ...Object.fromEntries(
      Object.entries(defs).map(([def, schema]) => [
        `${opts.name}.${def}`,
        rewrite(schema, refs) as Record<string, unknown>,
      ]),
    ),
  };
};
