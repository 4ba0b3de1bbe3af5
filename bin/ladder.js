#!/usr/bin/env node
// The `ladder` command; the code is built into build/ by `npm install` (prepare) or `npm run build`.
import '../build/ladder.js';
