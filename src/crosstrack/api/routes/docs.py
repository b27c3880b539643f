"""``GET /docs``: a self-contained page listing the API from ``/openapi.json``.

FastAPI's default docs page loads Swagger UI from a CDN, which is unreachable offline; this
page needs nothing but the server itself: a little inline JavaScript renders every route,
its parameters, request body and responses from the OpenAPI document.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosstrack API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0; } .muted { color: #666; }
section { border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem; }
.method { display: inline-block; min-width: 4.5rem; font-weight: bold; font-family: monospace; }
.get { color: #0a6; } .post { color: #06c; } .patch { color: #a60; } .delete { color: #c22; }
code, pre { font-family: ui-monospace, monospace; background: #f6f6f6; padding: 0 .2rem; }
pre { padding: .5rem; overflow-x: auto; } summary { cursor: pointer; }
table { border-collapse: collapse; }
td, th { text-align: left; padding: .1rem .6rem .1rem 0; vertical-align: top; }
</style>
</head>
<body>
<h1 id="title">crosstrack API</h1>
<p class="muted">Rendered from <a href="/openapi.json">/openapi.json</a>. Authenticate with
<code>Authorization: Bearer &lt;key&gt;</code>.</p>
<div id="routes">Loading…</div>
<script>
"use strict";
const ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"};
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ENTITIES[c]);
const refName = (schema) => (schema && schema.$ref ? schema.$ref.split("/").pop() : null);
const row = (...cells) => "<tr>" + cells.map((c) => "<td>" + c + "</td>").join("") + "</tr>";
function schemaText(spec, schema, depth) {
  const name = refName(schema);
  if (name && depth < 3) return schemaText(spec, spec.components.schemas[name], depth + 1);
  return name || JSON.stringify(schema, null, 2);
}
function contentSchema(spec, content) {
  const json = content && content["application/json"];
  if (!json || !json.schema) return "";
  const name = refName(json.schema);
  return (name ? "<b>" + esc(name) + "</b>" : "") + "<details><summary>schema</summary><pre>" +
    esc(schemaText(spec, json.schema, 0)) + "</pre></details>";
}
function operation(spec, path, method, op) {
  const params = (op.parameters || []).map((p) => row(
    "<code>" + esc(p.name) + "</code>", esc(p.in) + (p.required ? ", required" : ""),
    esc(p.description))).join("");
  const responses = Object.entries(op.responses || {}).map(([code, r]) => row(
    "<b>" + esc(code) + "</b>", esc(r.description), contentSchema(spec, r.content))).join("");
  const body = op.requestBody ? contentSchema(spec, op.requestBody.content) : "";
  return "<section><h3><span class='method " + method + "'>" + method.toUpperCase() +
    "</span> <code>" + esc(path) + "</code> " + esc(op.summary) + "</h3>" +
    "<p>" + esc(op.description) + "</p>" +
    "<p class='muted'>" + (op.security ? "Needs an API key." : "No key needed.") + "</p>" +
    (params ? "<h4>Parameters</h4><table>" + params + "</table>" : "") +
    (body ? "<h4>Request body</h4>" + body : "") +
    "<h4>Responses</h4><table>" + responses + "</table></section>";
}
function render(spec) {
  document.getElementById("title").textContent = spec.info.title + " " + spec.info.version;
  const parts = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) parts.push(operation(spec, path, method, op));
  }
  document.getElementById("routes").innerHTML = parts.join("");
}
fetch("/openapi.json").then((r) => r.json()).then(render).catch((e) => {
  document.getElementById("routes").textContent = "Could not load /openapi.json: " + e;
});
</script>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
def docs_page() -> HTMLResponse:
    """The offline API reference page."""
    return HTMLResponse(PAGE)
