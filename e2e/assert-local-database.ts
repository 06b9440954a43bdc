// Refuses to run the e2e suite (which drops its database) against anything
// but a local server and a database whose name says it is for e2e.
const url = new URL(process.env.DATABASE_URL ?? "");
const local = ["127.0.0.1", "localhost", "::1"].includes(url.hostname);
if (!local || !url.pathname.includes("e2e")) {
  console.error(`Refusing to run e2e against ${url.hostname}${url.pathname}: it must be local and named *e2e*`);
  process.exit(1);
}
