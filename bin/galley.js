#!/usr/bin/env node
// galley runs its TypeScript sources through tsx: no compile step after npm install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv.slice(2));
