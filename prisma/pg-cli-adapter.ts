import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's CLI (migrate deploy / status / diff) on PostgreSQL through @prisma/adapter-pg 6.19:
// the schema engine reads catalogue columns of type `name` (and `"char"`), which the adapter
// cannot map and answers "Column type 'name' could not be deserialized from the database"
// (prisma/prisma#27403, open). Both are text; the CLI's adapter reports them as text. Only the
// CLI uses this; the app's queries never select such columns. Decision 0016.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

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
    return adapter;
  };
  factory.connectToShadowDb = async () => {
    const adapter = await connectToShadowDb();
    reportCatalogueTypesAsText(adapter);
    return adapter;
  };
  return factory;
}
