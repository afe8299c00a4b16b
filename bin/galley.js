#!/usr/bin/env node
import { loadCli } from './load.js';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
