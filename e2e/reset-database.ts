// Drops and recreates the e2e database so every run starts empty.
import postgres from "postgres";

const url = new URL(process.env.DATABASE_URL!);
const name = url.pathname.slice(1);
url.pathname = "/postgres";
const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
await sql.unsafe(`drop database if exists "${name}" with (force)`);
await sql.unsafe(`create database "${name}"`);
await sql.end();
