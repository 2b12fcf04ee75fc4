#!/usr/bin/env node
// The journey-lab command. It runs the TypeScript sources through tsx, so it works straight after
// `npm install` with no build step.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { main, nodeIo } = await import('../src/cli/main.ts');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
process.exitCode = await main(process.argv.slice(2), nodeIo(version));
