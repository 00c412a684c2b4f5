// The OpenAPI description of the HTTP API, served at /openapi.json.
const filters = [
  "text",
  "country",
  "type",
  "cameo",
  "equipment",
  "factuality",
  "since",
  "until",
  "bbox",
  "minCorroboration",
  "limit",
].map((name) => ({
  name,
  in: "query",
  required: false,
  schema: { type: "string" },
}));

export function openApi(version: string): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "orbat API",
      version,
      description: "Sourced, geolocated, time-stamped records from defence reporting.",
    },
    paths: {
      "/api/health": { get: { summary: "Health and versions", responses: { "200": { description: "ok" } } } },
      "/api/stats": {
        get: {
          summary: "Counts of documents, stories, events, entities, sources",
          responses: { "200": { description: "counts" } },
        },
      },
      "/api/events": {
        get: {
          summary: "Events matching the filters, each with evidence and sources",
          parameters: filters,
          responses: { "200": { description: "events" } },
        },
      },
      "/api/documents/{id}": {
        get: {
          summary: "The stored Analysis of a document (see docs/analysis.schema.json)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "Analysis" }, "404": { description: "no such document" } },
        },
      },
      "/api/export": {
        get: {
          summary: "Export matching events",
          parameters: [
            ...filters,
            { name: "format", in: "query", schema: { type: "string", enum: ["geojson", "csv"] } },
          ],
          responses: { "200": { description: "GeoJSON or CSV" } },
        },
      },
      "/api/entities": {
        get: {
          summary: "Entities in the store (places, actors, equipment) with document and mention counts",
          parameters: ["kind", "q", "limit"].map((name) => ({
            name,
            in: "query",
            required: false,
            schema: { type: "string" },
          })),
          responses: { "200": { description: "entities" } },
        },
      },
      "/api/entities/{kbId}/events": {
        get: {
          summary: "Where and when an entity was reported, by whom: the events it takes part in",
          parameters: [
            { name: "kbId", in: "path", required: true, schema: { type: "string" } },
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 50000, default: 5000 },
            },
          ],
          responses: { "200": { description: "events" } },
        },
      },
      "/api/stories": {
        get: {
          summary: "Stories: syndicated copies of one report grouped, with their outlets",
          responses: { "200": { description: "stories" } },
        },
      },
      "/api/basemap": {
        get: {
          summary: "Offline country outlines (GeoJSON)",
          responses: { "200": { description: "GeoJSON" } },
        },
      },
      "/api/analyze": {
        post: {
          summary: "Analyse pasted text or a URL the server fetches; with store=true also store it",
          description:
            "Give `text` (pasted text), `html` (an uploaded page, whose article text is extracted), or `url` alone to have the server fetch it; fetching and storing need the server token (Authorization: Bearer). Fetching checks every resolved address and every redirect: loopback, private, link-local and multicast targets are refused unless the server runs with ORBAT_ALLOW_PRIVATE=1, cloud-metadata targets always; responses are capped at 20 MB, 20 s and 5 redirects. With both, `url` is only recorded.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  anyOf: [{ required: ["text"] }, { required: ["html"] }, { required: ["url"] }],
                  properties: {
                    text: { type: "string", maxLength: 1000000 },
                    html: { type: "string", maxLength: 1900000 },
                    url: { type: "string", format: "uri", maxLength: 2000 },
                    title: { type: "string" },
                    publishedAt: { type: "string" },
                    source: { type: "string" },
                    store: { type: "boolean" },
                  },
                },
              },
            },
          },
          responses: {
            "200": { description: "Analysis" },
            "400": { description: "invalid body, or the URL could not or may not be fetched (error.code)" },
            "401": { description: "token required (storing, or fetching a URL)" },
            "413": { description: "body too large" },
          },
        },
      },
    },
  };
}
