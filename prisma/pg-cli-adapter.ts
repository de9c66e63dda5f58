import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's CLI (migrate deploy / status / diff) on PostgreSQL through @prisma/adapter-pg 6.19:
// the schema engine reads catalogue columns of type `name` (and `"char"`), which the adapter
// cannot map and answers "Column type 'name' could not be deserialized from the database"
// (prisma/prisma#27403, open). Both are text; the CLI's adapter reports them as text. Only the
// CLI uses this; the app's queries never select such columns. Decision 0016.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The adapter runs a migration script by splitting it at every ";" — which cuts a function body
 * ($$ … $$, the triggers of migration 9z06) in pieces. PostgreSQL takes a whole script as one
 * simple query (several statements, run as one transaction): the CLI's adapter sends it so.
 */
function runScriptsWhole(adapter: object) {
  const a = adapter as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never; executeScript(script: string): Promise<void> };
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
}

type Queryable = { performIO(query: unknown): Promise<{ fields?: { dataTypeID: number }[] } | undefined> };

function reportCatalogueTypesAsText(adapter: object) {
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable & { __damTextNames?: true };
  if (queryable.__damTextNames) return;
  const performIO = queryable.performIO;
  queryable.performIO = async function (this: Queryable, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result?.fields ?? []) if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  queryable.__damTextNames = true;
}

export function pgAdapterForCli(connectionString: string) {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    reportCatalogueTypesAsText(adapter);
    runScriptsWhole(adapter);
    return adapter;
  };
  factory.connectToShadowDb = async () => {
    const adapter = await connectToShadowDb();
    reportCatalogueTypesAsText(adapter);
    runScriptsWhole(adapter);
    return adapter;
  };
  return factory;
}
