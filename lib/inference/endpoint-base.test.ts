import { describe, expect, it } from "vitest";
import { endpointBase } from "./endpoint-base";
import { healthUrls } from "./gateway/health-url";

describe("endpointBase", () => {
  it("drops every trailing slash and nothing else, so a base URL typed with or without one names the same server", () => {
    expect(endpointBase("http://gpu-1:8000/v1//")).toBe("http://gpu-1:8000/v1");
    expect(endpointBase("http://gpu-1:8000/v1")).toBe("http://gpu-1:8000/v1");
    expect(endpointBase("https://host/openai/v1/")).toBe("https://host/openai/v1");
    expect(healthUrls("http://gpu-1:8000/v1/")).toEqual(healthUrls("http://gpu-1:8000/v1"));
    expect(healthUrls("http://gpu-1:8000/v1/")).toEqual(["http://gpu-1:8000/health", "http://gpu-1:8000/v1/models"]);
  });
});
