#!/usr/bin/env node
// Entry point of the `northstar` binary (bin/northstar.js loads the compiled copy of this file).
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
