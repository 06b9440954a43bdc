export { type Actor, requireActor, requireRole, requireScope } from "./actor";
export { actorFromApiToken, createApiToken } from "./api-tokens";
export { getAuth } from "./auth";
export { createUser, createUserInput } from "./create-user";
export { getActor } from "./get-actor";
export { listUsers } from "./list-users";
export { recordAudit } from "./record-audit";
