/** The routes a running server documents, as `METHOD /path/{param}` strings from its OpenAPI document. */
export async function listDocumentedRoutes(baseUrl: string): Promise<Set<string>> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  const document = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
  const routes = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(operations)) routes.add(`${method.toUpperCase()} ${path}`);
  }
  return routes;
}

/**
 * The first of `required` routes the server does not have yet, as a skip reason; undefined when
 * all are there. Lets flow tests wait for modules other people are still building, visibly.
 */
export function missingRoute(routes: Set<string>, required: string[]): string | undefined {
  const missing = required.find((route) => !routes.has(route));
  return missing ? `${missing} is not implemented on this server yet` : undefined;
}
