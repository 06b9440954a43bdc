// Drops and recreates the e2e database from the migrations so every run starts empty.
import { recreateDatabase } from "../scripts/db-setup";

await recreateDatabase(process.env.DATABASE_URL!);
