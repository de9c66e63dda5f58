// The route-strings plugin's module (scripts/route-strings.mjs): each route's message namespaces.
declare module "virtual:route-strings/namespaces" {
  const namespaces: Record<string, string[]>;
  export default namespaces;
}
