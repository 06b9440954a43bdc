"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Dialog } from "@/app/_components/ui/dialog";
import { Input, Label, Select } from "@/app/_components/ui/input";
import { useToast } from "@/app/_components/ui/toast";
import type { PublicModel } from "@/lib/inference";
import { createModelAction, updateModelAction } from "./actions";

const ROLES = ["annotator", "perturber", "policy", "reward", "judge"];
const NUMBERS = ["pixelBudget", "concurrency", "temperature", "maxTokens", "timeoutMs", "maxRetries", "formatRetries"] as const;

/** "Add model" (no `model`) or "Edit" (with `model`) button and dialog. The API key is write-only. */
export function ModelFormButton({ model }: { model?: PublicModel }) {
  const [open, setOpen] = useState(false);
  const [backend, setBackend] = useState(model?.backend ?? "openai-compatible");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const id = model ? `m-${model.id.slice(0, 8)}` : "m-new";

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const input: Record<string, unknown> = { name: form.name, backend: form.backend, promptVersion: form.promptVersion || undefined };
    if (!model) input.role = form.role;
    if (form.backend === "openai-compatible") {
      Object.assign(input, {
        endpoint: form.endpoint || null,
        servedModel: form.servedModel || null,
        imageTransport: form.imageTransport,
        apiKeyEnv: form.apiKeyEnv || null,
        structuredOutput: form.structuredOutput === "on",
      });
      if (form.imageUrlTemplate) input.imageUrlTemplate = form.imageUrlTemplate;
      if (form.apiKey) input.apiKey = form.apiKey;
      for (const k of NUMBERS) if (form[k] !== undefined && form[k] !== "") input[k] = Number(form[k]);
    }
    startTransition(async () => {
      const result = model ? await updateModelAction({ ...input, id: model.id }) : await createModelAction(input);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setOpen(false);
      toast(model ? `Saved ${result.data.name}` : `Added ${result.data.name} (inactive until activated)`, "success");
      router.refresh();
    });
  }

  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <div>
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Input
        id={`${id}-${name}`}
        name={name}
        defaultValue={model ? String((model as Record<string, unknown>)[name] ?? "") : undefined}
        {...props}
      />
    </div>
  );

  return (
    <>
      <Button variant={model ? "ghost" : "primary"} onClick={() => setOpen(true)}>
        {model ? "Edit" : "Add model"}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={model ? `Edit ${model.name}` : "Add model"}>
        <form onSubmit={onSubmit} className="grid max-h-[70vh] grid-cols-2 gap-3 overflow-y-auto">
          {field("name", "Name", { required: true })}
          <div>
            <Label htmlFor={`${id}-role`}>Role</Label>
            <Select id={`${id}-role`} name="role" defaultValue={model?.role ?? "annotator"} disabled={Boolean(model)}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor={`${id}-backend`}>Backend</Label>
            <Select id={`${id}-backend`} name="backend" value={backend} onChange={(e) => setBackend(e.target.value as typeof backend)}>
              <option value="openai-compatible">openai-compatible (vLLM, SGLang, hosted)</option>
              <option value="heuristic">heuristic (built-in, no model)</option>
            </Select>
          </div>
          {field("promptVersion", "Prompt version", { placeholder: "v1" })}
          {backend === "openai-compatible" && (
            <>
              {field("endpoint", "Endpoint (base URL with /v1)", { placeholder: "http://grm:8000/v1" })}
              {field("servedModel", "Served model name")}
              {field("apiKeyEnv", "API key env var (name)", { placeholder: "MODEL_KEY_GRM" })}
              <div>
                <Label htmlFor={`${id}-apiKey`}>
                  {model?.hasStoredKey ? "API key (stored; leave empty to keep)" : "API key (stored encrypted)"}
                </Label>
                <Input id={`${id}-apiKey`} name="apiKey" type="password" autoComplete="off" />
              </div>
              <div>
                <Label htmlFor={`${id}-imageTransport`}>Images sent as</Label>
                <Select id={`${id}-imageTransport`} name="imageTransport" defaultValue={model?.imageTransport ?? "data"}>
                  <option value="data">data: base64</option>
                  <option value="file-url">file:// (server reads the blob store)</option>
                  <option value="http-url">http(s) URL template</option>
                </Select>
              </div>
              {field("imageUrlTemplate", "Image URL template ({sha256})")}
              {field("pixelBudget", "Pixel budget", { type: "number", placeholder: "1003520" })}
              {field("concurrency", "Concurrency (all workers)", { type: "number", placeholder: "8" })}
              {field("temperature", "Temperature", { type: "number", step: "0.05", placeholder: "0" })}
              {field("maxTokens", "Max tokens", { type: "number", placeholder: "4096" })}
              {field("timeoutMs", "Timeout (ms)", { type: "number", placeholder: "120000" })}
              {field("maxRetries", "Retries (429/5xx/timeouts)", { type: "number", placeholder: "3" })}
              {field("formatRetries", "Retries on unparseable answers", { type: "number", placeholder: "2" })}
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="structuredOutput" defaultChecked={model?.structuredOutput ?? true} /> Structured output
                (json_schema)
              </label>
            </>
          )}
          {error && (
            <p role="alert" className="col-span-2 text-sm text-red-600">
              {error}
            </p>
          )}
          <div className="col-span-2 flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
