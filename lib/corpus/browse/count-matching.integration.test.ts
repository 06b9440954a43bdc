import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createContext } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { makeReviewTrajectories } from "@/test/review/review-fixtures";
import { getCorpusCounts } from "./get-corpus-counts";
import { countMatching } from "./count-matching";
import { listTrajectories } from "./list-trajectories";

let researcher: Actor;
beforeAll(async () => {
  researcher = await makeActor("researcher");
  await makeReviewTrajectories(3, { category: "local" });
});

describe("counts that follow the filters", () => {
  it("a status/category filter is answered from the count table, and agrees with the list", async () => {
    const ctx = createContext({ actor: researcher });
    const filter = { status: "in_review" as const, category: "local" as const };
    const { matching, capped } = await countMatching({ ctx, input: filter });
    const list = await listTrajectories({ ctx, input: { ...filter, limit: 500 } });
    expect(capped).toBe(false);
    expect(matching).toBe(list.items.length);
    expect(matching).toBeGreaterThanOrEqual(3);
    expect(matching).toBeLessThan((await getCorpusCounts({ ctx })).total + 1);
  });

  it("other filters count matching rows; the range filter takes Develop's short names", async () => {
    const ctx = createContext({ actor: researcher });
    const short = await countMatching({ ctx, input: { category: "local", param: "exposure>0.3" } });
    const crs = await countMatching({ ctx, input: { category: "local", param: "Exposure2012>0.3" } });
    const list = await listTrajectories({ ctx, input: { category: "local", param: "exposure>0.3", limit: 500 } });
    expect(short.matching).toBe(crs.matching);
    expect(short.matching).toBe(list.items.length);
    expect((await countMatching({ ctx, input: { category: "local", param: "exposure>0.6" } })).matching).toBe(0);
    await expect(countMatching({ ctx, input: { param: "sparkle>1" } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
