// ajv contender of the validation benchmark.
// Usage: node --expose-gc validate.mjs SCHEMA DATA [VERDICTS_OUT] [--passes N]
// Prints one JSON line: {"records":N,"seconds":S,"valid":V,...}; S is the best timed pass.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const ajvVersion = require('ajv/package.json').version;
const ajvFormatsVersion = require('ajv-formats/package.json').version;

// Both packages are CommonJS; depending on the loader the constructor is the module or its default.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const args = process.argv.slice(2);
let passes = 3;
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--passes') {
    passes = Number.parseInt(args[++i], 10);
  } else {
    positional.push(args[i]);
  }
}
const [schemaPath, dataPath, verdictsPath] = positional;
if (!schemaPath || !dataPath || !(passes >= 1)) {
  process.stderr.write('usage: node validate.mjs SCHEMA DATA [VERDICTS_OUT] [--passes N]\n');
  process.exit(2);
}

const ajv = new Ajv2020({ strict: false, allErrors: false });
// Only the formats the schema uses, in ajv-formats' "full" mode (real calendar dates, RFC 5322-style e-mail).
addFormats(ajv, { mode: 'full', formats: ['date', 'email'] });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// Decoding the file into one string per line happens before timing, like the C# side loading byte arrays.
const buffer = readFileSync(dataPath);
const lines = [];
let bytes = 0;
for (let start = 0; start < buffer.length;) {
  let end = buffer.indexOf(0x0a, start);
  if (end < 0) end = buffer.length;
  let stop = end;
  if (stop > start && buffer[stop - 1] === 0x0d) stop--;
  if (stop > start) {
    lines.push(buffer.toString('utf8', start, stop));
    bytes += stop - start;
  }
  start = end + 1;
}

// One function for warm-up and timed passes, so the timed passes run the code the warm-up optimised.
function pass(verdicts) {
  let valid = 0;
  for (let i = 0; i < lines.length; i++) {
    const ok = validate(JSON.parse(lines[i]));
    if (ok) valid++;
    if (verdicts !== null) verdicts[i] = ok ? 0x31 : 0x30;
  }
  return valid;
}

// The warm-up pass also records each record's verdict so the runner can compare it with other validators.
const verdicts = Buffer.alloc(lines.length);
const warmStart = process.hrtime.bigint();
const warmValid = pass(verdicts);
// Like the C# side: on a small file one pass may end before the optimising compiler has run, so warm up for 1 s at least.
while (Number(process.hrtime.bigint() - warmStart) / 1e9 < 1) pass(null);
const warmupSeconds = Number(process.hrtime.bigint() - warmStart) / 1e9;
if (verdictsPath) writeFileSync(verdictsPath, verdicts);

const passSeconds = [];
let valid = warmValid;
for (let p = 0; p < passes; p++) {
  // Garbage of the previous pass is collected outside the timed region, as the C# runner does (node --expose-gc).
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  valid = pass(null);
  passSeconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (valid !== warmValid) {
    process.stderr.write(`valid count changed between passes: ${warmValid} then ${valid}\n`);
    process.exit(1);
  }
}

process.stdout.write(JSON.stringify({
  records: lines.length,
  seconds: Math.min(...passSeconds),
  valid,
  bytes,
  warmup_seconds: warmupSeconds,
  pass_seconds: passSeconds,
  node: process.version,
  ajv: ajvVersion,
  ajv_formats: ajvFormatsVersion,
}) + '\n');
