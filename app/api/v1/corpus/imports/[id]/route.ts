// GET /api/v1/corpus/imports/:id — an import's progress counters and its failed rows (line + reason)
import { getImportOrThrow } from "@/lib/corpus";
import { route } from "@/lib/http/route";

export const GET = route<{ id: string }>(({ ctx, params }) => getImportOrThrow({ ctx, input: { id: params.id } }));
