/** The bundle's entry point (scripts/build-cli.ts → dist/cli/govpost-guard.mjs; bin/ runs it). */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
