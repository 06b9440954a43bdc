export { getImageBlob, IMAGE_VARIANTS } from "./get-image-blob";
export { getImageOrThrow } from "./get-image";
export { getImageCounts } from "./get-image-counts";
export { ingestImage, markImageFailed } from "./ingest-image";
export { listImages, listImagesInput } from "./list-images";
export { developDraftUrl, DRAFT_PARAMS_MAX_CHARS, isCurrentEngine, renderDevelopDraft } from "./render-develop-draft";
export { sweepPendingImages } from "./sweep-pending-images";
export { uploadImage, uploadImageInput, type UploadResult } from "./upload-image";
