"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Dialog } from "@/app/_components/ui/dialog";
import { Input, Label, Select } from "@/app/_components/ui/input";
import { useToast } from "@/app/_components/ui/toast";
import { createUserAction } from "./actions";

export function CreateUserButton() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    startTransition(async () => {
      const result = await createUserAction({ email: form.email, name: form.name, password: form.password, role: form.role });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setOpen(false);
      toast(`Created ${result.data.email} (${result.data.role})`, "success");
      router.refresh();
    });
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Create user</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Create user">
        <form onSubmit={onSubmit} className="space-y-3">
          <div>
            <Label htmlFor="cu-name">Name</Label>
            <Input id="cu-name" name="name" required />
          </div>
          <div>
            <Label htmlFor="cu-email">Email</Label>
            <Input id="cu-email" name="email" type="email" required />
          </div>
          <div>
            <Label htmlFor="cu-password">Initial password (min. 8 characters)</Label>
            <Input id="cu-password" name="password" type="password" minLength={8} required />
          </div>
          <div>
            <Label htmlFor="cu-role">Role</Label>
            <Select id="cu-role" name="role" defaultValue="annotator">
              <option value="annotator">annotator</option>
              <option value="reviewer">reviewer</option>
              <option value="researcher">researcher</option>
              <option value="admin">admin</option>
            </Select>
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
