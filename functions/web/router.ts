import type { RouteDef } from './context.ts';

export interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

/** Paths like "/experiments/:id"; a parameter is one path segment. */
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
      try {
        const params = Object.fromEntries(
          names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')] as const),
        );
        return { route, params };
      } catch {
        // A malformed %-escape is not a page of ours.
        return undefined;
      }
    }
    return undefined;
  };
};
