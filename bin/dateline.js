#!/usr/bin/env node
// Thin launcher: load TypeScript sources through tsx, then run the CLI.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
