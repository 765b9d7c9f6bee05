// Validates JSON documents against a JSON Schema (draft 2020-12) in strict mode.
// Usage: node check-json.mjs SCHEMA FILE.json...
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
let failures = 0;
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, 'utf8')))) continue;
  failures++;
  for (const e of validate.errors) console.log(`FAIL ${basename(file)}: ${e.instancePath || '/'} ${e.message}`);
}
console.log(`${files.length - failures} of ${files.length} JSON documents valid against ${basename(schemaPath)}`);
process.exit(failures ? 1 : 0);
