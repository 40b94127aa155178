#!/usr/bin/env node
// Runs the CLI from its TypeScript source through tsx's loader, so the command always matches
// the engine in this checkout (no build step to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
