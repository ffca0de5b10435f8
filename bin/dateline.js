#!/usr/bin/env node
// Launcher. Runs the CLI compiled into dist/ by scripts/compile.mjs (esbuild), compiling first when the sources
// changed since the last compile (a stamp check of a few ms; a compile takes well under a second). When it
// cannot compile (esbuild missing, read-only folder), or DATELINE_NO_COMPILE=1, it runs the TypeScript sources
// through tsx instead (about 2 s more per start, and ~1 s more per worker thread).
let main;
if (process.env.DATELINE_NO_COMPILE !== '1') {
  let dist;
  let compiler;
  try {
    compiler = await import('../scripts/compile.mjs');
    dist = await compiler.ensureCompiled();
  } catch (e) {
    if (process.env.DATELINE_DEBUG) process.stderr.write(`dateline: cannot compile: ${e?.message ?? e}\n`);
  }
  if (dist) {
    if (process.env.DATELINE_DEBUG) process.stderr.write(`dateline: running the compiled code in ${dist}\n`);
    process.setSourceMapsEnabled(true); // stack traces name src/ files (dist/*.js.map)
    ({ main } = await import(compiler.distModule(dist, 'cli')));
  }
}
if (!main) {
  if (process.env.DATELINE_DEBUG) process.stderr.write('dateline: running the sources through tsx\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
