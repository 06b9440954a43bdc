/**
 * An OpenAI-compatible endpoint's base URL without trailing slashes: `http://host:8000/v1/` and
 * `http://host:8000/v1` are one server, so they share its Redis concurrency slots and build the
 * same request and health URLs.
 */
export const endpointBase = (endpoint: string): string => endpoint.replace(/\/+$/, "");
