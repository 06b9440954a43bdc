export * from "./auth";
export * from "./api-tokens";
export * from "./images";
export * from "./trajectories";
export * from "./audit-log";
