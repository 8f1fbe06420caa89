import type { RouteDef } from './context.ts';

/**
 * zod's UUID pattern, the one the JSON API checks `{id}` with (router.test.ts holds the two equal).
 * Written out because importing zod's pattern module would add to every cold start of the pages.
 */
export const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/**
 * What each path parameter must look like, checked before any controller (and so any database read)
 * runs: an id that is not an experiment's UUID, however long, is simply not a page of ours (404).
 */
const PARAM_PATTERNS: Readonly<Record<string, RegExp>> = { id: UUID };

export interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

/** Paths like "/experiments/:id"; a parameter is one path segment, of the shape PARAM_PATTERNS gives it. */
export const createRouter = (routes: readonly RouteDef[]) => {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, names, regex: new RegExp(`^${source}/?$`) };
  });
  return (method: string, path: string): Match | undefined => {
    // HEAD is a GET without a body: answered by the GET route.
    const wanted = method === 'HEAD' ? 'GET' : method;
    for (const { route, names, regex } of compiled) {
      if (route.method !== wanted) continue;
      const found = regex.exec(path);
      if (!found) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(
          names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')] as const),
        );
      } catch {
        // A malformed %-escape is not a page of ours.
        return undefined;
      }
      if (Object.entries(params).some(([name, value]) => PARAM_PATTERNS[name]?.test(value) === false))
        return undefined;
      return { route, params };
    }
    return undefined;
  };
};
