export * from "./auth";
export * from "./api-tokens";
export * from "./images";
export * from "./trajectories";
export * from "./audit-log";
export * from "./renders";
export * from "./models";
export * from "./inference-calls";
