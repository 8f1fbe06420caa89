/**
 * Tying a schema to the type the code returns, so a described answer cannot fall behind its type: the
 * typecheck fails instead (response-schemas.ts and each route's openapi.ts use it).
 */
import type * as z from 'zod';

type DeepRequired<T> = T extends readonly (infer E)[]
  ? DeepRequired<E>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<Exclude<T[K], undefined>> }
    : T;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `describes<T>()(schema)` is the schema, and a type error unless its output has exactly the fields of
 * `T`, at every depth, with the same types (whether a field is optional aside).
 */
export const describes =
  <T>() =>
  <S extends z.ZodType>(
    schema: S &
      (Same<DeepRequired<T>, DeepRequired<z.output<S>>> extends true
        ? unknown
        : { 'the schema does not describe the type': DeepRequired<T> }),
  ): S =>
    schema;

/** Every member of a string union, or a type error naming the ones left out. */
export const allOf =
  <T extends string>() =>
  <const V extends readonly [T, ...T[]]>(
    values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> }),
  ): V =>
    values;
