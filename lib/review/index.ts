// Public API of review: the shared work queue (./queue), the item view's
// data, blind decisions with undo, adjudication of disagreements, settings,
// stats, and the training instructions review produces.
export * from "./queue";
export { getReviewItem, getReviewItemInput, type ReviewItem } from "./get-review-item";
export { canSeeItem } from "./can-see-item";
export { nextReviewItem, nextReviewItemInput } from "./next-review-item";
export { submitReview, submitReviewInput } from "./submit-review";
export { undoReview, undoReviewInput, UNDO_SECONDS } from "./undo-review";
export { listDisputes } from "./list-disputes";
export { getDispute, getDisputeInput } from "./get-dispute";
export { resolveDispute, resolveDisputeInput } from "./resolve-dispute";
export { setReviewSettings, setReviewSettingsInput } from "./set-review-settings";
export { reviewOverlap, queueForReview } from "./queue-for-review";
export { queueWaitingReviews } from "./queue-waiting";
export { reviewStats, reviewStatsInput } from "./review-stats";
export { getTrainingInstructions, getTrainingInstructionsInput } from "./training-instructions";
export { promptName } from "./prompt-name";
export { variantDecision, decisionsInput, type DecisionsInput } from "./decision-input";
