import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { UploadDropzone } from "./upload-dropzone";

export const metadata = { title: "Upload · RetouchIQ Studio" };

export default async function UploadPage() {
  await requirePageRole(rolesFor("/upload"), "/upload");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Upload images</h1>
      <p className="text-sm text-zinc-500">
        JPEG, PNG, WebP, TIFF or AVIF, up to 100 megapixels. Each file is checked on arrival; identical files are stored once.
      </p>
      <UploadDropzone />
    </div>
  );
}
