// The packaged alternatives to sitegen's sharded index, measured on the same documents:
// `node benchmarks/search_engines.mjs DOCS.jsonl` (written by `search_speed.py --engines`).
// MiniSearch and lunr serialise their index as one JSON document a page must load whole
// before its first query; this prints that size, how long indexing took, and a query's time.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const lib = process.env.ENGINES_DIR + "/node_modules/";
const MiniSearch = require(lib + "minisearch/dist/cjs/index.cjs");
const lunr = require(lib + "lunr");

const docs = readFileSync(process.argv[2], "utf8").trim().split("\n").map((line, id) => ({ id, ...JSON.parse(line) }));
const fields = ["t", "p", "x", "n"];
const out = {};

let started = performance.now();
const mini = new MiniSearch({ fields, storeFields: [] });
mini.addAll(docs);
const miniJson = JSON.stringify(mini);
out.minisearch = { index_ms: performance.now() - started, bytes: Buffer.byteLength(miniJson) };
started = performance.now();
const loaded = MiniSearch.loadJSON(miniJson, { fields });
out.minisearch.load_ms = performance.now() - started;
started = performance.now();
out.minisearch.hits = loaded.search("election court", { combineWith: "AND" }).length;
out.minisearch.query_ms = performance.now() - started;

started = performance.now();
const idx = lunr(function () {
  this.ref("id");
  fields.forEach((f) => this.field(f));
  docs.forEach((d) => this.add(d));
});
const lunrJson = JSON.stringify(idx);
out.lunr = { index_ms: performance.now() - started, bytes: Buffer.byteLength(lunrJson) };
started = performance.now();
const again = lunr.Index.load(JSON.parse(lunrJson));
out.lunr.load_ms = performance.now() - started;
started = performance.now();
out.lunr.hits = again.search("+election +court").length;
out.lunr.query_ms = performance.now() - started;

console.log(JSON.stringify(out));
