/** One file's journey through the upload page. */
export type UploadItem = {
  id: string;
  file: File;
  state: "queued" | "uploading" | "processing" | "ready" | "duplicate" | "error";
  progress: number;
  sha256?: string;
  message?: string;
};

/**
 * POSTs one file with XMLHttpRequest (fetch has no upload progress events),
 * reporting progress 0–1; resolves with the JSON body or rejects with the
 * server's error message.
 */
export function uploadFile(file: File, onProgress: (p: number) => void): Promise<{ sha256: string; status: string; duplicate: boolean }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/images");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error("Network error: the server could not be reached"));
    xhr.onload = () => {
      let body: { error?: { message?: string } } & Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* non-JSON error page */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as never);
      else reject(new Error(body.error?.message ?? `Upload failed (${xhr.status})`));
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
