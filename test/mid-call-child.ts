// Child process for the kill-mid-call test: makes one policy call against the
// endpoint given and never finishes it (the server hangs); the test SIGKILLs it.
//   tsx --conditions=react-server test/mid-call-child.ts <endpoint> <modelName> <marker>
import { readFileSync } from "node:fs";
import { systemContext } from "@/lib/context";
import { createModel, runRole } from "@/lib/inference";

const [endpoint, name, marker] = process.argv.slice(2);
const ctx = systemContext();
await createModel({
  ctx,
  input: {
    name,
    role: "policy",
    backend: "openai-compatible",
    endpoint,
    servedModel: "test-model",
    timeoutMs: 1_000,
    maxRetries: 0,
    formatRetries: 0,
    active: true,
  },
});
console.log("calling");
await runRole({
  ctx,
  role: "policy",
  input: { source: { bytes: new Uint8Array(readFileSync("public/samples/coffee.jpg")) }, instruction: marker },
});
