import { describe, expect, it } from "vitest";
import { parseManifest } from "./parse-manifest";

describe("parseManifest", () => {
  it("reads good lines and reports each bad one with its line number and reason", () => {
    const text = [
      '{"before":"a.jpg","params":{"exposure":0.5},"id":"one","split":"val"}',
      "",
      "# a comment",
      '{"before":"b.jpg","xmp":"b.xmp","after":"b.after.jpg"}',
      "{not json",
      '{"before":"c.jpg"}',
      '{"before":"d.jpg","params":{},"xmp":"d.xmp"}',
      '{"before":"e.jpg","params":{},"split":"holdout"}',
    ].join("\n");
    const { items, errors } = parseManifest(text);
    expect(items.map((i) => [i.line, i.ref])).toEqual([
      [1, "one"],
      [4, "b.jpg"],
    ]);
    expect(items[0]).toMatchObject({ before: "a.jpg", params: { exposure: 0.5 }, split: "val" });
    expect(errors.map((e) => e.line)).toEqual([5, 6, 7, 8]);
    expect(errors[0].reason).toMatch(/not valid JSON/);
    expect(errors[1].reason).toMatch(/exactly one of params or xmp/);
    expect(errors[2].reason).toMatch(/exactly one of params or xmp/);
    expect(errors[3].reason).toMatch(/split/);
  });

  it("marks generated rows with their origin and refuses origins a manifest may not claim", () => {
    const { items, errors } = parseManifest(
      '{"before":"a.jpg","params":{},"origin":"preset-derived"}\n{"before":"b.jpg","params":{},"origin":"upload"}',
    );
    expect(items.map((i) => i.origin)).toEqual(["preset-derived"]);
    expect(errors[0].reason).toMatch(/origin/);
  });

  it("accepts Windows line endings and numeric ids", () => {
    const { items, errors } = parseManifest('{"before":"a.jpg","params":{},"id":7}\r\n{"before":"b.jpg","params":{}}\r\n');
    expect(errors).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(["7", undefined]);
  });
});
