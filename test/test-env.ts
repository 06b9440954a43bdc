/** The integration/e2e database: TEST_DATABASE_URL, or `<DATABASE_URL's server>/retouchiq_test`. */
export function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq");
  url.pathname = "/retouchiq_test";
  return url.toString();
}
