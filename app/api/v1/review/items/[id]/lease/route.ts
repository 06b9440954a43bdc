// POST /api/v1/review/items/:id/lease — {"action":"renew"} keeps the item while the page is open, {"action":"release"} gives it back
import { z } from "zod";
import { releaseLease, renewLease } from "@/lib/review";
import { route } from "@/lib/http/route";
import { jsonBody } from "@/lib/http/json-body";
import { parseInput } from "@/lib/parse-input";

const body = z.object({ action: z.enum(["renew", "release"]) });

export const POST = route<{ id: string }>(async ({ req, ctx, params }) => {
  const { action } = parseInput(body, await jsonBody(req));
  const input = { kind: "review" as const, itemId: params.id };
  return action === "renew" ? renewLease({ ctx, input }) : releaseLease({ ctx, input });
});
