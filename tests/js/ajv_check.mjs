// ajv in strict mode, reading outlines with a YAML 1.2 loader (the `yaml` package,
// core schema: `no` stays text, dates stay strings), as an editor's tools would.
// Reads {"schema": PATH, "outlines": {NAME: YAML_TEXT}} on standard input; prints
// {"compiled": true, "results": {NAME: [error, ...]}}: an empty list for a valid outline.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const input = JSON.parse(readFileSync(0, "utf8"));
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(input.schema, "utf8")));
const results = {};
for (const [name, text] of Object.entries(input.outlines)) {
  let data;
  try {
    data = parse(text, { version: "1.2", schema: "core" });
  } catch (error) {
    results[name] = [`YAML: ${error.message}`];
    continue;
  }
  results[name] = validate(data)
    ? []
    : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}
process.stdout.write(JSON.stringify({ compiled: true, results }) + "\n");
