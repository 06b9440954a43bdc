import { Button } from "@/app/_components/ui/button";

/** A form's submit button and the status line under it (a 4-column grid form). */
export function SubmitWithStatus({ label, pending, message }: { label: string; pending: boolean; message: string | null }) {
  return (
    <>
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          {label}
        </Button>
      </div>
      {message && (
        <p role="status" className="text-sm sm:col-span-4">
          {message}
        </p>
      )}
    </>
  );
}
