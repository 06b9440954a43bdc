import { describe, expect, it } from "vitest";
import { requireRole, type Actor } from "./actor";

const as = (role: Actor["role"]): Actor => ({ id: "u", email: "u@x", name: "u", role, via: "session" });

describe("requireRole", () => {
  it("refuses anonymous callers as UNAUTHENTICATED", () => {
    expect(() => requireRole(null, ["annotator"])).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });
  it("refuses a role not in the list as FORBIDDEN and names the needed role", () => {
    expect(() => requireRole(as("annotator"), ["researcher"])).toThrow(/researcher/);
  });
  it("lets listed roles and admins through", () => {
    expect(requireRole(as("reviewer"), ["reviewer"]).role).toBe("reviewer");
    expect(requireRole(as("admin"), ["researcher"]).role).toBe("admin");
  });
});
