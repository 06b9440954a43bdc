export { getDashboard, type Dashboard } from "./get-dashboard";
