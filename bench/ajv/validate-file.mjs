// Whole-file ajv validation as a pipeline would run it: one process reads the NDJSON file, parses and validates every
// line, prints the counts and exits. bench/run-onecore.sh times the whole process (start-up and schema compile too).
// Usage: node validate-file.mjs SCHEMA DATA
import { openSync, readSync, closeSync, readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const [schemaPath, dataPath] = process.argv.slice(2);
if (!schemaPath || !dataPath) {
  process.stderr.write('usage: node validate-file.mjs SCHEMA DATA\n');
  process.exit(2);
}
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv, { mode: 'full' });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// Read in 1 MB chunks (a 2 GB file must not have to fit in one Buffer); a line cut by a chunk's end is carried over.
const fd = openSync(dataPath, 'r');
let buffer = Buffer.alloc(1 << 20);
let pending = 0;
let records = 0;
let valid = 0;
let invalidJson = 0;
function line(start, end) {
  if (end > start && buffer[end - 1] === 0x0d) end--;
  if (end <= start) return;
  records++;
  let value;
  try {
    value = JSON.parse(buffer.toString('utf8', start, end));
  } catch {
    invalidJson++;
    return;
  }
  if (validate(value)) valid++;
}
for (;;) {
  if (pending === buffer.length) {
    const grown = Buffer.alloc(buffer.length * 2);
    buffer.copy(grown, 0, 0, pending);
    buffer = grown;
  }
  const read = readSync(fd, buffer, pending, buffer.length - pending, null);
  const length = pending + read;
  let start = 0;
  for (;;) {
    const end = buffer.indexOf(0x0a, start);
    if (end < 0 || end >= length) break;
    line(start, end);
    start = end + 1;
  }
  if (read === 0) {
    line(start, length);
    break;
  }
  buffer.copy(buffer, 0, start, length);
  pending = length - start;
}
closeSync(fd);
process.stdout.write(JSON.stringify({ records, valid, invalid_json: invalidJson }) + '\n');
